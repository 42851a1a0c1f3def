import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import type { ConversationState } from './conversation/state.js'

/**
 * The visitor and operator wire protocols as data: one schema per frame, its direction in the
 * name. PROTOCOL.md explains them in prose. Frames are JSON objects with a `type`; fields are
 * snake_case. Unknown fields are refused, so a typo fails loudly instead of being ignored.
 */

/** The largest frame a client may send, in bytes. @default 16 KiB */
export const MaxFrameBytes = 16 * 1024

/** Close codes in the 4xxx range, as graphql-ws does; 1008/1009 are the standard ones. */
export const CloseCodes = {
  /** The first frame was not a hello, or came too late. */
  helloTimeout: 4408,
  /** The conversation does not exist or the resume token does not match. */
  forbidden: 4403,
  /** Too many messages: the client was warned with an error frame first. */
  rateLimited: 4429,
  /** A frame that is not JSON, not valid or of an unknown type, after which we cannot trust the stream. */
  badFrame: 4400,
  /** Over MaxFrameBytes (the standard "message too big"). */
  tooBig: 1009,
  /** The server is shutting down: reconnect, possibly to another instance. */
  goingAway: 1001,
} as const

const Id = Type.String({ minLength: 1, maxLength: 100 })
/** A client's id for a state-changing frame or request; a resend with the same id is stored once. */
export const ClientIdSchema = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' })
const ClientId = ClientIdSchema
const Seq = Type.Integer({ minimum: 0, maximum: 2 ** 31 })
const Lang = Type.String({ pattern: '^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$', maxLength: 35 })
const strict = { additionalProperties: false } as const

// ---- visitor → server
export const VisitorHelloSchema = Type.Object(
  {
    type: Type.Literal('hello'),
    conversation_id: Type.Optional(Id),
    resume_token: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    last_seq: Type.Optional(Seq),
    lang: Type.Optional(Lang),
    name: Type.Optional(Type.String({ maxLength: 100 })),
    page_url: Type.Optional(Type.String({ maxLength: 2000 })),
    /**
     * A random id the widget keeps per browser: only its hash is stored, to tell a visitor who came back (deflection).
     */
    visitor_id: Type.Optional(Type.String({ minLength: 16, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' })),
    /** A random key the client makes once per new conversation, so a retried start opens the same one. */
    start_key: Type.Optional(Type.String({ minLength: 22, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' })),
  },
  strict
)
export const VisitorTextSchema = Type.Object(
  { type: Type.Literal('text'), client_id: ClientId, text: Type.String() },
  strict
)
export const VisitorChooseSchema = Type.Object(
  { type: Type.Literal('choose'), client_id: ClientId, entry_id: Id },
  strict
)
export const VisitorFeedbackSchema = Type.Object(
  { type: Type.Literal('feedback'), client_id: ClientId, seq: Seq, helpful: Type.Boolean() },
  strict
)
export const VisitorHandoffSchema = Type.Object({ type: Type.Literal('handoff'), client_id: ClientId }, strict)
export const VisitorContactSchema = Type.Object(
  {
    type: Type.Literal('contact'),
    client_id: ClientId,
    email: Type.String({ maxLength: 254 }),
    text: Type.String(),
    name: Type.Optional(Type.String({ maxLength: 100 })),
  },
  strict
)
export const VisitorRatingSchema = Type.Object(
  { type: Type.Literal('rating'), client_id: ClientId, score: Type.Integer({ minimum: 1, maximum: 5 }) },
  strict
)
export const VisitorCloseSchema = Type.Object({ type: Type.Literal('close'), client_id: ClientId }, strict)
export const TypingSchema = Type.Object({ type: Type.Literal('typing') }, strict)

export const VisitorFrameSchema = Type.Union([
  VisitorHelloSchema,
  VisitorTextSchema,
  VisitorChooseSchema,
  VisitorFeedbackSchema,
  VisitorHandoffSchema,
  VisitorContactSchema,
  VisitorRatingSchema,
  VisitorCloseSchema,
  TypingSchema,
])
export type VisitorFrame = Static<typeof VisitorFrameSchema>
export type VisitorHello = Static<typeof VisitorHelloSchema>

// ---- operator → server
export const OperatorHelloSchema = Type.Object({ type: Type.Literal('hello') }, strict)
export const OperatorWatchSchema = Type.Object(
  { type: Type.Literal('watch'), conversation_id: Id, last_seq: Type.Optional(Seq) },
  strict
)
export const OperatorUnwatchSchema = Type.Object({ type: Type.Literal('unwatch'), conversation_id: Id }, strict)
export const OperatorTextSchema = Type.Object(
  { type: Type.Literal('text'), client_id: ClientId, conversation_id: Id, text: Type.String() },
  strict
)
export const OperatorTypingSchema = Type.Object({ type: Type.Literal('typing'), conversation_id: Id }, strict)

export const OperatorFrameSchema = Type.Union([
  OperatorHelloSchema,
  OperatorWatchSchema,
  OperatorUnwatchSchema,
  OperatorTextSchema,
  OperatorTypingSchema,
])
export type OperatorFrame = Static<typeof OperatorFrameSchema>

// ---- server → clients (documented and type-checked; not validated at run time)
export interface WelcomeFrame {
  type: 'welcome'
  conversation_id: string
  resume_token: string
  state: ConversationState
  lang: string
  last_seq: number
}
export interface AckFrame {
  type: 'ack'
  client_id: string
  seq: number
  conversation_id?: string
}
export interface MessageFrame {
  type: 'message'
  conversation_id?: string
  seq: number
  id: string
  author: 'visitor' | 'bot' | 'operator' | 'system'
  text: string
  html?: string
  lang: string
  at: string
  kind?: string
  choices?: { entry_id: string; title: string }[]
  entry_id?: string
  operator_name?: string
  client_id?: string
}
export interface StateFrame {
  type: 'state'
  conversation_id?: string
  state: ConversationState
  queue_position?: number
  eta_seconds?: number
  operator_name?: string
  back_at?: string
  back_at_text?: string
}
export interface TypingFrame {
  type: 'typing'
  author: 'visitor' | 'operator' | 'bot'
  conversation_id?: string
}

export type VisitorServerFrame = WelcomeFrame | AckFrame | MessageFrame | StateFrame | ErrorFrame | TypingFrame

/** Frames the visitor sends that change something: each carries a client id and waits for its ack. */
export type VisitorActionFrame = Exclude<VisitorFrame, { type: 'hello' } | { type: 'typing' }>
export interface ErrorFrame {
  type: 'error'
  code: string
  message: string
  client_id?: string
}

export type FrameCheck<T> =
  { ok: true; frame: T } | { ok: false; code: 'FD_ERR_FRAME_INVALID' | 'FD_ERR_FRAME_TOO_BIG'; message: string }

function compile<T extends TSchema> (schema: T) {
  const checker = TypeCompiler.Compile(schema)
  const explain = describer(schema)
  return (raw: string | Buffer): FrameCheck<Static<T>> => {
    const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length
    if (size > MaxFrameBytes) {
      return {
        ok: false,
        code: 'FD_ERR_FRAME_TOO_BIG',
        message: `frame is ${size} bytes; the limit is ${MaxFrameBytes}`,
      }
    }
    let value: unknown
    try {
      value = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'))
    } catch {
      return { ok: false, code: 'FD_ERR_FRAME_INVALID', message: 'frame is not valid JSON' }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { ok: false, code: 'FD_ERR_FRAME_INVALID', message: 'frame must be a JSON object with a "type"' }
    }
    if (checker.Check(value)) return { ok: true, frame: value }
    return { ok: false, code: 'FD_ERR_FRAME_INVALID', message: explain(value as Record<string, unknown>) }
  }
}

/**
 * Names the frame type and the first bad field, which is what a client developer needs. Each
 * variant is compiled once, here: compiling per invalid frame made every one cost milliseconds.
 */
function describer (union: TSchema): (value: Record<string, unknown>) => string {
  const variants = new Map<unknown, ReturnType<typeof TypeCompiler.Compile>>()
  for (const s of (union as { anyOf?: TSchema[] }).anyOf ?? [union]) {
    const type = (s as { properties?: { type?: { const?: unknown } } }).properties?.type?.const
    variants.set(type, TypeCompiler.Compile(s))
  }
  return (value) => {
    const variant = typeof value.type === 'string' ? variants.get(value.type) : undefined
    if (variant === undefined) return `unknown frame type ${JSON.stringify(value.type)}`.slice(0, 200)
    const first = variant.Errors(value).First()
    const field = first?.path === '' || first?.path === undefined ? '' : ` at ${first.path.slice(1)}`
    return `invalid "${String(value.type)}" frame${field}: ${first?.message ?? 'invalid'}`
  }
}

export const checkVisitorFrame = compile(VisitorFrameSchema)
export const checkOperatorFrame = compile(OperatorFrameSchema)
