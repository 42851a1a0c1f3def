import { Type, type Static } from '@sinclair/typebox'
import {
  ClientIdSchema,
  ConversationStateSchema,
  Nullable,
  TimeSchema,
} from './common.js'

/** One of the bot's best guesses for the visitor's latest question. */
export const GuessSchema = Type.Object({ entry_id: Type.String(), title: Type.String(), confidence: Type.Number() })
export type Guess = Static<typeof GuessSchema>

/** A conversation as the console lists it. */
export const ConversationSchema = Type.Object({
  id: Type.String(),
  state: ConversationStateSchema,
  lang: Type.String(),
  visitor_name: Nullable(Type.String()),
  page_url: Nullable(Type.String()),
  user_agent: Nullable(Type.String()),
  browser_lang: Nullable(Type.String()),
  created_at: TimeSchema,
  updated_at: TimeSchema,
  queued_at: Nullable(TimeSchema),
  waiting_seconds: Nullable(Type.Integer()),
  assigned_to: Nullable(Type.String()),
  assigned_name: Nullable(Type.String()),
  last_seq: Type.Integer(),
  question: Type.Optional(Type.String()),
  guesses: Type.Optional(Type.Array(GuessSchema)),
})
export type ConversationSummary = Static<typeof ConversationSchema>

/** Who wrote a message. */
export const AuthorSchema = Type.Union([
  Type.Literal('visitor'),
  Type.Literal('bot'),
  Type.Literal('operator'),
  Type.Literal('system'),
])

/** A message as operators see it: with the bot's evidence and who wrote what. */
export const MessageSchema = Type.Object({
  conversation_id: Type.String(),
  seq: Type.Integer(),
  id: Type.String(),
  author: AuthorSchema,
  text: Type.String(),
  html: Nullable(Type.String()),
  lang: Type.String(),
  at: TimeSchema,
  kind: Nullable(Type.String()),
  entry_id: Nullable(Type.String()),
  operator_id: Nullable(Type.String()),
  client_id: Nullable(Type.String()),
  data: Nullable(
    Type.Record(Type.String(), Type.Unknown(), {
      description: "kind-specific data; for visitor questions, `triage` holds the bot's evidence",
    })
  ),
})
export type OperatorMessage = Static<typeof MessageSchema>

/** Which conversations to list: one state (default: queued, assigned and offline), or only mine. */
export const ListQuerySchema = Type.Object(
  {
    state: Type.Optional(ConversationStateSchema),
    mine: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100, description: 'page size' })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31, default: 0, description: 'skip this many' })),
  },
  { additionalProperties: false }
)

/** One page of conversations in queue order, with how many there are over all pages. */
export const ConversationListSchema = Type.Object({
  conversations: Type.Array(ConversationSchema, { description: 'one page, in queue order' }),
  total: Type.Integer({ description: 'how many match, over all pages' }),
})
export type ConversationList = Static<typeof ConversationListSchema>

/** Messages after this seq only (default: all). */
export const TranscriptQuerySchema = Type.Object(
  { after: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 })) },
  { additionalProperties: false }
)

/** One conversation with its messages. */
export const TranscriptSchema = Type.Object({ conversation: ConversationSchema, messages: Type.Array(MessageSchema) })

/** The answer to an action on a conversation: the conversation as it is now. */
export const ConversationResultSchema = Type.Object({ conversation: ConversationSchema })

/** Claim and close take no body. */
export const NoBodySchema = Type.Object({}, { additionalProperties: false })

/** Whom to give the conversation to. */
export const TransferBodySchema = Type.Object(
  { operator: Type.String({ minLength: 1, maxLength: 100, description: 'username' }) },
  { additionalProperties: false }
)

/** An operator's reply; `client_id` makes a resend safe. */
export const ReplyBodySchema = Type.Object(
  { client_id: ClientIdSchema, text: Type.String({ maxLength: 100_000 }) },
  { additionalProperties: false }
)

/** A stored message's acknowledgement: its client id and seq. */
export const AckSchema = Type.Object({ client_id: Type.String(), seq: Type.Integer() })

/** Which FAQ entry answers which visitor message. */
export const FaqLinkBodySchema = Type.Object(
  {
    entry_id: Type.String({ minLength: 1, maxLength: 100 }),
    seq: Type.Integer({ minimum: 1, maximum: 2 ** 31 }),
  },
  { additionalProperties: false }
)

/** The stored link, and the editors' proposal it supports or why there is none. */
export const FaqLinkResultSchema = Type.Object({
  id: Type.String(),
  proposal_id: Type.Optional(Type.String({ description: "the editors' proposal this link supports" })),
  not_proposed: Type.Optional(
    Type.String({
      description: 'why the question is not proposed: redacted, personal, too_long, no_terms, already_listed',
    })
  ),
})
