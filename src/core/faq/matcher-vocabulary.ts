import type { HashedText, SparseVector } from './matcher-features.js'

/**
 * The features seen in an FAQ's questions, each with a dense id and an inverse document
 * frequency. Lookups go through an open-addressing table of typed arrays: a `Map` costs about
 * ten times more per lookup, and the build looks up every feature of every question.
 */
export interface Vocabulary {
  /** Number of distinct features. */
  size: number
  /** The dense id of a hashed feature, or -1 when no question has it. */
  id(key: number): number
  /** Turns hashed features into an L2-normalised TF-IDF vector; unknown features are dropped. */
  vectorize(text: HashedText): { vector: SparseVector; known: number }
}

/**
 * Builds the vocabulary of `texts` (the questions): every feature, its IDF. Also returns the
 * vectors of those texts, which come almost for free while the table is being filled.
 */
export function buildVocabulary (texts: HashedText[]): { vocabulary: Vocabulary; vectors: SparseVector[] } {
  const total = texts.reduce((n, t) => n + t.keys.length, 0)
  const table = createIntTable(texts.length * 4)
  const df = new Int32Array(total)
  // Every vector is a view into two shared arrays: tens of thousands of small typed arrays
  // would cost more to allocate and collect than the rest of the build.
  const allIdx = new Int32Array(total)
  const allVal = new Float32Array(total)
  let size = 0
  let at = 0
  for (const { keys } of texts) {
    for (let i = 0; i < keys.length; i++) {
      const id = table.getOrAdd(keys[i]!, size)
      if (id === size) size++
      df[id]! += 1
      allIdx[at++] = id
    }
  }
  const idf = new Float32Array(size)
  for (let f = 0; f < size; f++) idf[f] = Math.log((texts.length + 1) / (df[f]! + 1)) + 1
  const vocabulary: Vocabulary = {
    size,
    id: table.get,
    vectorize: (text) => vectorize(text, table.get, idf),
  }
  at = 0
  const vectors = texts.map(({ counts }) => {
    const idx = allIdx.subarray(at, at + counts.length)
    const val = allVal.subarray(at, at + counts.length)
    at += counts.length
    weighInto(idx, counts, idf, val)
    return { idx, val }
  })
  return { vocabulary, vectors }
}

/** Writes the L2-normalised TF-IDF weights of known feature ids into `val`. */
function weighInto (idx: Int32Array, counts: Uint16Array, idf: Float32Array, val: Float32Array): void {
  let norm = 0
  for (let i = 0; i < idx.length; i++) {
    const w = (1 + Math.log(counts[i]!)) * idf[idx[i]!]!
    val[i] = w
    norm += w * w
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0
  for (let i = 0; i < idx.length; i++) val[i]! *= scale
}

function vectorize (
  text: HashedText,
  id: (key: number) => number,
  idf: Float32Array
): { vector: SparseVector; known: number } {
  const ids = new Int32Array(text.keys.length)
  const counts = new Uint16Array(text.keys.length)
  let n = 0
  for (let i = 0; i < text.keys.length; i++) {
    const f = id(text.keys[i]!)
    if (f < 0) continue
    ids[n] = f
    counts[n++] = text.counts[i]!
  }
  const idx = ids.slice(0, n)
  const val = new Float32Array(n)
  weighInto(idx, counts, idf, val)
  return { vector: { idx, val }, known: n }
}

interface IntTable {
  get(key: number): number
  getOrAdd(key: number, next: number): number
}

/**
 * Non-negative integer keys to ids, linear probing, grown at half load. Sized from a low
 * guess and grown: a table much larger than its contents turns every lookup into a cache miss.
 */
function createIntTable (expected: number): IntTable {
  let capacity = 1 << Math.ceil(Math.log2(Math.max(64, expected * 2)))
  let keys = new Int32Array(capacity).fill(-1)
  let ids = new Int32Array(capacity)
  let count = 0
  const slot = (key: number): number => {
    let i = (Math.imul(key, 0x9e3779b1) >>> 0) & (capacity - 1)
    while (keys[i] !== -1 && keys[i] !== key) i = (i + 1) & (capacity - 1)
    return i
  }
  const grow = (): void => {
    const oldKeys = keys
    const oldIds = ids
    capacity *= 2
    keys = new Int32Array(capacity).fill(-1)
    ids = new Int32Array(capacity)
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] === -1) continue
      const s = slot(oldKeys[i] as number)
      keys[s] = oldKeys[i] as number
      ids[s] = oldIds[i] as number
    }
  }
  return {
    get: (key) => {
      const i = slot(key)
      return keys[i] === -1 ? -1 : (ids[i] as number)
    },
    getOrAdd: (key, next) => {
      const i = slot(key)
      if (keys[i] !== -1) return ids[i] as number
      keys[i] = key
      ids[i] = next
      if (++count * 2 > capacity) grow()
      return next
    },
  }
}
