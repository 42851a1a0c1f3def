import MiniSearch, { type SearchResult } from 'minisearch'

/** BM25+ parameters of MiniSearch. */
export interface Bm25Params {
  k: number
  b: number
  d: number
}

/**
 * MiniSearch's own defaults. On CLINC150 validation k 2 / b 0.5 ranked about a point better
 * alone, but with the classifier in front the difference vanished.
 */
export const DefaultBm25: Readonly<Bm25Params> = Object.freeze({ k: 1.2, b: 0.7, d: 0.5 })

/** Searches processed query terms; hits are entry indices, best first. */
export type KeywordSearch = (terms: string[]) => SearchResult[]

interface Doc {
  id: number
  text: string
  answer: string
}

/** The keyword index's fields: an entry's questions (and title), and its answer text. */
export const QuestionField = 'text'
export const AnswerField = 'answer'

/**
 * A MiniSearch index with one document per entry: the terms of all its questions, already
 * analysed (so each question is analysed once for the index and the classifier), and in a
 * second field, boosted by `answerBoost`, the terms of its answer. One document per question
 * ranks no better once the classifier decides, and makes searches ten times slower on a large
 * FAQ, where common words hit thousands of questions.
 */
export function createKeywordIndex (
  termsPerEntry: string[][],
  bm25: Bm25Params = DefaultBm25,
  answerTermsPerEntry: string[][] = [],
  answerBoost = 0
): KeywordSearch {
  const split = (text: string): string[] => (text === '' ? [] : text.split(' '))
  const withAnswers = answerBoost > 0 && answerTermsPerEntry.some((t) => t.length > 0)
  const index = new MiniSearch<Doc>({
    fields: withAnswers ? [QuestionField, AnswerField] : [QuestionField],
    tokenize: split,
    processTerm: (term) => term,
    searchOptions: { bm25, tokenize: split, processTerm: (term) => term, boost: { [AnswerField]: answerBoost } },
  })
  index.addAll(
    termsPerEntry.map((terms, id) => ({ id, text: terms.join(' '), answer: (answerTermsPerEntry[id] ?? []).join(' ') }))
  )
  return (terms) => (terms.length === 0 ? [] : index.search(terms.join(' ')))
}

/** Share of the distinct query terms that some hit contains in its questions. */
export function coverageOf (terms: string[], hits: SearchResult[]): number {
  const unique = new Set(terms)
  if (unique.size === 0) return 0
  const known = new Set<string>()
  for (const hit of hits) {
    for (const t of questionTerms(hit)) known.add(t)
    if (known.size === unique.size) break
  }
  return known.size / unique.size
}

/** The query terms a hit has in its questions (or title). */
export function questionTerms (hit: SearchResult): string[] {
  return hit.terms.filter((t) => hit.match[t]?.includes(QuestionField) === true)
}

/** The query terms a hit has in its answer only, not in its questions. */
export function answerOnlyTerms (hit: SearchResult): string[] {
  return hit.terms.filter((t) => hit.match[t]?.includes(QuestionField) !== true)
}
