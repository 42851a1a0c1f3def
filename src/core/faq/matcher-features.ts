import type { Analysis } from '../text/analyzer.js'

/**
 * Sparse TF-IDF features of a text for the matcher's classifier: character n-grams of the
 * folded text (robust to typos and inflections the stemmer misses) plus stemmed words and word
 * pairs (stop words included: "how do i" and "what is" tell intents apart). Features are hashed
 * to integers, so no strings are built per n-gram.
 */

/** A sparse vector: feature ids in `idx`, weights in `val`, same length. */
export interface SparseVector {
  idx: Int32Array
  val: Float32Array
}

/** Hashed features of one text, sorted by key, with how often each occurs. */
export interface HashedText {
  keys: Int32Array
  counts: Uint16Array
}

/** Options of {@link createFeaturizer}. */
export interface FeatureOptions {
  /** Length of the character n-grams; 0 turns them off. @default 4 */
  charGram?: number
  /** Whether pairs of consecutive words are features too. @default true */
  wordPairs?: boolean
}

/** Turns analysed texts into hashed features. */
export interface Featurizer {
  hash(analysis: Analysis): HashedText
}

const FNV_OFFSET = 0x811c9dc5
const mix = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193)
// Keys stay below 2^30 so that V8 keeps them as small integers.
const KEY_MASK = 0x3fffffff
// A 4,000-character message (the default size limit) has about 5,000 features; beyond this
// the rest of a text is ignored, as its first few thousand characters say what it is about.
const MAX_FEATURES = 16384

/** Creates a featurizer. */
export function createFeaturizer (options: FeatureOptions = {}): Featurizer {
  const charGram = options.charGram ?? 4
  const wordPairs = options.wordPairs ?? true
  const buffer = new Int32Array(MAX_FEATURES)
  return {
    hash (analysis) {
      let n = charGram > 0 ? charGrams(analysis.words, charGram, buffer) : 0
      n = wordGrams(analysis.stems, wordPairs, buffer, n)
      return countSorted(buffer.subarray(0, n).sort())
    },
  }
}

function charGrams (words: string[], size: number, out: Int32Array): number {
  const folded = ` ${words.join(' ')} `
  const last = Math.min(folded.length - size, out.length / 2)
  let n = 0
  for (let i = 0; i <= last; i++) {
    let h = mix(FNV_OFFSET, 1)
    for (let k = 0; k < size; k++) h = mix(h, folded.charCodeAt(i + k))
    out[n++] = h & KEY_MASK
  }
  return n
}

function wordGrams (stems: string[], pairs: boolean, out: Int32Array, start: number): number {
  let n = start
  let prev = mix(FNV_OFFSET, 2)
  for (const stem of stems) {
    if (n + 3 > out.length) break
    let h = mix(FNV_OFFSET, 3)
    for (let k = 0; k < stem.length; k++) h = mix(h, stem.charCodeAt(k))
    out[n++] = h & KEY_MASK
    if (pairs) out[n++] = mix(prev, h) & KEY_MASK
    prev = h
  }
  if (pairs && stems.length > 0) out[n++] = mix(prev, 4) & KEY_MASK
  return n
}

function countSorted (sorted: Int32Array): HashedText {
  let unique = 0
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) unique++
  const keys = new Int32Array(unique)
  const counts = new Uint16Array(unique)
  let u = -1
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) keys[++u] = sorted[i]!
    counts[u]! += 1
  }
  return { keys, counts }
}
