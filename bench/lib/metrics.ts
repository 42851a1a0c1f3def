import type { Candidate } from '../../src/core/faq/matcher.js'
import { verdictFor, type Thresholds } from '../../src/core/triage/thresholds.js'

/** The part of a query record that the metrics need. */
export interface Scored {
  inScope: boolean
  /** Out of scope only because the FAQ was cut down from a larger one. */
  related?: boolean
  /** The best entry was the expected one (always false out of scope). */
  correct: boolean
  /** The expected entry was among the first three. */
  inTop3: boolean
  /** Calibrated confidence of the best entry (0 without candidates). */
  confidence: number
  /** Calibrated confidences of the runner-ups, best first. @default [] */
  runnerUps?: number[]
}

/** The record's candidates as the triage sees them: only confidences matter to the verdict. */
export function candidatesOf (r: Scored): Candidate[] {
  if (r.confidence <= 0) return []
  const confidences = [r.confidence, ...(r.runnerUps ?? [])]
  return confidences.map((confidence) => ({ entryId: '', confidence, probability: 0, score: 0, matchedTerms: [] }))
}

/** Area under the ROC curve of `confidence` separating in-scope from out-of-scope queries. */
export function auroc (records: Scored[]): number {
  const sorted = [...records].sort((a, b) => a.confidence - b.confidence)
  let rankSum = 0
  let positives = 0
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j < sorted.length && sorted[j]?.confidence === sorted[i]?.confidence) j++
    const midRank = (i + j + 1) / 2
    for (let k = i; k < j; k++) {
      if (sorted[k]?.inScope === true) {
        rankSum += midRank
        positives++
      }
    }
    i = j
  }
  const negatives = sorted.length - positives
  if (positives === 0 || negatives === 0) return NaN
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

/** Expected calibration error of the top confidence against correctness, equal-width bins. */
export function ece (records: Scored[], bins = 10): number {
  const count = new Array<number>(bins).fill(0)
  const conf = new Array<number>(bins).fill(0)
  const right = new Array<number>(bins).fill(0)
  for (const r of records) {
    const b = Math.min(bins - 1, Math.floor(r.confidence * bins))
    count[b]! += 1
    conf[b]! += r.confidence
    right[b]! += r.correct ? 1 : 0
  }
  let sum = 0
  for (let b = 0; b < bins; b++) sum += Math.abs(right[b]! - conf[b]!)
  return sum / Math.max(1, records.length)
}

/** What the triage decisions amount to on a set of queries. */
export interface DecisionMetrics {
  /** Share of answered queries (in scope and out of scope) that got the right entry. */
  answered_precision: number
  /** Share of in-scope queries answered with the right entry. */
  deflection: number
  /** Share of out-of-scope queries escalated (strictly). */
  oos_escalation_recall: number
  /** Share of out-of-scope queries not answered (escalated or clarified). */
  oos_unanswered: number
  /** Share of all queries given choices. */
  clarify_rate: number
  /** Share of clarified in-scope queries whose right entry was among the choices. */
  clarify_hit: number
}

/** Applies `thresholds` to every record and counts the outcomes. */
export function decisionMetrics (records: Scored[], thresholds: Thresholds): DecisionMetrics {
  let answered = 0
  let answeredRight = 0
  let inScope = 0
  let oos = 0
  let oosEscalated = 0
  let oosAnswered = 0
  let clarified = 0
  let clarifiedIn = 0
  let clarifyHit = 0
  for (const r of records) {
    const verdict = verdictFor(candidatesOf(r), thresholds)
    if (r.inScope) inScope++
    else oos++
    if (verdict === 'answer') {
      answered++
      if (r.correct) answeredRight++
      if (!r.inScope) oosAnswered++
    }
    if (verdict === 'clarify') {
      clarified++
      if (r.inScope) {
        clarifiedIn++
        if (r.inTop3) clarifyHit++
      }
    }
    if (verdict === 'escalate' && !r.inScope) oosEscalated++
  }
  return {
    answered_precision: answered === 0 ? 1 : answeredRight / answered,
    deflection: answeredRight / Math.max(1, inScope),
    oos_escalation_recall: oosEscalated / Math.max(1, oos),
    oos_unanswered: (oos - oosAnswered) / Math.max(1, oos),
    clarify_rate: clarified / Math.max(1, records.length),
    clarify_hit: clarifiedIn === 0 ? 0 : clarifyHit / clarifiedIn,
  }
}

/** The value below which `p` of the sorted values fall (nearest rank). */
export function percentile (values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN
}
