import { Type, type Static } from '@sinclair/typebox'
import { Nullable, TimeSchema } from './common.js'

/** A message a visitor left when nobody was there, with the address to answer. */
export const ContactSchema = Type.Object({
  id: Type.String(),
  conversation_id: Type.String(),
  email: Type.String(),
  text: Type.String(),
  lang: Type.String(),
  at: TimeSchema,
  handled_by: Nullable(Type.String()),
  handled_at: Nullable(TimeSchema),
})
export type Contact = Static<typeof ContactSchema>

/** Open offline messages (default) or those already answered. */
export const ContactListQuerySchema = Type.Object(
  { handled: Type.Optional(Type.Boolean()) },
  { additionalProperties: false }
)

/** Offline messages, oldest first. */
export const ContactListSchema = Type.Object({ contacts: Type.Array(ContactSchema) })

/** No body, or an empty object. */
export const EmptyBodySchema = Type.Optional(Type.Object({}, { additionalProperties: false }))
