import type { SearchResult } from 'minisearch'
import { calibrate, type Calibration, type MatchEvidence } from './calibration.js'
import { softmaxInPlace } from './classifier.js'
import type { Candidate, MatchResult } from './matcher.js'

/** Everything {@link rankCandidates} needs about one query. */
export interface RankInput {
  ids: string[]
  /** Classifier score of every entry; overwritten. */
  scores: Float64Array
  /** Keyword search hits, best first; `id` is the entry's index. */
  hits: SearchResult[]
  terms: string[]
  coverage: number
  /** Share of the query's features known to the vocabulary. */
  known: number
  limit: number
  /** Weight of the keyword (BM25) score, relative to the best hit, added to the classifier's. */
  keywordWeight: number
  /** Inverse temperature the classifier was trained with. */
  sharpness: number
  /** The FAQ's questions per entry, scaled (see MatchEvidence.support). */
  support: number
  /** Coefficients of the confidence model. */
  calibration: Calibration
}

/**
 * Orders entries by classifier score plus a share of their keyword score (the two make
 * different mistakes, so the sum ranks better than either) and gives each a confidence. The best entry gets the
 * calibrated probability; the others share what is left in proportion to their softmax
 * probability, capped so that no runner-up is more confident than the entry above it.
 */
export function rankCandidates (input: RankInput): MatchResult {
  const { ids, scores, hits, terms, coverage } = input
  addKeywordScores(scores, hits, input.keywordWeight)
  const top = topIndices(scores, Math.max(2, input.limit))
  const best = top[0] as number
  const s1 = scores[best] as number
  const s2 = top.length > 1 ? scores[top[1] as number] as number : 0
  const raw = top.map((i) => scores[i] as number)
  softmaxInPlace(input.scores, input.scores.length, input.sharpness)
  const p = top.map((i) => scores[i] as number)
  const p1 = p[0] as number
  const evidence: MatchEvidence = {
    probability: p1,
    margin: clamp(s1 - s2),
    score: clamp(s1),
    coverage,
    known: input.known,
    agreement: hits.length > 0 && hits[0]?.id === best ? 1 : 0,
    entryCoverage: entryCoverage(terms, hits, best),
    brevity: 1 / terms.length,
    support: input.support,
    breadth: Math.min(1, Math.log10(Math.max(1, ids.length)) / 3),
    marginSupport: clamp(s1 - s2) * input.support,
    scoreSupport: clamp(s1) * input.support,
  }
  const q = calibrate(evidence, input.calibration)
  const matched = new Map<number, string[]>(hits.map((h) => [h.id as number, h.terms]))
  const candidates: Candidate[] = top.slice(0, input.limit).map((entry, rank) => ({
    entryId: ids[entry] as string,
    confidence: rank === 0 ? q : Math.min(q * (p[rank] as number) / p1, (1 - q) * (p[rank] as number) / Math.max(1e-12, 1 - p1)),
    score: raw[rank] as number,
    matchedTerms: matched.get(entry) ?? [],
  }))
  return { candidates, terms, coverage, evidence }
}

/** Adds each hit's BM25 score, as a share of the best hit's, times `weight`. */
function addKeywordScores (scores: Float64Array, hits: SearchResult[], weight: number): void {
  const best = hits[0]?.score ?? 0
  if (best <= 0 || weight === 0) return
  for (const hit of hits) scores[hit.id as number]! += weight * hit.score / best
}

function entryCoverage (terms: string[], hits: SearchResult[], entry: number): number {
  const hit = hits.find((h) => h.id === entry)
  return hit === undefined ? 0 : hit.terms.length / new Set(terms).size
}

function clamp (x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x
}

/** Indices of the `k` largest values, largest first. */
function topIndices (values: Float64Array, k: number): number[] {
  const top: number[] = []
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number
    if (top.length === k && v <= (values[top[k - 1] as number] as number)) continue
    let at = top.length === k ? k - 1 : top.length
    while (at > 0 && (values[top[at - 1] as number] as number) < v) {
      top[at] = top[at - 1] as number
      at--
    }
    top[at] = i
  }
  return top
}
