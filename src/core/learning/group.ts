/**
 * Groups the questions the bot could not answer, so that editors see "where is my parcel" and
 * "my package hasn't arrived" as one gap of 2 rather than two gaps of 1. Two views of a
 * question are compared, and the closer one counts:
 * - its words: the matcher's terms (stemmed, synonyms folded: parcel = package), as TF-IDF
 *   vectors over the questions being grouped, compared by cosine;
 * - its meaning as the FAQ sees it: the calibrated confidences of the entries closest to it,
 *   compared by how much confidence the two share (the sum of the smaller of each pair), so
 *   that two questions both weakly near an unrelated entry do not look alike.
 * Pure: the caller runs the matcher and passes terms and candidates in.
 */

export interface QuestionForGrouping {
  /** The caller's id for it (conversation and seq). */
  key: string
  text: string
  terms: string[]
  /** Entries closest to it now, with their calibrated confidence. */
  candidates: { entryId: string; title: string; confidence: number }[]
}

export interface QuestionGroup<Q extends QuestionForGrouping> {
  /** Stable within one report: the key of the group's first question. */
  id: string
  questions: Q[]
  /** The entries closest to the group as a whole, best first (average confidence over its questions). */
  closest: { entryId: string; title: string; confidence: number }[]
  /** The terms that the group's questions share most, most shared first. */
  topTerms: string[]
}

export interface GroupOptions {
  /** How alike a question and a group must be to join it, 0..1. @default 0.35 */
  minSimilarity?: number
  /** Entries listed as closest per group. @default 3 */
  closest?: number
}

type Vector = Map<string, number>

const norm = (v: Vector): number => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0))

export function cosine (a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [k, x] of small) dot += x * (large.get(k) ?? 0)
  const n = norm(a) * norm(b)
  return n === 0 ? 0 : dot / n
}

/** Sum over entries of the smaller confidence: at most the smaller total, so weak matches stay weak. */
export function sharedConfidence (a: Vector, b: Vector): number {
  let shared = 0
  for (const [k, x] of a) shared += Math.min(x, b.get(k) ?? 0)
  return shared
}

/** TF-IDF vectors of term lists, over these lists only. */
export function tfidf (termLists: string[][]): Vector[] {
  const df = new Map<string, number>()
  for (const terms of termLists) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1)
  const n = termLists.length
  return termLists.map((terms) => {
    const v: Vector = new Map()
    for (const t of terms) v.set(t, (v.get(t) ?? 0) + 1)
    for (const [t, tf] of v) v.set(t, (1 + Math.log(tf)) * Math.log(1 + n / (df.get(t) ?? 1)))
    return v
  })
}

const add = (into: Vector, v: Vector, weight = 1): void => {
  for (const [k, x] of v) into.set(k, (into.get(k) ?? 0) + weight * x)
}
const scaled = (v: Vector, f: number): Vector => new Map([...v].map(([k, x]) => [k, x * f]))

/** Groups questions one at a time, so that a caller can stop between them to let other work run. */
export interface Grouper<Q extends QuestionForGrouping> {
  add(question: Q): void
  /** The groups so far, biggest first, ties by first appearance. */
  groups(): QuestionGroup<Q>[]
}

/**
 * Single pass in the given order (oldest first keeps groups stable as days are added): each
 * question joins the most similar group when similar enough, or starts one. A group is
 * compared through its centroids, so it does not drift towards its newest member. Words are
 * weighted by IDF over `vocabulary` (every question to be grouped, or a sample of them): the
 * weights must be known before the first question is placed.
 */
export function createGrouper<Q extends QuestionForGrouping> (
  vocabulary: readonly (readonly string[])[],
  options: GroupOptions = {}
): Grouper<Q> {
  const minSimilarity = options.minSimilarity ?? 0.35
  const weigh = idfWeights(vocabulary)
  const questions: Q[] = []
  const groups: { members: number[]; words: Vector; meaning: Vector }[] = []
  return {
    add (q) {
      const i = questions.push(q) - 1
      const w = weigh(q.terms)
      const m: Vector = new Map(q.candidates.map((c) => [c.entryId, c.confidence]))
      let best = -1
      let bestSimilarity = 0
      groups.forEach((g, gi) => {
        const size = g.members.length
        const similarity = Math.max(cosine(w, g.words), sharedConfidence(m, scaled(g.meaning, 1 / size)))
        if (similarity > bestSimilarity) {
          best = gi
          bestSimilarity = similarity
        }
      })
      const group = groups[best]
      if (group !== undefined && bestSimilarity >= minSimilarity) {
        group.members.push(i)
        add(group.words, w)
        add(group.meaning, m)
      } else {
        groups.push({ members: [i], words: new Map(w), meaning: new Map(m) })
      }
    },
    groups: () => summarise(questions, groups, options),
  }
}

/** Groups `questions` at once (see {@link createGrouper}). */
export function groupQuestions<Q extends QuestionForGrouping> (
  questions: Q[],
  options: GroupOptions = {}
): QuestionGroup<Q>[] {
  const grouper = createGrouper<Q>(
    questions.map((q) => q.terms),
    options
  )
  for (const q of questions) grouper.add(q)
  return grouper.groups()
}

/** TF-IDF of one term list, with document frequencies from `vocabulary` (as {@link tfidf} computes them). */
function idfWeights (vocabulary: readonly (readonly string[])[]): (terms: readonly string[]) => Vector {
  const df = new Map<string, number>()
  for (const terms of vocabulary) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1)
  const n = vocabulary.length
  return (terms) => {
    const v: Vector = new Map()
    for (const t of terms) v.set(t, (v.get(t) ?? 0) + 1)
    for (const [t, tf] of v) v.set(t, (1 + Math.log(tf)) * Math.log(1 + n / (df.get(t) ?? 1)))
    return v
  }
}

function summarise<Q extends QuestionForGrouping> (
  questions: Q[],
  groups: { members: number[]; meaning: Vector }[],
  options: GroupOptions
): QuestionGroup<Q>[] {
  const titles = new Map(questions.flatMap((q) => q.candidates.map((c) => [c.entryId, c.title] as const)))
  return groups
    .map((g, order) => ({ g, order }))
    .sort((a, b) => b.g.members.length - a.g.members.length || a.order - b.order)
    .map(({ g }) => {
      const members = g.members.map((i) => questions[i] as Q)
      const closest = [...g.meaning]
        .map(([entryId, total]) => ({
          entryId,
          title: titles.get(entryId) ?? entryId,
          confidence: total / members.length,
        }))
        .sort((a, b) => b.confidence - a.confidence || a.entryId.localeCompare(b.entryId))
        .slice(0, options.closest ?? 3)
      const counts = new Map<string, number>()
      for (const q of members) for (const t of new Set(q.terms)) counts.set(t, (counts.get(t) ?? 0) + 1)
      const topTerms = [...counts]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 5)
        .map(([t]) => t)
      return { id: members[0]?.key ?? '', questions: members, closest, topTerms }
    })
}
