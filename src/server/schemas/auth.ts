import { Type, type Static } from '@sinclair/typebox'
import { OperatorSchema } from './common.js'

/** A username and password. */
export const LoginBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false }
)

/** Who is logged in, and the token every state-changing call must carry in `x-csrf-token`. */
export const SessionSchema = Type.Object({ operator: OperatorSchema, csrf_token: Type.String() })
export type Session = Static<typeof SessionSchema>

/** The team that can take conversations. */
export const TeamSchema = Type.Object({ operators: Type.Array(OperatorSchema) })
