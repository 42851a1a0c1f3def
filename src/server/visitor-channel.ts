import type { ErrorCode } from '../core/errors.js'
import { checkVisitorFrame, CloseCodes, type ErrorFrame, type VisitorFrame } from '../core/protocol.js'
import type { BusEvent } from '../store/types.js'
import type { VisitorMeta } from '../services/conversations.js'
import { visitorMessageFrame } from '../services/frames.js'
import type { Conversation } from '../store/types.js'
import type { Frontdesk } from './plugins/context.js'

/** The transport under a channel: a websocket, or anything that can send frames and close. */
export interface FrameSocket {
  send(frame: object): void
  close(code: number, reason: string): void
  /** Told about failures that were answered with an error frame, for the logs. */
  onError?(err: unknown): void
  /** Stop and start reading from the client: backpressure when frames arrive faster than they are stored. */
  pause?(): void
  resume?(): void
}

// A flood is warned this many times (error frames), then disconnected.
const FloodWarnings = 10
const QueueRefreshMs = 300
// A client with this many frames waiting is not read from until it is down to ResumeAt:
// one fast client must not fill memory or starve the others.
const MaxInFlight = 16
const ResumeAt = 4

/**
 * One visitor connection, whatever carries it: the first frame must be `hello` (within the
 * configured time), then frames are handled strictly in order, each acknowledged only after it
 * is stored. Messages reach the visitor through the bus hint and a read from the store after
 * the last seq sent, so every message arrives once, in order, even across reconnects.
 */
export function createVisitorChannel (fd: Frontdesk, socket: FrameSocket, meta: VisitorMeta) {
  const limits = fd.config.limits
  let conversation: Conversation | undefined
  let lastSent = 0
  let unsubscribe: (() => void) | undefined
  let closed = false
  let queue: Promise<void> = Promise.resolve()
  let pumping: Promise<void> | undefined
  let pumpAgain = false
  let inFlight = 0

  const send = (frame: object): void => {
    if (!closed) socket.send(frame)
  }
  const error = (code: ErrorCode, message: string, clientId?: string): void => {
    const frame: ErrorFrame = { type: 'error', code, message, ...(clientId !== undefined && { client_id: clientId }) }
    send(frame)
  }
  const close = (code: number, reason: string): void => {
    if (closed) return
    socket.close(code, reason)
    dispose()
  }
  const helloTimer = setTimeout(
    () => close(CloseCodes.helloTimeout, 'no hello in time'),
    limits.helloTimeoutSeconds * 1000
  )

  /** Sends everything stored after the last seq sent; runs again if more arrived meanwhile. */
  const pump = (): Promise<void> => {
    if (pumping !== undefined) {
      pumpAgain = true
      return pumping
    }
    pumping = (async () => {
      try {
        do {
          pumpAgain = false
          if (conversation === undefined || closed) break
          for (const m of await fd.conversations.messagesAfter(conversation.id, lastSent)) {
            if (m.seq <= lastSent) continue
            send(visitorMessageFrame(m))
            lastSent = m.seq
          }
        } while (pumpAgain)
      } catch {
        // The store is down: the next hint or a reconnect catches up.
      } finally {
        // Cleared in the same synchronous step as the last pumpAgain check, so a hint that
        // arrives after it starts a new pump instead of joining one that is already done.
        pumping = undefined
      }
    })()
    return pumping
  }

  // While queued, the visitor's place changes when anyone else's conversation moves: watch the
  // whole queue then (debounced), and only then, so idle visitors cost nothing.
  let queueWatch: (() => void) | undefined
  let queueTimer: NodeJS.Timeout | undefined
  const watchQueue = (queued: boolean): void => {
    if (queued && queueWatch === undefined) {
      queueWatch = fd.bus.subscribe('*', (event) => {
        if (event.type !== 'conversation' || event.conversationId === conversation?.id) return
        // At most one refresh per interval, never postponed by the next change: under steady
        // traffic a restarted timer would never fire.
        queueTimer ??= setTimeout(() => {
          queueTimer = undefined
          void sendState().catch(() => {})
        }, QueueRefreshMs)
      })
    } else if (!queued && queueWatch !== undefined) {
      queueWatch()
      queueWatch = undefined
      clearTimeout(queueTimer)
      queueTimer = undefined
    }
  }

  const sendState = async (): Promise<void> => {
    if (conversation === undefined || closed) return
    const current = await fd.conversations.get(conversation.id)
    if (current === undefined) return
    send(await fd.conversations.state(current))
    watchQueue(current.state === 'queued')
  }

  const onEvent = (event: BusEvent): void => {
    if (event.type === 'message') void pump()
    else if (event.type === 'conversation') void sendState().catch(() => {})
    else if (event.type === 'typing' && event.author === 'operator') send({ type: 'typing', author: 'operator' })
  }

  const hello = async (frame: Extract<VisitorFrame, { type: 'hello' }>): Promise<void> => {
    const opened = await fd.conversations.open(frame, meta)
    if (!opened.ok) {
      error(opened.code, opened.message)
      close(CloseCodes.forbidden, 'conversation not found')
      return
    }
    clearTimeout(helloTimer)
    conversation = opened.conversation
    lastSent = Math.min(frame.last_seq ?? 0, conversation.lastSeq)
    send({
      type: 'welcome',
      conversation_id: conversation.id,
      resume_token: opened.resumeToken,
      state: conversation.state,
      lang: conversation.lang,
      last_seq: conversation.lastSeq,
    })
    unsubscribe = fd.bus.subscribe(conversation.id, onEvent)
    await pump()
    await sendState()
  }

  const handle = async (frame: VisitorFrame): Promise<void> => {
    if (frame.type === 'hello') {
      if (conversation !== undefined) {
        return error('FD_ERR_FRAME_UNEXPECTED', 'hello was already said on this connection')
      }
      return await hello(frame)
    }
    if (conversation === undefined) return error('FD_ERR_FRAME_UNEXPECTED', 'say hello first')
    if (frame.type === 'typing') {
      fd.conversations.typing(conversation.id)
      return
    }
    const allowed = fd.visitorBuckets.take(conversation.id, fd.clock())
    if (!allowed.ok) {
      error('FD_ERR_RATE_LIMITED', 'too many messages: wait a moment and send again', frame.client_id)
      if (allowed.refused > FloodWarnings) close(CloseCodes.rateLimited, 'too many messages')
      return
    }
    const outcome = await fd.conversations.handle(conversation.id, frame)
    if (outcome.ok) send({ type: 'ack', client_id: frame.client_id, seq: outcome.seq })
    else error(outcome.code, outcome.message, frame.client_id)
  }

  function dispose (): void {
    closed = true
    clearTimeout(helloTimer)
    unsubscribe?.()
    watchQueue(false)
  }

  return {
    /** One raw frame from the transport; processed after every earlier one. */
    receive (raw: Buffer | string, isBinary = false): void {
      if (closed) return
      if (isBinary) {
        error('FD_ERR_FRAME_INVALID', 'binary frames are not accepted: send JSON text')
        return
      }
      const checked = checkVisitorFrame(raw)
      if (!checked.ok) {
        error(checked.code, checked.message)
        if (checked.code === 'FD_ERR_FRAME_TOO_BIG') close(CloseCodes.tooBig, 'frame too big')
        return
      }
      if (++inFlight === MaxInFlight) socket.pause?.()
      queue = queue
        .then(() => handle(checked.frame))
        .catch((err: unknown) => {
          const clientId = 'client_id' in checked.frame ? checked.frame.client_id : undefined
          error('FD_ERR_STORE_UNAVAILABLE', 'the message could not be stored; please send it again', clientId)
          socket.onError?.(err)
        })
        .finally(() => {
          if (--inFlight === ResumeAt && !closed) socket.resume?.()
        })
    },
    dispose,
  }
}
