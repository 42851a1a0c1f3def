import { createBucketMap, takeAll, type TokenBucket } from '../core/limits/token-bucket.js'

/** The visitor limits of `config.limits` this needs. */
export interface AllowanceOptions {
  messagesPerMinute: number
  /** @default 4 × messagesPerMinute */
  messagesPerMinutePerAddress?: number
  startsPerMinutePerAddress: number
  startsPerMinutePerVisitor: number
}

/** Connections of one address closed for abuse per minute (all at once) before its new ones are refused. */
export const AbusesPerMinute = 10

/** Who is acting: the address always; the conversation and the visitor's key when known. */
export interface Actor {
  address: string
  conversationId?: string
  /** The hashed visitor id of the conversation or the hello. */
  visitorKey?: string | null
}

/**
 * What visitors may do per minute, shared by both transports and every connection of this
 * instance: messages per conversation, per visitor id and per address (starting new
 * conversations does not renew an allowance), and conversation starts per address and per visitor
 * id. Invalid frames are charged as messages, so a stream of them is a flood like any other.
 */
export function createAllowance (options: AllowanceOptions, clock: () => number) {
  const perConversation = createBucketMap({ perMinute: options.messagesPerMinute })
  const perVisitor = createBucketMap({ perMinute: options.messagesPerMinute })
  const perAddress = createBucketMap({
    perMinute: options.messagesPerMinutePerAddress ?? 4 * options.messagesPerMinute,
  })
  // A minute's starts at once: a visitor who opens a few chats in a row is never slowed.
  const startsByAddress = createBucketMap({
    perMinute: options.startsPerMinutePerAddress,
    capacity: options.startsPerMinutePerAddress,
  })
  const startsByVisitor = createBucketMap({
    perMinute: options.startsPerMinutePerVisitor,
    capacity: options.startsPerMinutePerVisitor,
  })
  // Connections closed for abuse (4400, 4429) per address: past these, the address's new
  // connections are refused before the websocket handshake, so a client that reconnects in a
  // loop costs a refused upgrade instead of a handshake, a hello and a few frames each time.
  const abuses = createBucketMap({ perMinute: AbusesPerMinute, capacity: AbusesPerMinute })

  const buckets = (actor: Actor, byAddress: typeof perAddress, byVisitor: typeof perVisitor): TokenBucket[] => [
    byAddress.bucket(actor.address),
    ...(actor.visitorKey == null ? [] : [byVisitor.bucket(actor.visitorKey)]),
  ]

  return {
    /** One message (or invalid frame): `refused` counts consecutive refusals, to warn, then disconnect. */
    message (actor: Actor) {
      const conversation = actor.conversationId === undefined ? [] : [perConversation.bucket(actor.conversationId)]
      return takeAll([...conversation, ...buckets(actor, perAddress, perVisitor)], clock())
    },
    /** One new conversation. */
    start (actor: Actor) {
      return takeAll(buckets(actor, startsByAddress, startsByVisitor), clock())
    },
    /** A connection from `address` was closed for abuse (invalid frames, a flood). */
    abused (address: string): void {
      abuses.take(address, clock())
    },
    /** Whether `address` may open a new connection: false after too many closed for abuse lately. */
    mayConnect: (address: string): boolean => abuses.bucket(address).has(clock()),
  }
}

/** The allowance service, as `fastify.frontdesk.allowance`. */
export type Allowance = ReturnType<typeof createAllowance>
