import { backoffDelay } from '../shared/backoff.js'
import { parseFrame } from '../shared/protocol.js'
import type { OperatorServerFrame } from './types.js'

export type LiveStatus = 'connecting' | 'online' | 'offline'

export interface LiveOptions {
  onFrame(frame: OperatorServerFrame): void
  onStatus(status: LiveStatus): void
  /** Called after a few failed attempts in a row: the session may have expired. */
  onTrouble(): void
}

const TroubleAfter = 3

/**
 * The console's websocket (`/ws/operator`): the queue, and the messages of the watched
 * conversations. Reconnects with backoff and then watches the same conversations again from
 * the last seq seen, so nothing is missed while it was down.
 */
export function createLive (options: LiveOptions) {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/operator`
  const watched = new Map<string, number>()
  let ws: WebSocket | undefined
  let attempt = 0
  let failures = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false

  const send = (frame: object): void => {
    if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame))
  }
  const connect = (): void => {
    if (stopped) return
    options.onStatus('connecting')
    const socket = new WebSocket(url)
    let opened = false
    ws = socket
    socket.addEventListener('open', () => {
      opened = true
      attempt = 0
      failures = 0
      options.onStatus('online')
      send({ type: 'hello' })
      for (const [id, seq] of watched) send({ type: 'watch', conversation_id: id, last_seq: seq })
    })
    socket.addEventListener('message', (event) => {
      const frame = parseFrame<OperatorServerFrame>(event.data)
      if (frame === undefined) return
      if (frame.type === 'message' && (watched.get(frame.conversation_id) ?? Infinity) < frame.seq) {
        watched.set(frame.conversation_id, frame.seq)
      }
      options.onFrame(frame)
    })
    socket.addEventListener('close', () => {
      if (ws === socket) ws = undefined
      if (stopped) return
      options.onStatus('offline')
      if (!opened && ++failures >= TroubleAfter) options.onTrouble()
      clearTimeout(timer)
      timer = setTimeout(connect, backoffDelay(attempt++, { maxMs: 15_000 }))
    })
  }
  const online = (): void => {
    if (ws === undefined && !stopped) {
      clearTimeout(timer)
      attempt = 0
      connect()
    }
  }
  window.addEventListener('online', online)

  return {
    start (): void {
      stopped = false
      if (ws === undefined) connect()
    },
    stop (): void {
      stopped = true
      clearTimeout(timer)
      window.removeEventListener('online', online)
      ws?.close()
      ws = undefined
    },
    /** Streams a conversation's messages after `lastSeq`. */
    watch (id: string, lastSeq: number): void {
      if (watched.has(id)) return
      watched.set(id, lastSeq)
      send({ type: 'watch', conversation_id: id, last_seq: lastSeq })
    },
    /** Streams again from `lastSeq`, whether or not it was watched (after reading the transcript). */
    rewatch (id: string, lastSeq: number): void {
      watched.set(id, lastSeq)
      send({ type: 'watch', conversation_id: id, last_seq: lastSeq })
    },
    unwatch (id: string): void {
      if (!watched.delete(id)) return
      send({ type: 'unwatch', conversation_id: id })
    },
    /** The highest seq streamed for a watched conversation. */
    seen: (id: string): number | undefined => watched.get(id),
    isWatched: (id: string): boolean => watched.has(id),
    typing (id: string): void {
      send({ type: 'typing', conversation_id: id })
    },
    /** Asks for the queue again (after the console was asleep, say). */
    refresh (): void {
      send({ type: 'hello' })
    },
  }
}

export type Live = ReturnType<typeof createLive>
