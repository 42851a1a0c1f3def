/**
 * The operators' API as the console reads it. The shapes are the server's own schemas
 * (src/server/schemas, also served as OpenAPI at /api/v1/docs), imported as types only: the
 * console bundle carries none of their code, and a change on the server that the console does
 * not follow fails the type check.
 */
import type { Static } from '@sinclair/typebox'
import type { AnalyticsReportSchema, OperatorRowSchema, SummarySchema } from '../../server/schemas/analytics.js'
import type {
  ConversationList,
  ConversationSummary,
  Guess,
  OperatorMessage as WireMessage,
} from '../../server/schemas/conversations.js'

export type { Operator, ConversationState } from '../../server/schemas/common.js'
export type { ConversationList, ConversationSummary, Guess }
export type { Contact } from '../../server/schemas/contacts.js'
export type { FaqEntry, Suggestion } from '../../server/schemas/faq.js'
export type { FaqReport, Proposal, ReportGroup } from '../../server/schemas/learning.js'

/** One of the bot's candidates as stored with a question's evidence (camelCase, as the core writes it). */
export interface Candidate {
  entryId: string
  title: string
  confidence: number
}

/** The bot's evidence on a visitor question (`data.triage`). */
export interface Triage {
  decision: 'answer' | 'clarify' | 'escalate'
  reason?: string
  entryId?: string
  confidence: number
  lang: string
  langMethod?: string
  candidates?: Candidate[]
}

/** A message as operators see it, with what the console reads of its `data`. */
export type OperatorMessage = Omit<WireMessage, 'data'> & {
  data: (Record<string, unknown> & { triage?: Triage; operatorName?: string; email?: string }) | null
}

/** How many conversations are in each list, over all pages. */
export interface QueueTotals {
  queued: number
  assigned: number
  offline: number
}

/** Frames from `/ws/operator`. */
export type OperatorServerFrame =
  | { type: 'queue'; conversations: ConversationSummary[]; open_contacts: number; total?: QueueTotals }
  | ({ type: 'message' } & OperatorMessage)
  | { type: 'typing'; author: 'visitor'; conversation_id: string }
  | { type: 'reminder'; conversation_id: string }
  | { type: 'ack'; client_id: string; seq: number; conversation_id?: string }
  | { type: 'error'; code: string; message: string; client_id?: string }

/** The figures of a group of conversations, as `GET /api/v1/analytics` gives them (times in seconds). */
export type AnalyticsSummary = Static<typeof SummarySchema>
export type AnalyticsOperatorRow = Static<typeof OperatorRowSchema>
/** The whole report: asked for without `group`, it has every breakdown. */
export type AnalyticsReport = Required<Static<typeof AnalyticsReportSchema>>
