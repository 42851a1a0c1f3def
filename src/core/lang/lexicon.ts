import { EverydayWords } from './everyday-words.js'
import { tokenize } from './text.js'
import { FrequentWords } from './words.js'

/** For each language, its known words and their rank (0 = commonest). */
export type Lexicon = ReadonlyMap<string, ReadonlyMap<string, number>>

/** Languages that have built-in word lists. */
export const ListedLangs: readonly string[] = Object.keys(FrequentWords)

/**
 * The word lists of `langs`: the built-in ones (frequent words first, then everyday words)
 * followed by `extra` words, which editors may give for any language; each also without its
 * accents. A language with neither is absent, and word evidence is then not used at all (see
 * `createEvidence`).
 */
export function buildLexicon (
  langs: readonly string[],
  extra: Readonly<Record<string, readonly string[]>> = {}
): Lexicon {
  const lexicon = new Map<string, Map<string, number>>()
  for (const lang of langs) {
    const words = [
      ...tokenize(FrequentWords[lang] ?? ''),
      ...tokenize(EverydayWords[lang] ?? ''),
      ...(extra[lang] ?? []).flatMap((w) => tokenize(w)),
    ]
    if (words.length === 0) continue
    const ranks = new Map<string, number>()
    for (const word of words) if (!ranks.has(word)) ranks.set(word, ranks.size)
    // Visitors often type without accents ("cuanto", "perche"): the bare form counts too,
    // unless it is a word of its own ("esta" and "está" keep their own ranks).
    for (const [word, rank] of [...ranks]) {
      const bare = word.normalize('NFD').replace(/\p{M}+/gu, '')
      if (!ranks.has(bare)) ranks.set(bare, rank)
    }
    lexicon.set(lang, ranks)
  }
  return lexicon
}
