import { foldText, lowerText, stripAccents, tokenize } from './normalize.js'
import { Languages, type LanguageSpec } from './languages.js'
import { compileSynonyms, type SynonymRewriter } from './synonyms.js'

/** One pass of analysis over a text. */
export interface Analysis {
  /** Every word, lower case and accent-folded, stop words included. */
  words: string[]
  /** Every word stemmed and folded, stop words included, synonyms applied. */
  stems: string[]
  /** The words that carry meaning: stems without stop words, synonyms applied. */
  terms: string[]
}

/** Turns text of one language into the terms that are indexed and searched. */
export interface Analyzer {
  /** The BCP 47 primary tag this analyzer was made for. */
  lang: string
  /** Whether this language has stemming and stop words, or only the generic treatment. */
  stemming: boolean
  /** Lower case, accents folded (Cyrillic й kept, ё → е), whitespace collapsed. */
  normalize(text: string): string
  /** Words that carry meaning: stop words dropped, stemmed, folded, synonyms applied. */
  terms(text: string): string[]
  /** Every word stemmed and folded, stop words included, synonyms applied: for classifiers. */
  stems(text: string): string[]
  /** Words, stems and terms at once, for callers that need several of them. */
  analyze(text: string): Analysis
}

/** Options of {@link createAnalyzer}. */
export interface AnalyzerOptions {
  /** Groups of words that mean the same; each member is rewritten to the group's first. @default [] */
  synonyms?: string[][]
}

// Distinct words in a busy FAQ and its traffic stay in the tens of thousands; the cap only
// keeps a long-running process from growing without bound on junk input.
const CACHE_LIMIT = 100_000

/**
 * Creates the analyzer of a language: en es it ru de fr pt nl get Snowball stemming and stop
 * words; any other tag gets normalisation and tokenisation only.
 */
export function createAnalyzer (lang: string, options: AnalyzerOptions = {}): Analyzer {
  const spec: LanguageSpec | undefined = Languages[lang]
  const stop = new Set((spec?.stopWords ?? []).map((w) => stripAccents(lowerText(w))))
  const stemWord = createStemmer(spec)
  const prepare = spec?.prepare ?? ((t: string) => t)
  const raw = (text: string): Analysis => {
    const words: string[] = []
    const stems: string[] = []
    const terms: string[] = []
    for (const word of tokenize(prepare(lowerText(text)))) {
      const folded = stripAccents(word)
      const stem = stemWord(word, folded)
      words.push(folded)
      if (stem === '') continue
      stems.push(stem)
      if (!stop.has(folded)) terms.push(stem)
    }
    return { words, stems, terms }
  }
  const groups = (options.synonyms ?? []).map((g) => g.map((m) => raw(m).terms))
  const rewrite: SynonymRewriter = compileSynonyms(groups)
  const analyze = (text: string): Analysis => {
    const a = raw(text)
    return { words: a.words, stems: rewrite(a.stems), terms: rewrite(a.terms) }
  }
  return {
    lang,
    stemming: spec !== undefined,
    normalize: foldText,
    terms: (text) => analyze(text).terms,
    stems: (text) => analyze(text).stems,
    analyze,
  }
}

function createStemmer (spec: LanguageSpec | undefined): (word: string, folded: string) => string {
  if (spec === undefined) return (_word, folded) => folded
  const cache = new Map<string, string>()
  return (word, folded) => {
    let stem = cache.get(word)
    if (stem === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear()
      // Numbers and codes are kept whole: stemming "2024s" or "ab12" only loses information.
      stem = /\d/.test(word) ? folded : stripAccents(spec.stem(spec.restore?.(word) ?? word))
      cache.set(word, stem)
    }
    return stem
  }
}
