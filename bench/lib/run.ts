import type { MatchEvidence } from '../../src/core/faq/calibration.js'
import type { Matcher } from '../../src/core/faq/matcher.js'
import type { LabelledQuery } from './dataset.js'

/** What the matcher did with one labelled query. */
export interface QueryRecord {
  inScope: boolean
  /** Out of scope only because the FAQ was cut down from a larger one. */
  related: boolean
  /** The best entry was the expected one. */
  correct: boolean
  /** The expected entry was among the first three. */
  inTop3: boolean
  confidence: number
  /** Softmax probabilities of the runner-ups, so that their confidences follow any calibration. */
  runnerUps: number[]
  evidence: MatchEvidence | undefined
  ms: number
}

/** Runs every query through the matcher, timing each `match` call. */
export function runQueries (matcher: Matcher, queries: LabelledQuery[]): QueryRecord[] {
  return queries.map(({ text, expected, related }) => {
    const start = performance.now()
    const result = matcher.match(text, 3)
    const ms = performance.now() - start
    const ids = result.candidates.map((c) => c.entryId)
    return {
      inScope: expected !== null,
      related: related === true,
      correct: expected !== null && ids[0] === expected,
      inTop3: expected !== null && ids.includes(expected),
      confidence: result.candidates[0]?.confidence ?? 0,
      runnerUps: result.candidates.slice(1).map((c) => c.probability),
      evidence: result.evidence,
      ms,
    }
  })
}
