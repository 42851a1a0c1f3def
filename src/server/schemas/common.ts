import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { FaqLangPattern } from '../../core/lang/codes.js'

/** The body of every 4xx/5xx answer. */
export const ErrorSchema = Type.Object(
  {
    code: Type.String({ description: 'FD_ERR_... code from the error registry' }),
    message: Type.String(),
  },
  { $id: 'Error' }
)
export type ErrorBody = Static<typeof ErrorSchema>

/** Statuses an error answer can have; each comes from the error registry (src/core/errors.ts). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503

/**
 * The error responses a route can really give, by status: `{ 200: X, ...errors(400, 404) }`.
 * Every route is under the app's rate limit (429) and validates its input (400).
 */
export function errors<S extends ErrorStatus> (...statuses: S[]): Record<S, typeof ErrorSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorSchema])) as Record<S, typeof ErrorSchema>
}

/** What a route behind `requireRole` can answer before its handler runs: 401 (no session), 403 (role, CSRF). */
export const AuthErrors = errors(400, 401, 403, 429)

/** A nullable field: `T | null`. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])

/** A language code of the FAQ's kind (`en`, `es`, `ast`). */
export const LangSchema = Type.String({ pattern: FaqLangPattern })

export { ClientIdSchema } from '../../core/protocol.js'

/** The `:id` of a resource in the path. */
export const IdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) })
export type IdParams = Static<typeof IdParamsSchema>

/** A time on the wire: ISO 8601 in UTC. */
export const TimeSchema = Type.String({ format: 'date-time' })

/** Roles, each able to do what the one before can: operator, editor, admin. */
export const RoleSchema = Type.Union([Type.Literal('operator'), Type.Literal('editor'), Type.Literal('admin')])

/** A member of the team as the console sees them. */
export const OperatorSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  langs: Type.Array(Type.String()),
  capacity: Type.Integer(),
  online: Type.Optional(Type.Boolean()),
})
export type Operator = Static<typeof OperatorSchema>

/** Where a conversation is: with the bot, waiting, with a person, closed, or left as an offline message. */
export const ConversationStateSchema = Type.Union([
  Type.Literal('bot'),
  Type.Literal('queued'),
  Type.Literal('assigned'),
  Type.Literal('closed'),
  Type.Literal('offline'),
])
export type ConversationState = Static<typeof ConversationStateSchema>
