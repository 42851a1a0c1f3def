import { francAll } from 'franc'
import { scriptOfLang, toIso3 } from './codes.js'
import type { Lexicon } from './lexicon.js'
import { Endings, Marks } from './spelling.js'
import type { TextFeatures } from './text.js'

/**
 * How much each kind of evidence counts, in units of one listed word. Fitted on the
 * development half of the langid benchmark (`bench/langid.ts`).
 */
export interface EvidenceWeights {
  /** A word found in the language's lists. @default 1 */
  word: number
  /** Taken off a listed word per unit of ln(rank + 10), so that "the" counts more than "avocado". @default 0.033 */
  rank: number
  /** A word in no list of the language that ends like the language's words. @default 0.33 */
  ending: number
  /** A letter or mark that the language writes (`ñ`, `ß`, `¿`), for each occurrence. @default 0.1 */
  mark: number
  /** Each letter in the language's script, minus each letter in another script. @default 0.15 */
  script: number
  /** franc's trigram score restricted to the candidate languages (0..1, 1 for its best). @default 0.07 */
  franc: number
}

export const DefaultWeights: Readonly<EvidenceWeights> = {
  word: 1,
  rank: 0.033,
  ending: 0.33,
  mark: 0.1,
  script: 0.15,
  franc: 0.07,
}

/** Scores for candidate languages from text features; higher is likelier, differences matter. */
export interface Evidence {
  langs: readonly string[]
  score(features: TextFeatures): number[]
}

/**
 * Evidence for `langs` (ISO 639-1). Word lists are used only when every candidate has one,
 * so that a language without a list is not outvoted by the others' lists.
 */
export function createEvidence (langs: readonly string[], lexicon: Lexicon, weights: EvidenceWeights): Evidence {
  const useWords = langs.every((l) => lexicon.has(l))
  const only = langs.map((l) => toIso3(l)).filter((c): c is string => c !== undefined)
  const endings = langs.map((l) => new Set((Endings[l] ?? '').split(/\s+/).filter(Boolean)))
  const scripts = langs.map((l) => scriptSet(scriptOfLang(l)))
  return {
    langs,
    score (f) {
      const franc =
        only.length > 0 && f.text !== '' ? new Map(francAll(f.text, { only, minLength: 1 })) : new Map<string, number>()
      return langs.map(
        (lang, i) =>
          (useWords ? wordScore(f, lexicon.get(lang), endings[i], weights) : 0) +
          markScore(f.marks, lang, weights) +
          scriptScore(f.scripts, scripts[i], weights) +
          weights.franc * (franc.get(toIso3(lang) ?? '') ?? 0)
      )
    },
  }
}

function wordScore (
  f: TextFeatures,
  ranks: ReadonlyMap<string, number> | undefined,
  endings: Set<string> | undefined,
  w: EvidenceWeights
): number {
  let score = 0
  for (const word of f.words) {
    const rank = ranks?.get(word)
    if (rank !== undefined) score += w.word - w.rank * Math.log(rank + 10)
    else if (word.length >= 4 && endings !== undefined && endsLike(word, endings)) score += w.ending
  }
  for (const word of f.acronyms) {
    const rank = ranks?.get(word)
    if (rank !== undefined) score += w.word - w.rank * Math.log(rank + 10)
  }
  return score
}

function endsLike (word: string, endings: Set<string>): boolean {
  for (let n = Math.min(6, word.length - 1); n >= 1; n--) if (endings.has(word.slice(-n))) return true
  return false
}

function markScore (marks: string, lang: string, w: EvidenceWeights): number {
  let score = 0
  for (const ch of marks) if (Marks.get(ch)?.has(lang) === true) score += w.mark
  return score
}

function scriptScore (
  counts: ReadonlyMap<string, number>,
  own: ReadonlySet<string> | undefined,
  w: EvidenceWeights
): number {
  if (own === undefined) return 0
  let score = 0
  for (const [script, n] of counts) score += own.has(script) ? n : -n
  return w.script * score
}

/** The scripts a language's letters may be in: Japanese mixes Han and kana, Korean Hangul and Han. */
function scriptSet (script: string | undefined): ReadonlySet<string> | undefined {
  if (script === undefined) return undefined
  if (script === 'Jpan') return new Set(['Hani', 'Hira', 'Kana'])
  if (script === 'Kore') return new Set(['Hang', 'Hani'])
  return new Set([script])
}
