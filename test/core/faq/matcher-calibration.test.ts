import t from 'tap'
import {
  calibrate,
  DefaultCalibration,
  EvidenceFeatures,
  fitCalibration,
  type MatchEvidence,
} from '../../../src/core/faq/calibration.js'

const neutral: MatchEvidence = {
  probability: 0.5,
  margin: 0.2,
  score: 0.6,
  coverage: 1,
  known: 0.8,
  agreement: 1,
  entryCoverage: 1,
  answerCoverage: 0,
  brevity: 0.25,
  support: 0.4,
  breadth: 0.5,
  marginSupport: 0.08,
  scoreSupport: 0.24,
  marginCoverage: 0.2,
}

t.test('the default confidence grows with the margin over the runner-up', async (t) => {
  let previous = 0
  for (const margin of [0, 0.1, 0.2, 0.4, 0.8]) {
    const c = calibrate({ ...neutral, margin, marginSupport: margin * neutral.support })
    t.ok(c > previous, `margin ${margin}`)
    previous = c
  }
})

t.test('the default confidence falls when the query has words the FAQ does not know', async (t) => {
  t.ok(calibrate({ ...neutral, coverage: 0.3, known: 0.4 }) < calibrate(neutral))
})

t.test('a confidence is a probability', async (t) => {
  const zeros = Object.fromEntries(EvidenceFeatures.map((f) => [f, 0])) as unknown as MatchEvidence
  const ones = Object.fromEntries(EvidenceFeatures.map((f) => [f, 1])) as unknown as MatchEvidence
  for (const e of [zeros, ones, neutral]) {
    const c = calibrate(e, DefaultCalibration)
    t.ok(c > 0 && c < 1)
  }
})

t.test('fitting recovers the coefficients that generated the data', async (t) => {
  // Labels drawn from a known logistic model of two features; the fit must find it again.
  let seed = 42
  const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647
  const truth = { intercept: -2, margin: 6, coverage: 2 }
  const samples = Array.from({ length: 20_000 }, () => {
    const evidence = { ...neutral, margin: random(), coverage: random() }
    for (const f of EvidenceFeatures) if (f !== 'margin' && f !== 'coverage') evidence[f] = 0
    const p =
      1 / (1 + Math.exp(-(truth.intercept + truth.margin * evidence.margin + truth.coverage * evidence.coverage)))
    return { evidence, correct: random() < p }
  })
  const fit = fitCalibration(samples)
  t.ok(Math.abs(fit.intercept - truth.intercept) < 0.3, `intercept ${fit.intercept}`)
  t.ok(Math.abs(fit.weights.margin - truth.margin) < 0.5, `margin ${fit.weights.margin}`)
  t.ok(Math.abs(fit.weights.coverage - truth.coverage) < 0.4, `coverage ${fit.weights.coverage}`)
  t.ok(Math.abs(fit.weights.probability) < 1e-6, 'a constant feature gets no weight')
})

t.test('sample weights count like repeated samples', async (t) => {
  const a = { ...neutral, margin: 0.9 }
  const b = { ...neutral, margin: 0.1 }
  const weighted = fitCalibration([
    { evidence: a, correct: true, weight: 3 },
    { evidence: a, correct: false },
    { evidence: b, correct: false, weight: 2 },
    { evidence: b, correct: true },
  ])
  const repeated = fitCalibration(
    [a, a, a]
      .map((evidence) => ({ evidence, correct: true }))
      .concat([
        { evidence: a, correct: false },
        { evidence: b, correct: false },
        { evidence: b, correct: false },
        { evidence: b, correct: true },
      ])
  )
  t.ok(Math.abs(calibrate(a, weighted) - calibrate(a, repeated)) < 1e-6)
  t.ok(Math.abs(calibrate(a, weighted) - 0.75) < 0.02, 'three right out of four')
})
