import { Type, type Static } from '@sinclair/typebox'
import { LangSchema } from './common.js'

/** An FAQ entry offered for the reply box, with its answer rendered for this conversation. */
export const SuggestionSchema = Type.Object({
  entry_id: Type.String(),
  title: Type.String(),
  confidence: Type.Number(),
  text: Type.String({ description: 'the answer as plain text, ready to edit and send' }),
  html: Type.String(),
})
export type Suggestion = Static<typeof SuggestionSchema>

export const SuggestQuerySchema = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 4000 }),
    lang: LangSchema,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  },
  { additionalProperties: false }
)

export const SuggestionListSchema = Type.Object({ suggestions: Type.Array(SuggestionSchema) })

export const EntryListQuerySchema = Type.Object({ lang: LangSchema }, { additionalProperties: false })

export const FaqEntrySchema = Type.Object({ id: Type.String(), title: Type.String() })
export type FaqEntry = Static<typeof FaqEntrySchema>

export const EntryListSchema = Type.Object({ entries: Type.Array(FaqEntrySchema) })
