import { francAll } from 'franc'
import { scriptOfLang, toIso1, toIso3 } from './codes.js'
import { createEvidence, type EvidenceWeights } from './evidence.js'
import { ListedLangs, type Lexicon } from './lexicon.js'
import { Marks } from './spelling.js'
import type { TextFeatures } from './text.js'

export interface ForeignOptions {
  /** Words a text needs before it can be called foreign (any length in a foreign script). */
  minWords: number
  /** Evidence margin a listed language the FAQ lacks needs over the FAQ's best. */
  margin: number
  /** Share of words at most found in the FAQ languages' lists for franc alone to decide. @default 0.34 */
  maxListedShare?: number
}

export interface ForeignDetector {
  /** The language (ISO 639-1 if known, else 639-3) of a text confidently in none of the FAQ's. */
  detect(features: TextFeatures): string | undefined
}

/**
 * Tells whether a text is in a language the FAQ does not have. Precision matters more than
 * recall: a foreign text is escalated, so calling a customer's own language foreign would
 * turn them away. Three ways, most certain first: a script none of the FAQ's languages
 * write; a language with word lists (en es it ru de fr pt nl) that clearly beats the FAQ's;
 * franc, among the languages that write a letter of the text that the FAQ's languages do not
 * (`ł`, `ş`, `ї`), when the FAQ's word lists know few of its words. franc is not trusted
 * further: unrestricted, it calls one Russian sentence of Tatoeba in twenty Ukrainian,
 * Bulgarian or Serbian.
 */
export function createForeignDetector (
  faqLangs: readonly string[],
  lexicon: Lexicon,
  weights: EvidenceWeights,
  options: ForeignOptions
): ForeignDetector {
  const others = ListedLangs.filter((l) => !faqLangs.includes(l))
  const wide = createEvidence([...faqLangs, ...others], lexicon, weights)
  const faqScripts = new Set(faqLangs.map((l) => baseScript(scriptOfLang(l))))
  const maxListedShare = options.maxListedShare ?? 0.34
  const inFaq = (iso3: string): boolean => faqLangs.includes(toIso1(iso3))
  return {
    detect (f) {
      const script = dominantScript(f.scripts)
      if (script !== undefined && !faqScripts.has(script)) return byFranc(f.text, undefined, inFaq)
      if (f.words.length < options.minWords) return undefined
      if (others.length > 0) {
        const listed = byWordLists(wide.score(f), faqLangs.length, [...faqLangs, ...others], options.margin)
        if (listed !== undefined) return listed
      }
      const writers = markWriters(f.marks, faqLangs).filter((l) => !ListedLangs.includes(l))
      if (writers.length === 0 || listedShare(f, faqLangs, lexicon) > maxListedShare) return undefined
      return byFranc(
        f.text,
        writers.map((l) => toIso3(l)).filter((c): c is string => c !== undefined),
        inFaq
      )
    },
  }
}

function byWordLists (scores: number[], faqCount: number, langs: string[], margin: number): string | undefined {
  const faqBest = Math.max(...scores.slice(0, faqCount))
  let best: string | undefined
  let bestScore = faqBest + margin
  scores.forEach((s, i) => {
    if (i >= faqCount && s >= bestScore) {
      best = langs[i]
      bestScore = s
    }
  })
  return best
}

function byFranc (text: string, only: string[] | undefined, inFaq: (iso3: string) => boolean): string | undefined {
  if (only !== undefined && only.length === 0) return undefined
  const top = francAll(text, { ...(only !== undefined && { only }), minLength: 1 })[0]?.[0]
  return top === undefined || top === 'und' || inFaq(top) ? undefined : toIso1(top)
}

/** Languages that write a letter of the text that none of the FAQ's languages write (`ł`, `ş`, `ї`). */
function markWriters (marks: string, faqLangs: readonly string[]): string[] {
  const writers = new Set<string>()
  for (const ch of marks) {
    const users = Marks.get(ch)
    if (users !== undefined && !faqLangs.some((l) => users.has(l))) users.forEach((l) => writers.add(l))
  }
  return [...writers]
}

/** Share of the words that some FAQ language's list has. */
function listedShare (f: TextFeatures, faqLangs: readonly string[], lexicon: Lexicon): number {
  const known = f.words.filter((w) => faqLangs.some((l) => lexicon.get(l)?.has(w) === true)).length
  return known / f.words.length
}

/** The script of at least 60% of the letters (and two of them), with Han, kana and Hangul as one group. */
function dominantScript (counts: ReadonlyMap<string, number>): string | undefined {
  const grouped = new Map<string, number>()
  let total = 0
  for (const [script, n] of counts) {
    const base = baseScript(script) ?? script
    grouped.set(base, (grouped.get(base) ?? 0) + n)
    total += n
  }
  for (const [script, n] of grouped) if (n >= 2 && n >= 0.6 * total) return script
  return undefined
}

/** Scripts that share letters count as one: Chinese, Japanese and Korean all write Han. */
function baseScript (script: string | undefined): string | undefined {
  return script === 'Hani' ||
    script === 'Hira' ||
    script === 'Kana' ||
    script === 'Hang' ||
    script === 'Jpan' ||
    script === 'Kore'
    ? 'CJK'
    : script
}
