import { Type, type Static } from '@sinclair/typebox'
import { LangSchema, Nullable, TimeSchema } from './common.js'

/** An FAQ entry close to a group of unanswered questions. */
export const ClosestEntrySchema = Type.Object({
  entry_id: Type.String(),
  title: Type.String(),
  confidence: Type.Number(),
})

/** One unanswered question, where it was asked, and why the bot did not answer it. */
export const ReportQuestionSchema = Type.Object({
  text: Type.String(),
  conversation_id: Type.String(),
  seq: Type.Integer(),
  at: TimeSchema,
  reason: Type.String(),
  personal: Type.Boolean(),
})

/** Unanswered questions that ask the same thing, for an editor to answer once. */
export const ReportGroupSchema = Type.Object({
  id: Type.String(),
  lang: Type.String(),
  count: Type.Integer(),
  conversations: Type.Integer(),
  reasons: Type.Record(Type.String(), Type.Integer(), {
    description: 'no_match, low_confidence, unsupported_language, unhelpful ("did this help?" no)',
  }),
  first_at: TimeSchema,
  last_at: TimeSchema,
  questions: Type.Array(ReportQuestionSchema),
  closest: Type.Array(ClosestEntrySchema),
  top_terms: Type.Array(Type.String()),
})
export type ReportGroup = Static<typeof ReportGroupSchema>

/** Since when (7d, 24h or a date), and which language. */
export const ReportQuerySchema = Type.Object(
  {
    since: Type.Optional(Type.String({ maxLength: 40, description: '7d, 24h, or a date (default 7d)' })),
    lang: Type.Optional(LangSchema),
  },
  { additionalProperties: false }
)

/** A problem of an FAQ file, with file and line: the loader's own words. */
export const ContentProblemSchema = Type.Object({
  file: Type.String(),
  line: Type.Optional(Type.Integer()),
  field: Type.Optional(Type.String()),
  message: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
})

/** The editors' report: how many questions, grouped, biggest first; and the FAQ files' problems. */
export const ReportSchema = Type.Object({
  since: TimeSchema,
  questions: Type.Integer(),
  grouped: Type.Integer({ description: 'questions grouped: all, or an even sample when there are many' }),
  groups: Type.Array(ReportGroupSchema),
  content_problems: Type.Array(ContentProblemSchema, {
    description: 'errors and warnings of the FAQ files in service; a file with errors is not served as on disk',
  }),
})
export type FaqReport = Static<typeof ReportSchema>

/** Open until an editor accepts or rejects it; a decided proposal is never reopened. */
export const ProposalStatusSchema = Type.Union([
  Type.Literal('open'),
  Type.Literal('accepted'),
  Type.Literal('rejected'),
])

/** A change to the FAQ proposed by the learning loop, for an editor to accept or reject. */
export const ProposalSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('question'), Type.Literal('entry')]),
  lang: Type.String(),
  entry_id: Nullable(Type.String()),
  entry_title: Nullable(Type.String()),
  questions: Type.Array(Type.String()),
  title: Nullable(Type.String()),
  answer: Nullable(Type.String()),
  support: Type.Integer({
    description: 'distinct visitors: sources sharing a conversation, a visitor id or an address count once',
  }),
  conversations: Type.Integer({ description: 'distinct conversations it came from' }),
  status: ProposalStatusSchema,
  created_at: TimeSchema,
  updated_at: TimeSchema,
  sources: Type.Array(
    Type.Object({
      conversation_id: Type.String(),
      seq: Type.Integer(),
      by: Type.Union([Type.Literal('operator'), Type.Literal('visitor')], {
        description: 'operator (a link or a reply) or visitor (a choice)',
      }),
    })
  ),
  decided_by: Nullable(Type.String()),
  file: Nullable(Type.String()),
  note: Nullable(Type.String()),
})
export type Proposal = Static<typeof ProposalSchema>

/** Which proposals: by status (default open) and language, at most `limit`. */
export const ProposalListQuerySchema = Type.Object(
  {
    status: Type.Optional(ProposalStatusSchema),
    lang: Type.Optional(LangSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false }
)

/** Proposals with the most support first. */
export const ProposalListSchema = Type.Object({ proposals: Type.Array(ProposalSchema) })

/** What the editor changed before accepting; whatever is left out is taken as proposed. */
export const AcceptBodySchema = Type.Optional(
  Type.Object(
    {
      question: Type.Optional(
        Type.String({ minLength: 1, maxLength: 300, description: 'the question as the editor corrected it' })
      ),
      entry_id: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
      title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      questions: Type.Optional(
        Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { minItems: 1, maxItems: 50 })
      ),
      answer: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
    },
    { additionalProperties: false }
  )
)

/** The accepted proposal and the file it was written to. */
export const AcceptedSchema = Type.Object({ proposal: ProposalSchema, file: Type.String() })

/** Why it was rejected, for the other editors. */
export const RejectBodySchema = Type.Optional(
  Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false })
)

/** The proposal as it is now. */
export const ProposalResultSchema = Type.Object({ proposal: ProposalSchema })
