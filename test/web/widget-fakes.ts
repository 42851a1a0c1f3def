import type { Test } from 'tap'
import type {
  MessageFrame,
  VisitorHelloFrame,
  VisitorServerFrame,
  WelcomeFrame,
} from '../../src/web/shared/protocol.js'
import type { Transport, TransportEvents } from '../../src/web/widget/transport.js'

/**
 * What the widget's logic needs of a browser, and no more: no DOM. `window` only carries the
 * online/offline events, `localStorage` is a map that outlives a controller (a reload), and
 * `WebSocket` exists only when asked for.
 */
export function installBrowser (options: { websocket?: boolean } = {}): { storage: Map<string, string> } {
  const storage = new Map<string, string>()
  const local = {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => {
      storage.set(key, String(value))
    },
    removeItem: (key: string) => {
      storage.delete(key)
    },
  }
  Object.assign(globalThis, {
    window: new EventTarget(),
    location: { origin: 'https://shop.example', pathname: '/divani/milano', href: 'https://shop.example/divani/milano' },
    localStorage: local,
    sessionStorage: { ...local, getItem: () => null },
  })
  Object.defineProperty(globalThis, 'navigator', { value: { onLine: true, language: 'it-IT' }, configurable: true })
  // Only whether it exists matters: without it the widget goes straight to HTTP.
  Object.defineProperty(globalThis, 'WebSocket', {
    value: options.websocket === true ? class FakeWebSocket {} : undefined,
    configurable: true,
    writable: true,
  })
  return { storage }
}

export interface FakeTimers {
  now(): number
  /** Moves the clock on, running every timer that falls due, in order. */
  advance(ms: number): void
  /** Timers waiting to run. */
  pending(): number
}

/**
 * Replaces setTimeout, clearTimeout and Date.now for one test: the widget's waits (ack
 * timeouts, retries, backoff, typing) pass by hand. Handles are objects, so a real timer id
 * never clashes with a fake one: those go to the real clearTimeout.
 */
export function useFakeTimers (t: Test, start = Date.parse('2026-03-10T09:00:00Z')): FakeTimers {
  const real = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout, now: Date.now }
  const timers = new Map<object, { at: number; order: number; run: () => void }>()
  let now = start
  let order = 0
  globalThis.setTimeout = ((run: () => void, ms = 0) => {
    const handle = {}
    timers.set(handle, { at: now + Math.max(0, ms), order: order++, run })
    return handle
  }) as unknown as typeof setTimeout
  globalThis.clearTimeout = ((handle: unknown) => {
    if (typeof handle === 'object' && handle !== null && timers.has(handle)) timers.delete(handle)
    else real.clearTimeout(handle as Parameters<typeof clearTimeout>[0])
  }) as typeof clearTimeout
  Date.now = () => now
  t.teardown(() => {
    globalThis.setTimeout = real.setTimeout
    globalThis.clearTimeout = real.clearTimeout
    Date.now = real.now
  })
  return {
    now: () => now,
    advance (ms) {
      const until = now + ms
      for (;;) {
        const due = [...timers]
          .filter(([, x]) => x.at <= until)
          .sort(([, a], [, b]) => a.at - b.at || a.order - b.order)
        const first = due[0]
        if (first === undefined) break
        timers.delete(first[0])
        now = first[1].at
        first[1].run()
      }
      now = until
    },
    pending: () => timers.size,
  }
}

/** One fake connection to the server: what the widget sent on it, and the server's side. */
export interface FakeTransport extends Transport {
  hello: VisitorHelloFrame
  sent: Record<string, unknown>[]
  /** The widget closed it. */
  closedByClient: boolean
  /** The server sends a frame. */
  push(frame: VisitorServerFrame): void
  /** The connection drops (or the server closes it) with `code`. */
  drop(code: number): void
}

/** Opens fake transports and keeps them, newest last. */
export function fakeServer () {
  const opened: FakeTransport[] = []
  const open = (kind: Transport['kind']) => (hello: VisitorHelloFrame, events: TransportEvents): FakeTransport => {
    let welcomed = false
    const transport: FakeTransport = {
      kind,
      hello,
      sent: [],
      closedByClient: false,
      send (frame) {
        transport.sent.push(frame as Record<string, unknown>)
      },
      close () {
        transport.closedByClient = true
      },
      push (frame) {
        if (frame.type === 'welcome') welcomed = true
        events.frame(frame)
      },
      drop (code) {
        events.closed({ code, welcomed })
      },
    }
    opened.push(transport)
    return transport
  }
  return {
    open,
    opened,
    /** The transport opened last; fails when none was. */
    get current (): FakeTransport {
      const last = opened.at(-1)
      if (last === undefined) throw new Error('no transport was opened')
      return last
    },
  }
}

export function welcome (over: Partial<WelcomeFrame> = {}): WelcomeFrame {
  return {
    type: 'welcome',
    conversation_id: 'c-0f5e',
    resume_token: 'token-Qm9uZ2lvcm5v',
    state: 'bot',
    lang: 'it',
    last_seq: 0,
    ...over,
  }
}

export function message (seq: number, over: Partial<MessageFrame> = {}): MessageFrame {
  return {
    type: 'message',
    seq,
    id: `m-${seq}`,
    author: 'bot',
    text: 'Ciao, ti diamo il benvenuto su Ravenna Home!',
    lang: 'it',
    at: new Date(Date.parse('2026-03-10T09:00:00Z') + seq * 1000).toISOString(),
    ...over,
  }
}
