import type { ErrorCode } from '../core/errors.js'
import {
  checkVisitorFrame,
  CloseCodes,
  type ErrorFrame,
  type FrameCheck,
  type StateFrame,
  type VisitorFrame,
} from '../core/protocol.js'
import type { BusEvent } from '../store/types.js'
import type { VisitorMeta } from '../services/conversations.js'
import { visitorMessageFrame } from '../services/frames.js'
import type { Conversation } from '../store/types.js'
import type { Frontdesk } from './plugins/context.js'

/** The transport under a channel: a websocket, or anything that can send frames and close. */
export interface FrameSocket {
  /** `droppable`: a frame that may be skipped when the client is behind (typing). */
  send(frame: object, droppable?: boolean): void
  close(code: number, reason: string): void
  /** Told about failures that were answered with an error frame, for the logs. */
  onError?(err: unknown): void
  /** Stop and start reading from the client: backpressure when frames arrive faster than they are stored. */
  pause?(): void
  resume?(): void
}

// A flood is warned this many times (error frames), then disconnected.
const FloodWarnings = 10
// Invalid frames on one connection before it is closed with 4400: a client that sends them is
// broken or probing, and each one still costs a parse and an answer.
const MaxInvalidFrames = 5
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
export function createVisitorChannel (fd: Frontdesk, socket: FrameSocket, meta: VisitorMeta & { address: string }) {
  const limits = fd.config.limits
  let conversation: Conversation | undefined
  let invalidFrames = 0
  let lastSent = 0
  let unsubscribe: (() => void) | undefined
  let closed = false
  let queue: Promise<void> = Promise.resolve()
  let pumping: Promise<void> | undefined
  let pumpAgain = false
  let inFlight = 0

  const send = (frame: object, droppable = false): void => {
    if (!closed) socket.send(frame, droppable)
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

  /** Sends everything stored after the last seq sent, page after page; runs again if more arrived meanwhile. */
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
          // A page at a time until a read comes back empty: a client far behind is caught up
          // whole, and a message stored meanwhile is in the next page.
          for (let caughtUp = false; !caughtUp && !closed;) {
            const page = await fd.conversations.messagesAfter(conversation.id, lastSent)
            caughtUp = true
            for (const m of page) {
              if (m.seq <= lastSent) continue
              send(visitorMessageFrame(m))
              lastSent = m.seq
              caughtUp = false
            }
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

  // While queued, the visitor's place changes when anyone else's conversation moves: the queue
  // feed computes every place once per change and sends each visitor its own.
  let queueWatch: (() => void) | undefined
  const watchQueue = (queued: boolean): void => {
    if (queued && queueWatch === undefined && conversation !== undefined) {
      queueWatch = fd.queue.watchPlace(conversation.id, (frame: StateFrame) => send(frame))
    } else if (!queued && queueWatch !== undefined) {
      queueWatch()
      queueWatch = undefined
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
    else if (event.type === 'typing' && event.author === 'operator') send({ type: 'typing', author: 'operator' }, true)
  }

  const hello = async (frame: Extract<VisitorFrame, { type: 'hello' }>): Promise<void> => {
    const opened = await fd.conversations.open(frame, meta)
    if (!opened.ok) {
      error(opened.code, opened.message)
      if (opened.code === 'FD_ERR_RATE_LIMITED') close(CloseCodes.rateLimited, 'too many new conversations')
      else close(CloseCodes.forbidden, 'conversation not found')
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
    if (!allowed(frame.client_id)) return
    const outcome = await fd.conversations.handle(conversation.id, frame)
    if (outcome.ok) send({ type: 'ack', client_id: frame.client_id, seq: outcome.seq })
    else error(outcome.code, outcome.message, frame.client_id)
  }

  /**
   * Charges one message to the conversation, its visitor and the address. Over the allowance:
   * false, with a warning (unless the frame was already answered), then a 4429 close.
   */
  const allowed = (clientId?: string, warn = true): boolean => {
    const taken = fd.allowance.message({
      address: meta.address,
      ...(conversation !== undefined && { conversationId: conversation.id, visitorKey: conversation.visitorKey }),
    })
    if (taken.ok) return true
    if (warn) error('FD_ERR_RATE_LIMITED', 'too many messages: wait a moment and send again', clientId)
    if (taken.refused > FloodWarnings) abusive(CloseCodes.rateLimited, 'too many messages')
    return false
  }

  /** An invalid frame: answered, charged like a message, and after a few the connection is closed. */
  const invalid = (checked: Extract<FrameCheck<unknown>, { ok: false }>): void => {
    error(checked.code, checked.message)
    if (checked.code === 'FD_ERR_FRAME_TOO_BIG') return close(CloseCodes.tooBig, 'frame too big')
    if (++invalidFrames >= MaxInvalidFrames) return abusive(CloseCodes.badFrame, 'too many invalid frames')
    allowed(undefined, false)
  }

  /** Closes for abuse, which counts against the address's new connections. */
  const abusive = (code: number, reason: string): void => {
    if (closed) return
    fd.allowance.abused(meta.address)
    close(code, reason)
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
      const checked: FrameCheck<VisitorFrame> = isBinary
        ? { ok: false, code: 'FD_ERR_FRAME_INVALID', message: 'binary frames are not accepted: send JSON text' }
        : checkVisitorFrame(raw)
      // Invalid frames wait their turn like the others: answered in order, and under the same
      // in-flight pause, so a stream of them cannot jump the queue or outrun the reader.
      if (++inFlight === MaxInFlight) socket.pause?.()
      queue = queue
        .then(() => {
          if (closed) return
          return checked.ok ? handle(checked.frame) : invalid(checked)
        })
        .catch((err: unknown) => {
          const clientId = checked.ok && 'client_id' in checked.frame ? checked.frame.client_id : undefined
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
