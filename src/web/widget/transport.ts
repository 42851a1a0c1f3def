import type { VisitorHelloFrame, VisitorServerFrame } from '../shared/protocol.js'

/** What a transport tells the connection. */
export interface TransportEvents {
  frame(frame: VisitorServerFrame): void
  /**
   * The transport is gone (never called after `close()`). `code` is the websocket close code;
   * the HTTP transport uses 4403 for a conversation that is gone and 1006 for a network failure.
   * `welcomed` says whether the server ever answered the hello.
   */
  closed(info: { code: number; welcomed: boolean }): void
}

/** One way to talk to the server: a websocket, or the same frames over HTTP. */
export interface Transport {
  readonly kind: 'websocket' | 'http'
  /** Sends a frame; a frame that cannot be sent now is dropped (the outbox resends it). */
  send(frame: object): void
  /** Closes without telling `closed`. */
  close(): void
}

export type OpenTransport = (hello: VisitorHelloFrame, events: TransportEvents) => Transport

/** Codes a transport closes with. */
export const TransportCodes = {
  normal: 1000,
  goingAway: 1001,
  network: 1006,
  noWelcome: 4000,
  gone: 4403,
  rateLimited: 4429,
  /** This page's origin may not use the chat (HTTP 403): nothing to retry. Not a server close code. */
  notAllowedHere: 4030,
} as const
