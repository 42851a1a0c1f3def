import { backoffDelay } from '../shared/backoff.js'
import type { VisitorHelloFrame, VisitorServerFrame } from '../shared/protocol.js'
import { httpTransport } from './http-transport.js'
import { TransportCodes, type OpenTransport, type Transport } from './transport.js'
import { websocketTransport } from './ws-transport.js'

/** Where the connection stands, for the status line. */
export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'unavailable'

export interface ConnectionOptions {
  base: string
  /** Use HTTP from the start. */
  forceHttp: boolean
  /** The hello for the next attempt (it changes: conversation id, last seq). */
  hello(): VisitorHelloFrame
  /** The highest seq shown, for the HTTP long poll. */
  lastSeq(): number
  onFrame(frame: VisitorServerFrame): void
  onStatus(status: ConnectionStatus): void
  /** The saved conversation does not exist or the token is wrong (close code 4403). */
  onRejected(): void
  /**
   * How to open a transport of the kind chosen; tests pass a fake.
   * @default the websocket to `/ws/visitor`, or the HTTP fallback
   */
  openTransport?: (kind: Transport['kind']) => OpenTransport
}

// Websocket attempts that fail before the server answers, in a row, while the browser says it
// is online: after this many, the network is taken to block websockets and HTTP is used.
const WebSocketFailuresBeforeHttp = 2
const GoingAwayDelayMs = 300
const RateLimitedDelayMs = 15_000

/**
 * Keeps one transport open to the server: reconnects with backoff, at once when the browser
 * comes back online, soon after a server restart (1001), and falls back to HTTP when
 * websockets never get through.
 */
export function createConnection (options: ConnectionOptions) {
  let transport: Transport | undefined
  let welcomed = false
  let running = false
  let attempt = 0
  let wsFailures = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let status: ConnectionStatus = 'idle'

  const setStatus = (next: ConnectionStatus): void => {
    if (next === status) return
    status = next
    options.onStatus(next)
  }
  const useHttp = (): boolean =>
    options.forceHttp || typeof WebSocket === 'undefined' || wsFailures >= WebSocketFailuresBeforeHttp

  const connect = (): void => {
    clearTimeout(timer)
    timer = undefined
    if (!running || transport !== undefined) return
    setStatus(attempt === 0 ? 'connecting' : 'reconnecting')
    welcomed = false
    const kind = useHttp() ? 'http' : 'websocket'
    const open =
      options.openTransport?.(kind) ??
      (kind === 'http' ? httpTransport(options.base, options.lastSeq) : websocketTransport(options.base))
    const current: Transport = open(options.hello(), {
      frame (frame) {
        if (frame.type === 'welcome') {
          welcomed = true
          attempt = 0
          if (current.kind === 'websocket') wsFailures = 0
          setStatus('online')
        }
        options.onFrame(frame)
      },
      closed ({ code, welcomed: answered }) {
        if (transport === current) transport = undefined
        welcomed = false
        if (!running) return
        if (code === TransportCodes.notAllowedHere) {
          // The server refuses this page (allowedOrigins): say so, and stop trying.
          running = false
          setStatus('unavailable')
          return
        }
        if (code === TransportCodes.gone) {
          setStatus('reconnecting')
          options.onRejected()
          return
        }
        if (current.kind === 'websocket' && !answered && navigator.onLine !== false) wsFailures++
        retryLater(code)
      },
    })
    transport = current
  }

  const retryLater = (code: number): void => {
    setStatus('reconnecting')
    const delay =
      code === TransportCodes.goingAway
        ? GoingAwayDelayMs
        : code === TransportCodes.rateLimited
          ? RateLimitedDelayMs
          : backoffDelay(attempt)
    attempt++
    clearTimeout(timer)
    timer = setTimeout(connect, delay)
  }

  const drop = (): void => {
    const current = transport
    transport = undefined
    welcomed = false
    current?.close()
  }

  const online = (): void => {
    if (!running) return
    attempt = 0
    if (transport === undefined) connect()
  }
  const offline = (): void => {
    // The socket may linger for minutes on a dead network: let it go and wait for "online".
    if (!running) return
    drop()
    retryLater(TransportCodes.network)
  }
  window.addEventListener('online', online)
  window.addEventListener('offline', offline)

  return {
    /** Connects (if not already). */
    start (): void {
      if (running) return
      running = true
      attempt = 0
      connect()
    },
    /** Disconnects and stays disconnected until `start`. */
    stop (): void {
      running = false
      clearTimeout(timer)
      drop()
      setStatus('idle')
    },
    /** Drops the current transport and reconnects now (a frame went unanswered for too long). */
    restart (): void {
      if (!running) return
      drop()
      connect()
    },
    /** Sends a frame if connected and welcomed; says whether it went. */
    send (frame: object): boolean {
      if (transport === undefined || !welcomed) return false
      transport.send(frame)
      return true
    },
    isOnline: (): boolean => transport !== undefined && welcomed,
    transportKind: (): 'websocket' | 'http' | undefined => transport?.kind,
    dispose (): void {
      this.stop()
      window.removeEventListener('online', online)
      window.removeEventListener('offline', offline)
    },
  }
}

export type Connection = ReturnType<typeof createConnection>
