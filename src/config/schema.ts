import { Type, type Static } from '@sinclair/typebox'

/** Thresholds on the calibrated confidence of the best FAQ entry. */
export const ThresholdsSchema = Type.Object({
  /** At or above: the bot answers. */
  answer: Type.Number({ minimum: 0, maximum: 1 }),
  /** At or above (and below `answer`): the bot offers the closest entries to choose from. */
  clarify: Type.Number({ minimum: 0, maximum: 1 }),
}, { additionalProperties: false })

export const ShopSchema = Type.Object({
  name: Type.String({ minLength: 1, default: 'Ravenna Home' }),
  email: Type.String({ default: 'help@ravennahome.example' }),
  phone: Type.String({ default: '+39 02 0000 0000' }),
  url: Type.String({ default: 'https://www.ravennahome.example' }),
}, { additionalProperties: false, default: {} })

export const ConfigSchema = Type.Object({
  /** Folder of FAQ markdown, one sub-folder per language. @default "faq" */
  faqDir: Type.String({ minLength: 1, default: 'faq' }),
  /** Folder of templates, one sub-folder per language. @default "templates" */
  templatesDir: Type.String({ minLength: 1, default: 'templates' }),
  /** The language used when nothing tells which one a visitor speaks; must be an FAQ language. @default "en" */
  defaultLang: Type.String({ pattern: '^[a-z]{2,3}$', default: 'en' }),
  /** Longest visitor or operator message, in characters. @default 4000 */
  maxTextLength: Type.Integer({ minimum: 100, maximum: 100_000, default: 4000 }),
  /** When to answer, offer choices or escalate; defaults come from the matcher's fit on public data. */
  thresholds: Type.Optional(ThresholdsSchema),
  shop: ShopSchema,
}, { additionalProperties: false })

export type Config = Static<typeof ConfigSchema>
