import t from 'tap'
import type { Candidate } from '../../../src/core/faq/matcher.js'
import { checkThresholds, choicesConfidence, clarifyChoices, DefaultThresholds, verdictFor } from '../../../src/core/triage/thresholds.js'

const candidate = (entryId: string, confidence: number): Candidate => ({
  entryId,
  confidence,
  probability: confidence,
  score: confidence,
  matchedTerms: [],
})
const thresholds = { answer: 0.8, clarify: 0.4 }

t.test('a confident best entry is answered', async (t) => {
  t.equal(verdictFor([candidate('returns', 0.93), candidate('refunds', 0.03)], thresholds), 'answer')
  t.equal(verdictFor([candidate('returns', 0.8)], thresholds), 'answer', 'the threshold itself answers')
})

t.test('a middling best entry asks the visitor to choose', async (t) => {
  t.equal(verdictFor([candidate('returns', 0.55), candidate('refunds', 0.3)], thresholds), 'clarify')
  t.equal(verdictFor([candidate('returns', 0.4)], thresholds), 'clarify')
})

t.test('two entries that split the evidence between them are offered as choices', async (t) => {
  const split = [candidate('cancel-order', 0.34), candidate('change-order', 0.33), candidate('returns', 0.01)]
  t.equal(verdictFor(split, thresholds), 'clarify')
  t.equal(choicesConfidence(split), 0.67)
})

t.test('a weak best entry with weak runner-ups escalates', async (t) => {
  t.equal(verdictFor([candidate('returns', 0.25), candidate('refunds', 0.1)], thresholds), 'escalate')
})

t.test('a weak best entry escalates', async (t) => {
  t.equal(verdictFor([candidate('returns', 0.39)], thresholds), 'escalate')
})

t.test('no candidates escalate', async (t) => {
  t.equal(verdictFor([], thresholds), 'escalate')
  t.equal(verdictFor([], DefaultThresholds), 'escalate')
})

t.test('the default thresholds are ordered probabilities', async (t) => {
  t.ok(DefaultThresholds.clarify > 0)
  t.ok(DefaultThresholds.clarify <= DefaultThresholds.answer)
  t.ok(DefaultThresholds.answer < 1)
  t.ok(Object.isFrozen(DefaultThresholds))
})

t.test('a clarification offers the two closest entries', async (t) => {
  const choices = clarifyChoices([candidate('a', 0.5), candidate('b', 0.2), candidate('c', 0.05), candidate('d', 0.01)])
  t.same(
    choices.map((c) => c.entryId),
    ['a', 'b']
  )
})

t.test('a clarification offers a third entry when it is close', async (t) => {
  const choices = clarifyChoices([candidate('a', 0.45), candidate('b', 0.3), candidate('c', 0.2), candidate('d', 0.01)])
  t.same(
    choices.map((c) => c.entryId),
    ['a', 'b', 'c']
  )
})

t.test('a clarification with fewer candidates offers what there is', async (t) => {
  t.same(
    clarifyChoices([candidate('a', 0.5)]).map((c) => c.entryId),
    ['a']
  )
  t.same(clarifyChoices([]), [])
})

t.test('thresholds out of order or out of range are a config error', async (t) => {
  t.same(checkThresholds({ answer: 0.9, clarify: 0.5 }), { answer: 0.9, clarify: 0.5 })
  t.throws(() => checkThresholds({ answer: 0.5, clarify: 0.9 }), {
    code: 'FD_ERR_CONFIG_INVALID',
    message: /clarify <= answer/,
  })
  t.throws(() => checkThresholds({ answer: 1.2, clarify: 0.5 }, 'config.thresholds'), {
    code: 'FD_ERR_CONFIG_INVALID',
    message: /^FD_ERR_CONFIG_INVALID: config.thresholds/,
  })
  t.throws(() => checkThresholds({ answer: Number.NaN, clarify: 0 }), { code: 'FD_ERR_CONFIG_INVALID' })
})
