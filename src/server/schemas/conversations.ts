import { Type } from '@sinclair/typebox'

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()])
const State = Type.Union([
  Type.Literal('bot'),
  Type.Literal('queued'),
  Type.Literal('assigned'),
  Type.Literal('closed'),
  Type.Literal('offline'),
])

export const ConversationSchema = Type.Object({
  id: Type.String(),
  state: State,
  lang: Type.String(),
  visitor_name: Nullable(Type.String()),
  page_url: Nullable(Type.String()),
  user_agent: Nullable(Type.String()),
  browser_lang: Nullable(Type.String()),
  created_at: Type.String(),
  updated_at: Type.String(),
  queued_at: Nullable(Type.String()),
  waiting_seconds: Type.Union([Type.Integer(), Type.Null()]),
  assigned_to: Nullable(Type.String()),
  assigned_name: Nullable(Type.String()),
  last_seq: Type.Integer(),
  question: Type.Optional(Type.String()),
  guesses: Type.Optional(
    Type.Array(Type.Object({ entryId: Type.String(), title: Type.String(), confidence: Type.Number() }))
  ),
})

export const MessageSchema = Type.Object({
  conversation_id: Type.String(),
  seq: Type.Integer(),
  id: Type.String(),
  author: Type.Union([Type.Literal('visitor'), Type.Literal('bot'), Type.Literal('operator'), Type.Literal('system')]),
  text: Type.String(),
  html: Nullable(Type.String()),
  lang: Type.String(),
  at: Type.String(),
  kind: Nullable(Type.String()),
  entry_id: Nullable(Type.String()),
  operator_id: Nullable(Type.String()),
  client_id: Nullable(Type.String()),
  data: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
    description: "kind-specific data; for visitor questions, `triage` holds the bot's evidence",
  }),
})

export const ListQuery = Type.Object(
  {
    state: Type.Optional(State),
    mine: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false }
)

export const TranscriptQuery = Type.Object(
  { after: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 })) },
  { additionalProperties: false }
)

export const Ack = Type.Object({ client_id: Type.String(), seq: Type.Integer() })

export const ContactSchema = Type.Object({
  id: Type.String(),
  conversation_id: Type.String(),
  email: Type.String(),
  text: Type.String(),
  lang: Type.String(),
  at: Type.String(),
  handled_by: Nullable(Type.String()),
  handled_at: Nullable(Type.String()),
})
