import type { LiveStatus } from './live.js'
import type { Contact, ConversationSummary, Operator, OperatorMessage, QueueTotals } from './types.js'

/** The lists of the queue that come in pages. */
export type PagedList = 'queued' | 'offline'

/** A reply typed by the operator and not yet stored. */
export interface PendingReply {
  clientId: string
  text: string
  status: 'sending' | 'failed'
  error?: string
}

/** The conversation on screen: its summary, every message so far, and replies on their way. */
export interface Transcript {
  conversation: ConversationSummary
  messages: OperatorMessage[]
  pending: PendingReply[]
}

export type Route =
  { view: 'home' } | { view: 'conversation'; id: string } | { view: 'inbox' } | { view: 'faq' } | { view: 'analytics' }

/** Everything the console shows. Views read it; only app.ts changes it. */
export interface ConsoleState {
  me: Operator
  operators: Operator[]
  /** The latest queue snapshot (queued, offline and assigned conversations), in queue order. */
  queue: ConversationSummary[]
  /** When the snapshot arrived (ms), to let waiting times tick locally. */
  queueAt: number
  /** How many there are in all: the snapshot lists the first page of the queued and offline ones. */
  queueTotal?: QueueTotals
  /** The further pages the operator asked for ("show more"), after the snapshot's own. */
  queueMore: Record<PagedList, ConversationSummary[]>
  openContacts: number
  contacts?: Contact[]
  route: Route
  transcript?: Transcript
  /** Conversation id → until when (ms) the visitor is shown as typing. */
  typingUntil: Map<string, number>
  /** Conversations with something the operator has not seen yet. */
  unread: Set<string>
  /** Conversations the server reminded us about (the visitor waits for our answer). */
  reminded: Set<string>
  /** My conversations' latest visitor message, for the list. */
  lastVisitorText: Map<string, string>
  /** `conversation:seq` → the FAQ entry title an operator linked to that question. */
  linked: Map<string, string>
  live: LiveStatus
}

/** The summary of a conversation from the queue snapshot, if it is in it. */
export function fromQueue (state: ConsoleState, id: string): ConversationSummary | undefined {
  return state.queue.find((c) => c.id === id)
}

/** Waiting time now, from the snapshot's figure plus the time since it arrived. */
export function waitingNow (c: ConversationSummary, queueAt: number, now: number): number | undefined {
  return c.waiting_seconds === null ? undefined : c.waiting_seconds + (now - queueAt) / 1000
}

/** Whether I may reply: the conversation is assigned to me. */
export function isMine (state: ConsoleState, c: ConversationSummary): boolean {
  return c.state === 'assigned' && c.assigned_to === state.me.id
}
