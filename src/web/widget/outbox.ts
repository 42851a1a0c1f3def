import { RetryableErrors, type VisitorActionFrame } from '../shared/protocol.js'
import type { OutboxItem } from './session-store.js'

export interface OutboxDeps {
  /** What was still unacknowledged when the page was left. */
  initial: OutboxItem[]
  save(items: OutboxItem[]): void
  /** Sends a frame now; false when not connected. */
  send(frame: object): boolean
  isOnline(): boolean
  /** The connection looks alive but acks stopped coming: reconnect. */
  restart(): void
  changed(): void
}

// A frame not acknowledged within this long means the connection is dead even if it looks open.
const AckTimeoutMs = 12_000
const RetryMs = 3000

/**
 * Frames waiting for their ack, in order, saved across reloads. Everything pending is sent
 * again after each (re)connection with its original client id, so the server stores it once;
 * a refusal that can pass later (store busy, rate limit) is retried, any other is shown as
 * not sent, to be retried or dropped by the visitor.
 */
export function createOutbox (deps: OutboxDeps) {
  let items = deps.initial
  let slowDown = false
  let ackTimer: ReturnType<typeof setTimeout> | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  // Sent on this connection and not answered yet: sent once per connection, since every resend
  // counts against the visitor's messages per minute.
  const inFlight = new Set<string>()

  const set = (next: OutboxItem[]): void => {
    items = next
    deps.save(items)
    deps.changed()
  }
  const find = (clientId: string | undefined): OutboxItem | undefined =>
    items.find((i) => i.frame.client_id === clientId)

  const flush = (): void => {
    const pending = items.filter((i) => i.status === 'pending' && !inFlight.has(i.frame.client_id))
    if (pending.length === 0 || !deps.isOnline()) return
    for (const item of pending) if (deps.send(item.frame)) inFlight.add(item.frame.client_id)
    clearTimeout(ackTimer)
    ackTimer = setTimeout(() => {
      if (items.some((i) => i.status === 'pending')) deps.restart()
    }, AckTimeoutMs)
  }

  return {
    items: (): OutboxItem[] => items,
    /** The server asked us to slow down. */
    slowDown: (): boolean => slowDown,
    /** Sends the pending frames not sent on this connection yet, in order, and watches for their acks. */
    flush,
    /** A new connection: sends every pending frame again, in order. */
    resend (): void {
      inFlight.clear()
      flush()
    },
    add (frame: VisitorActionFrame, label?: string): void {
      set([...items, { frame, status: 'pending', ...(label !== undefined && { label }) }])
      flush()
    },
    /** The frame is stored (its ack, or the stored message with its client id, came back). */
    acknowledge (clientId: string): void {
      slowDown = false
      inFlight.delete(clientId)
      if (find(clientId) !== undefined) set(items.filter((i) => i.frame.client_id !== clientId))
      if (!items.some((i) => i.status === 'pending')) clearTimeout(ackTimer)
    },
    refused (clientId: string | undefined, code: string): void {
      const item = find(clientId)
      if (item === undefined) return
      inFlight.delete(item.frame.client_id)
      if (RetryableErrors.has(code)) {
        slowDown = code === 'FD_ERR_RATE_LIMITED'
        clearTimeout(retryTimer)
        retryTimer = setTimeout(flush, slowDown ? RetryMs * 3 : RetryMs)
        deps.changed()
        return
      }
      set(items.map((i) => (i === item ? { ...i, status: 'failed', error: code } : i)))
    },
    /** Sends a refused frame again, unchanged (same client id). */
    retry (clientId: string): void {
      set(
        items.map((i) =>
          i.frame.client_id === clientId
            ? { frame: i.frame, status: 'pending', ...(i.label !== undefined && { label: i.label }) }
            : i
        )
      )
      flush()
    },
    /** Forgets a frame (refused, or meant for a conversation that is gone). */
    discard (clientId: string): void {
      set(items.filter((i) => i.frame.client_id !== clientId))
    },
    /** Keeps only the frames that still make sense (a new conversation: typed texts). */
    keep (predicate: (item: OutboxItem) => boolean): void {
      set(items.filter(predicate))
    },
  }
}

export type Outbox = ReturnType<typeof createOutbox>
