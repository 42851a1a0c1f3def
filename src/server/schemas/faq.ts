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

/** The text to find entries for (the visitor's question or the reply being typed). */
export const SuggestQuerySchema = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 4000 }),
    lang: LangSchema,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  },
  { additionalProperties: false }
)

/** The closest entries first. */
export const SuggestionListSchema = Type.Object({ suggestions: Type.Array(SuggestionSchema) })

/** The language whose entries to list. */
export const EntryListQuerySchema = Type.Object({ lang: LangSchema }, { additionalProperties: false })

/** An FAQ entry by id and title, for "answered by entry X". */
export const FaqEntrySchema = Type.Object({ id: Type.String(), title: Type.String() })
export type FaqEntry = Static<typeof FaqEntrySchema>

/** Every entry of a language. */
export const EntryListSchema = Type.Object({ entries: Type.Array(FaqEntrySchema) })
