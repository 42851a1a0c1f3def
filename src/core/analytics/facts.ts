/**
 * One fact row per conversation, computed from its row and its messages (without their text).
 * Pure: the caller reads the store and passes the time in. The input types are the fields of
 * the store's conversations and message events that analytics read, so the core does not
 * depend on the store.
 */

/** What analytics read of a conversation. */
export interface ConversationInput {
  id: string
  state: 'bot' | 'queued' | 'assigned' | 'closed' | 'offline'
  lang: string
  createdAt: number
  queuedAt: number | null
  assignedTo: string | null
  closedAt: number | null
  /** A hash of the widget's per-browser id; null for clients that do not send one. */
  visitorKey: string | null
}

/** What analytics read of a message: everything but its text. */
export interface MessageInput {
  conversationId: string
  seq: number
  author: 'visitor' | 'bot' | 'operator' | 'system'
  at: number
  kind: string | null
  entryId: string | null
  operatorId: string | null
  data: Record<string, unknown> | null
}

/**
 * Whether a conversation counts as deflected (resolved without a person, see the README):
 * - `empty`: the visitor never wrote, or only small talk ("hello", "ok"); outside the deflection rate's denominator.
 * - `person`: it reached people, or the visitor asked for them (queue, offline form, handoff, "no, it did not help").
 * - `unanswered`: the bot's last reply was not an answer (or it never answered).
 * - `recontacted`: answered, but the same visitor opened another conversation within the window.
 * - `pending`: answered, and the re-contact window has not ended yet.
 * - `unverified`: answered, but without a visitor key nobody can tell whether they came back.
 * - `deflected`: answered, never reached a person, and the visitor did not come back within the window.
 */
export type Deflection = 'empty' | 'person' | 'unanswered' | 'recontacted' | 'pending' | 'unverified' | 'deflected'

export interface ConversationFact {
  id: string
  createdAt: number
  lang: string
  /**
   * The visitor asked something (small talk alone does not count), picked a choice, asked for a person or
   * left a message.
   */
  engaged: boolean
  /** Bot answers given, in order, by FAQ entry id. */
  answers: string[]
  /** The entry of the last answer (deflections are attributed to it). */
  lastEntry: string | null
  clarified: boolean
  /** Handed to people: the live queue or the offline form. */
  escalated: boolean
  /** Entered the live queue (not the offline form). */
  queued: boolean
  /** Claimed by an operator (from the queue or the offline inbox). */
  assigned: boolean
  /** Was offered the offline form. */
  offline: boolean
  /** Offline messages (visitor `contact` messages). */
  offlineMessages: number
  /** Entered the live queue, no operator ever wrote, and it is not waiting any more. */
  abandoned: boolean
  /** Entered the live queue and still waits for an operator's first message. */
  waiting: boolean
  /** ms from entering the queue to the first claim. */
  queueWaitMs: number | null
  /** ms from entering the queue to the first operator message. */
  firstResponseMs: number | null
  /** ms from the first claim to the close. */
  handlingMs: number | null
  /** The operator who handled it last (the assignee, else the last one who wrote). */
  operatorId: string | null
  /** The operator who wrote the first operator message. */
  firstResponderId: string | null
  /** "Did this help?" answers by entry id (the last answer per bot answer counts). */
  helpful: { entryId: string | null; helpful: boolean }[]
  /** The visitor's last 1–5 rating. */
  csat: number | null
  deflection: Deflection
}

export interface FactOptions {
  /** How long after a conversation's last message the same visitor coming back still counts as a re-contact. */
  recontactMs: number
  /** Now: windows that end after it are pending. */
  now: number
}

/** Visitor message kinds that show the visitor wanted something (a greeting alone, or a close, does not). */
const EngagedKinds = new Set<string | null>([null, 'choice', 'handoff', 'contact', 'feedback'])

/**
 * The facts of each conversation in `conversations`. `messages` are theirs (any order);
 * `later` are conversations created after them (at least up to the end of their re-contact
 * windows), so that a visitor who came back can be seen.
 */
export function conversationFacts (
  conversations: readonly ConversationInput[],
  messages: readonly MessageInput[],
  later: readonly ConversationInput[],
  options: FactOptions
): ConversationFact[] {
  const byConversation = new Map<string, MessageInput[]>()
  for (const m of messages) {
    const list = byConversation.get(m.conversationId)
    if (list === undefined) byConversation.set(m.conversationId, [m])
    else list.push(m)
  }
  const starts = new Map<string, number[]>()
  for (const c of [...conversations, ...later]) {
    if (c.visitorKey === null) continue
    const list = starts.get(c.visitorKey)
    if (list === undefined) starts.set(c.visitorKey, [c.createdAt])
    else list.push(c.createdAt)
  }
  return conversations.map((c) => {
    const own = [...(byConversation.get(c.id) ?? [])].sort((a, b) => a.seq - b.seq)
    return factOf(c, own, starts.get(c.visitorKey ?? '') ?? [], options)
  })
}

function factOf (
  c: ConversationInput,
  messages: MessageInput[],
  visitorStarts: number[],
  options: FactOptions
): ConversationFact {
  const visitor = messages.filter((m) => m.author === 'visitor')
  const answerMessages = messages.filter((m) => m.author === 'bot' && m.kind === 'answer')
  const answers = answerMessages.map((m) => m.entryId ?? '')
  const systemKinds = new Set(messages.filter((m) => m.author === 'system').map((m) => m.kind))
  const operatorMessages = messages.filter((m) => m.author === 'operator')
  const firstAssigned = messages.find((m) => m.author === 'system' && m.kind === 'assigned')
  const handoff = visitor.some((m) => m.kind === 'handoff')
  const triagedEscalate = visitor.some((m) => m.kind === null && triageDecision(m) === 'escalate')
  const helpful = feedbackOf(visitor, answerMessages)
  const offlineMessages = visitor.filter((m) => m.kind === 'contact').length
  const queued = systemKinds.has('queue') || systemKinds.has('escalate')
  const offline = systemKinds.has('offline')
  const assigned = firstAssigned !== undefined
  const operatorWrote = operatorMessages.length > 0
  const queuedAt = queued ? c.queuedAt : null
  const still = c.state === 'queued' || c.state === 'assigned'
  const ratings = visitor.filter((m) => m.kind === 'rating' && typeof m.data?.score === 'number')
  const lastBotReply = [...messages]
    .reverse()
    .find((m) => m.author === 'bot' && (m.kind === 'answer' || m.kind === 'clarify'))
  const lastOperator = operatorMessages[operatorMessages.length - 1]

  const fact: ConversationFact = {
    id: c.id,
    createdAt: c.createdAt,
    lang: c.lang,
    // Small talk alone ("hello" and gone) asked nothing: neither deflected nor failed.
    engaged: visitor.some((m) => EngagedKinds.has(m.kind) && !(m.kind === null && triageDecision(m) === 'smalltalk')),
    answers,
    lastEntry: answers[answers.length - 1] ?? null,
    clarified: messages.some((m) => m.author === 'bot' && m.kind === 'clarify'),
    escalated: queued || offline || offlineMessages > 0,
    queued,
    assigned,
    offline,
    offlineMessages,
    abandoned: queued && !operatorWrote && !still,
    waiting: queued && !operatorWrote && still,
    queueWaitMs: queuedAt !== null && firstAssigned !== undefined ? Math.max(0, firstAssigned.at - queuedAt) : null,
    firstResponseMs:
      queuedAt !== null && operatorMessages[0] !== undefined ? Math.max(0, operatorMessages[0].at - queuedAt) : null,
    handlingMs:
      firstAssigned !== undefined && c.closedAt !== null && c.state === 'closed'
        ? Math.max(0, c.closedAt - firstAssigned.at)
        : null,
    operatorId: c.assignedTo ?? lastOperator?.operatorId ?? null,
    firstResponderId: operatorMessages[0]?.operatorId ?? null,
    helpful,
    csat: ratings.length === 0 ? null : Number(ratings[ratings.length - 1]?.data?.score),
    deflection: 'empty',
  }
  const person =
    fact.escalated || assigned || operatorWrote || handoff || triagedEscalate || helpful.some((f) => !f.helpful)
  fact.deflection = !fact.engaged
    ? 'empty'
    : person
      ? 'person'
      : lastBotReply?.kind !== 'answer'
        ? 'unanswered'
        : returned(c, messages, visitorStarts, options)
  return fact
}

/** Whether the visitor came back within the window after the conversation's last message. */
function returned (
  c: ConversationInput,
  messages: MessageInput[],
  visitorStarts: number[],
  options: FactOptions
): Deflection {
  if (c.visitorKey === null) return 'unverified'
  const last = messages.reduce((max, m) => Math.max(max, m.at), c.createdAt)
  const windowEnd = last + options.recontactMs
  if (visitorStarts.some((at) => at > c.createdAt && at <= windowEnd)) return 'recontacted'
  return options.now < windowEnd ? 'pending' : 'deflected'
}

function triageDecision (m: MessageInput): unknown {
  const triage = m.data?.triage
  return typeof triage === 'object' && triage !== null ? (triage as Record<string, unknown>).decision : undefined
}

/** The visitor's last "did this help?" per answer, attributed to the answer's entry. */
function feedbackOf (visitor: MessageInput[], answers: MessageInput[]): { entryId: string | null; helpful: boolean }[] {
  const last = new Map<number, boolean>()
  for (const m of visitor) {
    if (m.kind !== 'feedback' || typeof m.data?.helpful !== 'boolean') continue
    last.set(typeof m.data.seq === 'number' ? m.data.seq : -m.seq, m.data.helpful)
  }
  return [...last].map(([seq, helpful]) => ({ entryId: answers.find((a) => a.seq === seq)?.entryId ?? null, helpful }))
}
