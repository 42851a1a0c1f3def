/**
 * The one storage interface. SQLite (embedded, the default) and PostgreSQL (scale-out) both
 * implement it and pass the same test suite. Every method that changes several rows does it in
 * one transaction; guards (expected state, expected owner) are part of the same statement, so
 * two instances or two operators racing cannot both win.
 */
export type ConversationState = 'bot' | 'queued' | 'assigned' | 'closed' | 'offline'
export type Author = 'visitor' | 'bot' | 'operator' | 'system'
export type Role = 'operator' | 'editor' | 'admin'

export interface Conversation {
  id: string
  state: ConversationState
  lang: string
  visitorName: string | null
  pageUrl: string | null
  userAgent: string | null
  browserLang: string | null
  /** scrypt-free: a SHA-256 of a 256-bit random token is enough, and lookups stay fast. */
  tokenHash: string
  createdAt: number
  updatedAt: number
  /** The highest message sequence number; messages are 1..lastSeq without gaps. */
  lastSeq: number
  /** When the conversation first entered the queue: its place, kept when it is re-queued. */
  queuedAt: number | null
  assignedTo: string | null
  assignedAt: number | null
  lastVisitorAt: number | null
  /** Last message by the assigned operator: an operator silent for too long gets a reminder, then loses it. */
  lastOperatorAt: number | null
  remindedAt: number | null
  closedAt: number | null
  /** SHA-256 of the widget's random per-browser visitor id: who came back, for deflection (never shown). */
  visitorKey: string | null
  /**
   * SHA-256 of the address the conversation was started from, so that the learning loop counts
   * people rather than conversations (never shown; an IPv4 hash can be reversed by brute force,
   * so it is kept only as long as the conversation).
   */
  addressKey?: string | null
}

export interface Message {
  conversationId: string
  seq: number
  /** A random id, stable across instances, for links and feedback. */
  id: string
  author: Author
  text: string
  /** Safe HTML for bot answers; absent for typed text, which clients always show as text. */
  html: string | null
  lang: string
  at: number
  /** What kind of message: `answer`, `clarify`, `feedback`, `contact`, `state`, ... null for plain text. */
  kind: string | null
  /** The sender's id for this frame: a resend with the same id is the same message. */
  clientId: string | null
  entryId: string | null
  operatorId: string | null
  /** Kind-specific data: clarify choices, the bot's evidence, the feedback's target, ... */
  data: Record<string, unknown> | null
}

export type NewMessage = Omit<Message, 'seq' | 'id' | 'conversationId'> & { id?: string }

export type ConversationPatch = Partial<Omit<Conversation, 'id' | 'tokenHash' | 'createdAt' | 'lastSeq'>>

/** A guard for a conditional update: every given field must hold, or nothing is written. */
export interface ConversationGuard {
  states?: ConversationState[]
  assignedTo?: string | null
}

export interface Operator {
  id: string
  username: string
  name: string
  role: Role
  langs: string[]
  passwordHash: string
  /** How many conversations at once. */
  capacity: number
  failedLogins: number
  lockedUntil: number | null
  createdAt: number
  disabled: boolean
}

export interface Session {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  idHash: string
  operatorId: string
  csrfToken: string
  createdAt: number
  expiresAt: number
}

/** A message left outside hours: it must never be lost, and someone must see it. */
export interface Contact {
  id: string
  conversationId: string
  email: string
  text: string
  lang: string
  at: number
  handledBy: string | null
  handledAt: number | null
}

/** An operator's word that an escalated question is answered by an FAQ entry: the learning loop's input. */
export interface FaqLink {
  id: string
  conversationId: string
  /** The visitor message it is about. */
  seq: number
  entryId: string
  lang: string
  /** The question as stored (redacted). */
  question: string
  operatorId: string
  at: number
}

/** Where a proposal came from: the visitor message, and the operator who linked or answered it. */
export interface ProposalSource {
  conversationId: string
  seq: number
  operatorId: string | null
  at: number
  /** The conversation's visitor and address keys: support counts people, not conversations. */
  visitorKey?: string | null
  addressKey?: string | null
}

export type ProposalStatus = 'open' | 'accepted' | 'rejected'

/**
 * A change to the FAQ proposed by the learning loop, waiting for an editor: a new way of asking
 * an existing entry (`question`), or a draft entry written from operators' answers (`entry`).
 * Nothing reaches the FAQ until an editor accepts it.
 */
export interface Proposal {
  id: string
  kind: 'question' | 'entry'
  lang: string
  /** The entry a `question` is for; the suggested id of a new `entry`. */
  entryId: string | null
  /** Proposals with the same key are the same proposal: a repeat adds support, not a row. */
  dedupeKey: string
  /** The question variant(s) to add (a draft entry: the visitors' questions it answers). */
  questions: string[]
  title: string | null
  /** A draft entry's answer, from the operators' replies (shown to the editor, never to visitors before acceptance). */
  answer: string | null
  sources: ProposalSource[]
  /** How many distinct visitors proposed it: sources sharing a conversation, visitor key or address key count once. */
  support: number
  status: ProposalStatus
  createdAt: number
  updatedAt: number
  decidedBy: string | null
  decidedAt: number | null
  /** The FAQ file an accepted proposal was written to. */
  file: string | null
  /** The editor's note (why it was rejected), or what was written. */
  note: string | null
}

export type NewProposal = Omit<
  Proposal,
  'support' | 'status' | 'updatedAt' | 'decidedBy' | 'decidedAt' | 'file' | 'note'
>

/** A message as analytics read it: everything but its text. */
export type MessageEvent = Omit<Message, 'text' | 'html' | 'clientId'>

/** What the live gauges of `/metrics` show, counted by the database. */
export interface LiveCounts {
  queued: number
  /** The earliest `queuedAt` (else `createdAt`) among queued conversations; null when nobody waits. */
  oldestQueuedAt: number | null
  assigned: number
  offline: number
  /** Conversations still with the bot, created at or after the `botSince` asked for. */
  recentBot: number
  /** Offline messages nobody has handled. */
  openContacts: number
}

export interface ConversationFilter {
  states?: ConversationState[]
  assignedTo?: string
}

/** A queued conversation's place in the queue: `queuedAt` is its first queued time (created, if none). */
export interface QueuedRow {
  id: string
  lang: string
  queuedAt: number
}

export interface AppendResult {
  /** The messages as stored (for a duplicate, the ones stored the first time). */
  messages: Message[]
  /** True when the first message's client id was already stored: nothing new was written. */
  duplicate: boolean
  conversation: Conversation
}

/** Where the data is, for another thread to open it (the analytics worker reads there). */
export type StoreLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }

export interface Store {
  readonly kind: 'sqlite' | 'postgres'
  /** Undefined when no other thread can open the same data (an in-memory SQLite database). */
  readonly location?: StoreLocation
  createConversation(c: Omit<Conversation, 'lastSeq'>): Promise<Conversation>
  getConversation(id: string): Promise<Conversation | undefined>
  /** In queue order (first queued, else created, then id); a page of `limit` (default 500) after `offset`. */
  listConversations(filter: ConversationFilter & { limit?: number; offset?: number }): Promise<Conversation[]>
  /** How many conversations `listConversations` would list without a limit. */
  countConversations(filter: ConversationFilter): Promise<number>
  /** Every queued conversation, in queue order, with only what its place needs: no limit, a light read. */
  listQueued(): Promise<QueuedRow[]>
  /** Applies `patch` only if `guard` holds; returns the updated conversation, or undefined when the guard failed. */
  updateConversation(id: string, patch: ConversationPatch, guard?: ConversationGuard): Promise<Conversation | undefined>
  /**
   * Stores messages with the next sequence numbers, and optionally patches the conversation,
   * in one transaction. When the first message has a client id already stored in this
   * conversation by the same author, nothing is written and the earlier messages of that frame are returned.
   * When `guard` fails, nothing is written and undefined is returned.
   */
  appendMessages(
    conversationId: string,
    messages: NewMessage[],
    patch?: ConversationPatch,
    guard?: ConversationGuard,
  ): Promise<AppendResult | undefined>
  messagesAfter(conversationId: string, afterSeq: number, limit?: number): Promise<Message[]>
  /** How long recently closed conversations were handled by a person (closedAt − assignedAt), newest first. */
  handlingTimes(since: number, limit: number): Promise<number[]>

  createOperator(o: Operator): Promise<void>
  getOperator(id: string): Promise<Operator | undefined>
  getOperatorByUsername(username: string): Promise<Operator | undefined>
  listOperators(): Promise<Operator[]>
  updateOperator(id: string, patch: Partial<Omit<Operator, 'id' | 'username' | 'createdAt'>>): Promise<void>
  /** Counts a failed login atomically and locks the account at `max` failures: returns the new state. */
  recordLoginFailure(
    id: string,
    at: number,
    max: number,
    lockMs: number,
  ): Promise<{ failedLogins: number; lockedUntil: number | null }>

  /** This instance has the operator's console open until `until` (renewed by a heartbeat). */
  touchPresence(operatorId: string, instanceId: string, until: number): Promise<void>
  dropPresence(operatorId: string, instanceId: string): Promise<void>
  /** Operators with a console open on any instance at `now`. */
  onlineOperatorIds(now: number): Promise<string[]>

  createSession(s: Session): Promise<void>
  getSession(idHash: string): Promise<Session | undefined>
  deleteSession(idHash: string): Promise<void>
  deleteExpiredSessions(now: number): Promise<number>

  /** Idempotent on the contact id: a resent offline message is stored once. */
  addContact(c: Contact): Promise<void>
  listContacts(filter: { handled?: boolean; limit?: number }): Promise<Contact[]>
  markContactHandled(id: string, operatorId: string, at: number): Promise<boolean>

  /** Idempotent on the link id. */
  addFaqLink(link: FaqLink): Promise<void>
  listFaqLinks(filter: { since?: number; limit?: number }): Promise<FaqLink[]>

  /**
   * Stores a proposal, or when an open one with the same dedupe key exists, adds the new
   * sources to it (support counts distinct sources). A decided proposal is not reopened.
   */
  upsertProposal(p: NewProposal): Promise<{ proposal: Proposal; created: boolean }>
  getProposal(id: string): Promise<Proposal | undefined>
  /** Newest first among equal support; open ones by support. */
  listProposals(filter: { status?: ProposalStatus; lang?: string; limit?: number }): Promise<Proposal[]>
  /** Decides an open proposal; undefined when it is not open any more (someone else decided it first). */
  decideProposal(
    id: string,
    decision: {
      status: 'accepted' | 'rejected'
      decidedBy: string
      decidedAt: number
      file?: string | null
      note?: string | null
    },
  ): Promise<Proposal | undefined>

  /**
   * Visitor messages at or after `since` (before `until`) that carry data: typed questions with their triage, and
   * feedback; the newest `limit`, oldest first.
   */
  visitorQuestions(filter: { since: number; until?: number; limit?: number }): Promise<Message[]>
  /** Conversations created in [from, to), oldest first. */
  conversationsCreated(from: number, to: number, limit?: number): Promise<Conversation[]>
  /** The messages (without text) of the conversations created in [from, to), by conversation and seq. */
  messageEvents(from: number, to: number, limit?: number): Promise<MessageEvent[]>
  /** Counts for the live gauges, without reading rows: conversations by open state, recent bot ones, open contacts. */
  liveCounts(botSince: number): Promise<LiveCounts>

  /**
   * Deletes conversations last updated before `before`, with their messages and contacts, except those with an
   * unhandled contact.
   */
  purgeBefore(before: number): Promise<number>
  /** Runs `fn` only if no other instance is running the job `name` now; returns whether it ran. */
  runExclusive(name: string, fn: () => Promise<void>): Promise<boolean>
  close(): Promise<void>
}

/**
 * Live events between the parts of one instance (and, with PostgreSQL, between instances).
 * An event is only a hint: "conversation X has messages up to seq N", "the queue changed".
 * Whoever receives it reads the rows from the store, so a lost or repeated hint never loses or
 * duplicates a message.
 */
export type BusEvent =
  | { type: 'message'; conversationId: string; seq: number }
  | { type: 'conversation'; conversationId: string }
  | { type: 'typing'; conversationId: string; author: 'visitor' | 'operator' }
  | { type: 'reminder'; conversationId: string; operatorId: string }

/** Listen to one conversation's events, or to every event with `'*'` (operators' consoles). */
export type Topic = string | '*'

export interface EventBus {
  publish(event: BusEvent): void
  /** Returns the unsubscribe function. */
  subscribe(topic: Topic, listener: (event: BusEvent) => void): () => void
  close(): Promise<void>
}
