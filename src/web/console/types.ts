/** The operators' API as the console reads it (see the OpenAPI docs at /api/v1/docs). */

export type ConversationState = 'bot' | 'queued' | 'assigned' | 'closed' | 'offline'

export interface Operator {
  id: string
  username: string
  name: string
  role: 'operator' | 'editor' | 'admin'
  langs: string[]
  capacity: number
  online?: boolean
}

/** One of the bot's best guesses for a question. */
export interface Guess {
  entryId: string
  title: string
  confidence: number
}

export interface ConversationSummary {
  id: string
  state: ConversationState
  lang: string
  visitor_name: string | null
  page_url: string | null
  user_agent: string | null
  browser_lang: string | null
  created_at: string
  updated_at: string
  queued_at: string | null
  waiting_seconds: number | null
  assigned_to: string | null
  assigned_name: string | null
  last_seq: number
  question?: string
  guesses?: Guess[]
}

/** The bot's evidence on a visitor question (`data.triage`). */
export interface Triage {
  decision: 'answer' | 'clarify' | 'escalate'
  reason?: string
  entryId?: string
  confidence: number
  lang: string
  langMethod?: string
  candidates?: Guess[]
}

export interface OperatorMessage {
  conversation_id: string
  seq: number
  id: string
  author: 'visitor' | 'bot' | 'operator' | 'system'
  text: string
  html: string | null
  lang: string
  at: string
  kind: string | null
  entry_id: string | null
  operator_id: string | null
  client_id: string | null
  data: (Record<string, unknown> & { triage?: Triage; operatorName?: string; email?: string }) | null
}

export interface Contact {
  id: string
  conversation_id: string
  email: string
  text: string
  lang: string
  at: string
  handled_by: string | null
  handled_at: string | null
}

export interface Suggestion {
  entry_id: string
  title: string
  confidence: number
  text: string
  html: string
}
export interface FaqEntry {
  id: string
  title: string
}

/** Frames from `/ws/operator`. */
export type OperatorServerFrame =
  | { type: 'queue'; conversations: ConversationSummary[]; open_contacts: number }
  | ({ type: 'message' } & OperatorMessage)
  | { type: 'typing'; author: 'visitor'; conversation_id: string }
  | { type: 'reminder'; conversation_id: string }
  | { type: 'ack'; client_id: string; seq: number; conversation_id?: string }
  | { type: 'error'; code: string; message: string; client_id?: string }

/** A group of unanswered questions in the editors' report. */
export interface ReportGroup {
  id: string
  lang: string
  count: number
  conversations: number
  reasons: Record<string, number>
  first_at: string
  last_at: string
  questions: { text: string; conversation_id: string; seq: number; at: string; reason: string; personal: boolean }[]
  closest: { entry_id: string; title: string; confidence: number }[]
  top_terms: string[]
}

export interface FaqReport {
  since: string
  questions: number
  groups: ReportGroup[]
}

/** A change to the FAQ proposed by the learning loop, for an editor to accept or reject. */
export interface Proposal {
  id: string
  kind: 'question' | 'entry'
  lang: string
  entry_id: string | null
  entry_title: string | null
  questions: string[]
  title: string | null
  answer: string | null
  support: number
  status: 'open' | 'accepted' | 'rejected'
  created_at: string
  updated_at: string
  sources: { conversation_id: string; seq: number; by: 'operator' | 'visitor' }[]
  decided_by: string | null
  file: string | null
  note: string | null
}

/** The figures of a group of conversations, as `GET /api/v1/analytics` gives them (times in seconds). */
export interface AnalyticsSummary {
  conversations: number
  empty: number
  engaged: number
  bot_answered: number
  clarified: number
  escalated: number
  queued: number
  assigned: number
  abandoned: number
  waiting: number
  offline: number
  offline_messages: number
  deflected: number
  pending: number
  unverified: number
  recontacted: number
  deflection_rate: number | null
  helpful_yes: number
  helpful_no: number
  queue_wait_p50: number | null
  queue_wait_p90: number | null
  first_response_p50: number | null
  first_response_p90: number | null
  handling_p50: number | null
  handling_p90: number | null
  csat_count: number
  csat_average: number | null
}

export interface AnalyticsReport {
  from: string
  to: string
  time_zone: string
  recontact_hours: number
  lang: string | null
  totals: AnalyticsSummary
  days: (AnalyticsSummary & { day: string })[]
  langs: (AnalyticsSummary & { lang: string })[]
  entries: {
    entry_id: string
    title: string
    answers: number
    conversations: number
    helpful_yes: number
    helpful_no: number
    deflected: number
    escalated_after: number
  }[]
  operators: {
    operator_id: string
    username: string
    name: string
    conversations: number
    first_response_p50: number | null
    first_response_p90: number | null
    handling_p50: number | null
    handling_p90: number | null
    csat_count: number
    csat_average: number | null
  }[]
}
