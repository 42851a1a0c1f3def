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
 * Fitted by `bench/quality.ts --fit-defaults` on validation splits only (never test), pooled
 * over CLINC150, HINT3 SOFMATTRESS (real shop traffic), DEEPSETCOVID (one question and an
 * answer per entry) and FBTOD (Spanish), their few-shot versions and smaller FAQs cut from
 * them, each kind of data counting the same (see `DefaultCalibration` in `faq/calibration.ts`,
 * fitted on the same pool). `answer` is the lowest confidence at which answered questions were
 * right 95% of the time with out-of-scope questions at 10%, 25% and 50% of traffic alike (the
 * strictest of the three: a shop's share is unknown, HINT3's real traffic has 36%); `clarify`
 * the one below which 90% of the genuinely out-of-scope questions fall. Leaving one kind of
 * data out of the fit at a time, answered precision on its test split stayed at 94.7–100%;
 * the price is deflection, which a shop gets back by refitting on its own labelled questions
 * (`faq/tests.yaml`) with the bench's procedure.
 */
export const DefaultThresholds: Readonly<Thresholds> = Object.freeze({ answer: 0.932, clarify: 0.567 })

/**
 * The verdict for ranked candidates: the best one's confidence >= `answer` → answer; the
 * confidence that the right entry is among the choices (the sum over {@link clarifyChoices})
 * >= `clarify` → clarify; else, or without candidates, escalate. Summing matters when two
 * entries split the evidence ("cancel or change my order?"): each alone looks unlikely, the
 * pair is a good offer.
 */
export function verdictFor (candidates: Candidate[], thresholds: Thresholds): Verdict {
  const top = candidates[0]?.confidence
  if (top === undefined) return 'escalate'
  if (top >= thresholds.answer) return 'answer'
  if (choicesConfidence(candidates) >= thresholds.clarify) return 'clarify'
  return 'escalate'
}

/** The confidence that one of the {@link clarifyChoices} is the right entry. */
export function choicesConfidence (candidates: Candidate[]): number {
  return clarifyChoices(candidates).reduce((sum, c) => sum + c.confidence, 0)
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
