import { backoffDelay } from '../shared/backoff.js'
import { newClientId } from '../shared/ids.js'
import { ApiError, type Api } from './api.js'
import type { ConsoleState, PendingReply } from './state.js'

const MaxTries = 5

/**
 * Sending replies: each gets a client id and shows as pending until the stored message comes
 * back on the websocket. Network and server failures are retried with the same client id (the
 * server stores it once); refusals show as "not sent" with the reason and a button to resend.
 */
export function createReplies (api: Api, state: ConsoleState, changed: () => void) {
  const pendingOf = (id: string, clientId: string): PendingReply | undefined =>
    state.transcript?.conversation.id === id ? state.transcript.pending.find((p) => p.clientId === clientId) : undefined

  const attempt = (id: string, clientId: string, text: string, tries: number): void => {
    api.reply(id, clientId, text).then(
      () => {
        // Stored: the websocket brings the message, which replaces the pending row.
      },
      (err: unknown) => {
        const p = pendingOf(id, clientId)
        if (p === undefined) return
        const transient = err instanceof ApiError && (err.status === 0 || err.status >= 500 || err.status === 429)
        if (transient && tries + 1 < MaxTries) {
          setTimeout(() => attempt(id, clientId, text, tries + 1), backoffDelay(tries, { baseMs: 1000 }))
          return
        }
        p.status = 'failed'
        p.error = (err as Error).message
        changed()
      }
    )
  }

  return {
    send (id: string, text: string): void {
      const tr = state.transcript
      if (tr?.conversation.id !== id) return
      const p: PendingReply = { clientId: newClientId('reply'), text, status: 'sending' }
      tr.pending.push(p)
      changed()
      attempt(id, p.clientId, text, 0)
    },
    retry (id: string, clientId: string): void {
      const p = pendingOf(id, clientId)
      if (p === undefined) return
      p.status = 'sending'
      delete p.error
      changed()
      attempt(id, clientId, p.text, 0)
    },
  }
}
