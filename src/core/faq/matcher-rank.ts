import type { SearchResult } from 'minisearch'
import { answerOnlyTerms, questionTerms } from './matcher-index.js'
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
  /** The FAQ's questions per entry, scaled (see `MatchEvidence.support`). */
  support: number
  /** Coefficients of the confidence model. */
  calibration: Calibration
}

/**
 * Orders entries by classifier score plus a share of their keyword score (the two make
 * different mistakes: on CLINC150 validation the sum ranks 0.5 to 0.7 points better than the
 * classifier alone) and gives each a confidence. The best entry gets the calibrated
 * probability; the others share what is left in proportion to their softmax probability,
 * capped so that no runner-up is more confident than the entry above it.
 */
export function rankCandidates (input: RankInput): MatchResult {
  const { ids, scores, hits, terms, coverage, limit } = input
  addKeywordScores(scores, hits, input.keywordWeight)
  const top = topIndices(scores, Math.max(2, limit))
  const raw = top.map((i) => scores[i]!)
  softmaxInPlace(scores, scores.length, input.sharpness)
  const p = top.map((i) => scores[i]!)
  const matched = termsOf(hits, top.slice(0, limit), questionTerms)
  const inAnswers = termsOf(hits, top.slice(0, limit), answerOnlyTerms)
  const evidence = evidenceFor(input, top, raw, p[0]!)
  const q = calibrate(evidence, input.calibration)
  const p1 = p[0]!
  const candidates: Candidate[] = top.slice(0, limit).map((entry, rank) => ({
    entryId: ids[entry]!,
    confidence: rank === 0 ? q : runnerUpConfidence(q, p1, p[rank]!),
    probability: p[rank]!,
    score: raw[rank]!,
    matchedTerms: matched[rank] ?? [],
    ...((inAnswers[rank]?.length ?? 0) > 0 && { answerTerms: inAnswers[rank] }),
  }))
  return { candidates, terms, coverage, evidence }
}

/**
 * A runner-up's confidence: a share of what the best entry's calibrated confidence `q` leaves,
 * in proportion to its softmax probability `p` (the best one's is `p1`), never above the best's.
 */
export function runnerUpConfidence (q: number, p1: number, p: number): number {
  return Math.min((q * p) / p1, ((1 - q) * p) / Math.max(1e-12, 1 - p1))
}

function evidenceFor (input: RankInput, top: number[], raw: number[], probability: number): MatchEvidence {
  const { hits, terms, support } = input
  const best = top[0]!
  const margin = clamp(raw[0]! - (raw[1] ?? 0))
  const score = clamp(raw[0]!)
  const bestHit = hits.find((h) => h.id === best)
  const distinct = new Set(terms).size
  return {
    probability,
    margin,
    score,
    coverage: input.coverage,
    known: input.known,
    agreement: hits[0]?.id === best ? 1 : 0,
    entryCoverage: bestHit === undefined ? 0 : questionTerms(bestHit).length / distinct,
    answerCoverage: bestHit === undefined ? 0 : answerOnlyTerms(bestHit).length / distinct,
    brevity: 1 / terms.length,
    support,
    breadth: Math.min(1, Math.log10(Math.max(1, input.ids.length)) / 3),
    marginSupport: margin * support,
    scoreSupport: score * support,
    marginCoverage: margin * input.coverage,
  }
}

/** Some of the hit terms of each listed entry, in the order of `entries`. */
function termsOf (hits: SearchResult[], entries: number[], pick: (hit: SearchResult) => string[]): string[][] {
  const out: string[][] = entries.map(() => [])
  for (const hit of hits) {
    const at = entries.indexOf(hit.id as number)
    if (at >= 0) out[at] = pick(hit)
  }
  return out
}

/** Adds each hit's BM25 score, as a share of the best hit's, times `weight`. */
function addKeywordScores (scores: Float64Array, hits: SearchResult[], weight: number): void {
  const best = hits[0]?.score ?? 0
  if (best <= 0 || weight === 0) return
  for (const hit of hits) scores[hit.id as number]! += (weight * hit.score) / best
}

function clamp (x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x
}

/** Indices of the `k` largest values, largest first. */
function topIndices (values: Float64Array, k: number): number[] {
  const top: number[] = []
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!
    if (top.length === k && v <= values[top[k - 1]!]!) continue
    let at = top.length === k ? k - 1 : top.length
    while (at > 0 && values[top[at - 1]!]! < v) {
      top[at] = top[at - 1]!
      at--
    }
    top[at] = i
  }
  return top
}
