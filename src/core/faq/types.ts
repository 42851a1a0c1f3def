import type { PhraseLists } from '../dialogue/phrases.js'
/** One FAQ entry in one language, as an editor wrote it in `faq/<lang>/<id>.md`. */
export interface FaqEntry {
  /** The file name without `.md`; the same id in several language folders is one entry translated. */
  id: string
  /** BCP 47 primary tag of the folder (`en`, `es`, ...). */
  lang: string
  /** Shown in clarify choices and the console. @default the first question */
  title: string
  /** The ways visitors ask it; what the matcher learns from. */
  questions: string[]
  tags: string[]
  /** The answer: markdown that may use handlebars variables such as `{{shop.email}}`. */
  body: string
  /** Path of the source file, for messages to editors. */
  file: string
  /** The file line of each question, in the same order, for messages to editors. */
  questionLines: number[]
  /** 1-based line of the file where the body starts, so template errors point at the right line. */
  bodyLine: number
}

/** Editor-maintained synonyms for one language: each group lists words that mean the same. */
export type SynonymGroups = string[][]

/** A whole FAQ, every language, validated. */
export interface Faq {
  /** Languages in folder order; the first is not special, `defaultLang` comes from config. */
  langs: string[]
  /** Entries per language, sorted by id. */
  entries: Map<string, FaqEntry[]>
  synonyms: Map<string, SynonymGroups>
  /** The editors' small-talk phrases per language (`_smalltalk.yaml`), added to the shipped ones. */
  smallTalk?: Map<string, PhraseLists>
}
