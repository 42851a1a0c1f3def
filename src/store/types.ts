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

export interface AppendResult {
  /** The messages as stored (for a duplicate, the ones stored the first time). */
  messages: Message[]
  /** True when the first message's client id was already stored: nothing new was written. */
  duplicate: boolean
  conversation: Conversation
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres'
  createConversation(c: Omit<Conversation, 'lastSeq'>): Promise<Conversation>
  getConversation(id: string): Promise<Conversation | undefined>
  listConversations(filter: { states?: ConversationState[], assignedTo?: string, limit?: number }): Promise<Conversation[]>
  /** Applies `patch` only if `guard` holds; returns the updated conversation, or undefined when the guard failed. */
  updateConversation(id: string, patch: ConversationPatch, guard?: ConversationGuard): Promise<Conversation | undefined>
  /**
   * Stores messages with the next sequence numbers, and optionally patches the conversation,
   * in one transaction. When the first message has a client id already stored in this
   * conversation, nothing is written and the earlier messages of that frame are returned.
   * When `guard` fails, nothing is written and undefined is returned.
   */
  appendMessages(conversationId: string, messages: NewMessage[], patch?: ConversationPatch, guard?: ConversationGuard): Promise<AppendResult | undefined>
  messagesAfter(conversationId: string, afterSeq: number, limit?: number): Promise<Message[]>
  /** How long recently closed conversations were handled by a person (closedAt − assignedAt), newest first. */
  handlingTimes(since: number, limit: number): Promise<number[]>

  createOperator(o: Operator): Promise<void>
  getOperator(id: string): Promise<Operator | undefined>
  getOperatorByUsername(username: string): Promise<Operator | undefined>
  listOperators(): Promise<Operator[]>
  updateOperator(id: string, patch: Partial<Omit<Operator, 'id' | 'username' | 'createdAt'>>): Promise<void>
  /** Counts a failed login atomically and locks the account at `max` failures: returns the new state. */
  recordLoginFailure(id: string, at: number, max: number, lockMs: number): Promise<{ failedLogins: number, lockedUntil: number | null }>

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
  listContacts(filter: { handled?: boolean, limit?: number }): Promise<Contact[]>
  markContactHandled(id: string, operatorId: string, at: number): Promise<boolean>

  /** Idempotent on the link id. */
  addFaqLink(link: FaqLink): Promise<void>
  listFaqLinks(filter: { since?: number, limit?: number }): Promise<FaqLink[]>

  /** Deletes conversations last updated before `before`, with their messages and contacts, except those with an unhandled contact. */
  purgeBefore(before: number): Promise<number>
  /** Runs `fn` only if no other instance is running the job `name` now; returns whether it ran. */
  runExclusive(name: string, fn: () => Promise<void>): Promise<boolean>
  close(): Promise<void>
}
