import { FrontdeskError } from '../errors.js'
import type { Candidate } from '../faq/matcher.js'

/** Confidence cut-offs of the triage decision; `answer` >= `clarify`, both in [0, 1]. */
export interface Thresholds {
  /** From this confidence on, the best entry is answered directly. */
  answer: number
  /** From this confidence on (and below `answer`), the closest entries are offered as choices. */
  clarify: number
}

/** What to do with a visitor's question. */
export type Verdict = 'answer' | 'clarify' | 'escalate'

/**
 * Fitted by `bench/quality.ts --fit-defaults` on validation splits only (never test): CLINC150
 * full, 10-shot and 5-shot, and FAQs of 30 and 60 of their intents, each counting the same,
 * with out-of-scope queries reweighted to a 25% share of traffic (validation has 3%, CLINC150
 * test 18%; a threshold fitted at 3% loses precision as the share grows). `answer` is the
 * lowest confidence at which answered questions were right 95% of the time; `clarify` the one
 * below which 90% of the genuinely out-of-scope questions fall. The confidence comes from the
 * same pooled fit (`DefaultCalibration` in `faq/calibration.ts`), which takes the FAQ's size
 * into account, so these hold for a shop FAQ of 30 entries as well as for 150; an FAQ with
 * its own labelled questions (`faq/tests.yaml`) can refit both with the bench's procedure.
 */
export const DefaultThresholds: Readonly<Thresholds> = Object.freeze({ answer: 0.831, clarify: 0.369 })

/**
 * The verdict for ranked candidates: the best one's confidence >= `answer` → answer;
 * >= `clarify` → clarify (offer {@link clarifyChoices}); else, or without candidates, escalate.
 */
export function verdictFor (candidates: Candidate[], thresholds: Thresholds): Verdict {
  const top = candidates[0]?.confidence
  if (top === undefined) return 'escalate'
  if (top >= thresholds.answer) return 'answer'
  if (top >= thresholds.clarify) return 'clarify'
  return 'escalate'
}

// A third choice that is this much less likely than the first only makes the list longer.
const THIRD_CHOICE_SHARE = 0.25

/** The 2–3 closest entries to offer when the verdict is clarify: two, and a third if close. */
export function clarifyChoices (candidates: Candidate[]): Candidate[] {
  const [first, second, third] = candidates
  if (first === undefined) return []
  const choices = second === undefined ? [first] : [first, second]
  if (third !== undefined && third.confidence >= THIRD_CHOICE_SHARE * first.confidence) choices.push(third)
  return choices
}

/** Throws `FD_ERR_CONFIG_INVALID` unless 0 <= clarify <= answer <= 1. */
export function checkThresholds (thresholds: Thresholds, where = 'thresholds'): Thresholds {
  const { answer, clarify } = thresholds
  const ok = (x: number): boolean => Number.isFinite(x) && x >= 0 && x <= 1
  if (!ok(answer) || !ok(clarify) || clarify > answer) {
    throw new FrontdeskError(
      'FD_ERR_CONFIG_INVALID',
      `${where}: need 0 <= clarify <= answer <= 1, got answer ${answer}, clarify ${clarify}`
    )
  }
  return thresholds
}
