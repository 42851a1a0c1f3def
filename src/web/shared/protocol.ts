/**
 * The wire frames as the browser code reads and writes them (see PROTOCOL.md): the same types
 * as the server's. Type-only: esbuild erases these imports, so the bundles do not pull in the
 * server's schema compiler.
 */
export type {
  AckFrame,
  ErrorFrame,
  MessageFrame,
  StateFrame,
  TypingFrame,
  VisitorActionFrame,
  VisitorServerFrame,
  WelcomeFrame,
  VisitorHello as VisitorHelloFrame,
} from '../../core/protocol.js'
export type { ConversationState } from '../../core/conversation/state.js'

/** Error codes after which sending the same frame again can succeed. */
export const RetryableErrors = new Set(['FD_ERR_STORE_UNAVAILABLE', 'FD_ERR_RATE_LIMITED', 'FD_ERR_CONFLICT'])

/** Parses a JSON frame from the server; anything that is not an object with a type is dropped. */
export function parseFrame<T extends { type: string }> (data: unknown): T | undefined {
  if (typeof data !== 'string') return undefined
  try {
    const value: unknown = JSON.parse(data)
    return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
      ? (value as T)
      : undefined
  } catch {
    return undefined
  }
}
