/**
 * The server → client frames as the browser code reads them (see PROTOCOL.md). Kept apart from
 * `core/protocol.ts` so browser bundles do not pull in the server's schema compiler.
 */

/** A stored message, as the visitor protocol sends it. */
export interface MessageFrame {
  type: 'message'
  seq: number
  id: string
  author: 'visitor' | 'bot' | 'operator' | 'system'
  text: string
  html?: string
  lang: string
  at: string
  kind?: string
  choices?: { entry_id: string, title: string }[]
  entry_id?: string
  operator_name?: string
  client_id?: string
}

export type ConversationState = 'bot' | 'queued' | 'assigned' | 'closed' | 'offline'

export interface StateFrame {
  type: 'state'
  state: ConversationState
  queue_position?: number
  eta_seconds?: number
  operator_name?: string
  back_at?: string
  back_at_text?: string
}

export interface WelcomeFrame { type: 'welcome', conversation_id: string, resume_token: string, state: ConversationState, lang: string, last_seq: number }
export interface AckFrame { type: 'ack', client_id: string, seq: number, conversation_id?: string }
export interface ErrorFrame { type: 'error', code: string, message: string, client_id?: string }
export interface TypingFrame { type: 'typing', author: string, conversation_id?: string }

export type VisitorServerFrame = WelcomeFrame | AckFrame | MessageFrame | StateFrame | ErrorFrame | TypingFrame

/** Frames the visitor sends that change something: each carries a client id and waits for its ack. */
export type VisitorActionFrame =
  | { type: 'text', client_id: string, text: string }
  | { type: 'choose', client_id: string, entry_id: string }
  | { type: 'feedback', client_id: string, seq: number, helpful: boolean }
  | { type: 'handoff', client_id: string }
  | { type: 'contact', client_id: string, email: string, text: string }
  | { type: 'rating', client_id: string, score: number }
  | { type: 'close', client_id: string }

export interface VisitorHelloFrame {
  type: 'hello'
  conversation_id?: string
  resume_token?: string
  last_seq?: number
  lang?: string
  name?: string
  page_url?: string
}

/** Error codes after which sending the same frame again can succeed. */
export const RetryableErrors = new Set(['FD_ERR_STORE_UNAVAILABLE', 'FD_ERR_RATE_LIMITED', 'FD_ERR_CONFLICT'])

/** Parses a JSON frame from the server; anything that is not an object with a type is dropped. */
export function parseFrame<T extends { type: string }> (data: unknown): T | undefined {
  if (typeof data !== 'string') return undefined
  try {
    const value: unknown = JSON.parse(data)
    return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' ? value as T : undefined
  } catch {
    return undefined
  }
}
