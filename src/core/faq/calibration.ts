/**
 * Turns the matcher's evidence about its best entry into a calibrated probability that this
 * entry is the right answer: a logistic model over features that keep their meaning from one
 * FAQ to another (a probability, a margin, shares of the query the FAQ knows), so that
 * coefficients fitted on a public data set serve a shop FAQ that has no validation data.
 */

/** What the matcher knows about its best entry for one query. All values are in [0, 1]. */
export interface MatchEvidence {
  /** The classifier's softmax probability of the best entry. */
  probability: number
  /** Classifier score of the best entry minus the runner-up's (cosine-like scale). */
  margin: number
  /** Classifier score of the best entry (cosine-like scale, clamped to [0, 1]). */
  score: number
  /** Share of the query's terms that occur in some question of the FAQ. */
  coverage: number
  /** Share of the query's character and word features that occur in some question. */
  known: number
  /** 1 when the keyword search (BM25) ranks the same entry first, else 0. */
  agreement: number
  /** Share of the query's terms that occur in the best entry's questions. */
  entryCoverage: number
  /** Share of the query's terms that occur in the best entry's answer text only, not its questions. */
  answerCoverage: number
  /** 1 / (number of query terms): short queries are ambiguous more often. */
  brevity: number
  /**
   * How many questions the FAQ has per entry, as log(1 + n) / log(101) capped at 1: the same
   * margin means more when an entry is known from 100 questions than from 5.
   */
  support: number
  /**
   * How many entries the FAQ has, as log10(n) / 3 capped at 1 (0.48 for 30, 0.73 for 150):
   * among fewer entries the best one wins more easily, right or wrong.
   */
  breadth: number
  /** `margin` × `support`: lets the weight of the margin depend on the FAQ's size. */
  marginSupport: number
  /** `score` × `support`. */
  scoreSupport: number
  /** `margin` × `coverage`: a clear winner on a query the FAQ half knows is often out of scope. */
  marginCoverage: number
}

/** The evidence features, in the order the coefficients use. */
export const EvidenceFeatures = [
  'probability',
  'margin',
  'score',
  'coverage',
  'known',
  'agreement',
  'entryCoverage',
  'answerCoverage',
  'brevity',
  'support',
  'breadth',
  'marginSupport',
  'scoreSupport',
  'marginCoverage',
] as const

/** Coefficients of the logistic confidence model. */
export interface Calibration {
  intercept: number
  weights: Record<keyof MatchEvidence, number>
}

/**
 * Fitted by `bench/quality.ts --fit-defaults` on validation splits only (never test), pooled
 * over four kinds of FAQ: CLINC150 (crowd-sourced, 150 intents; full, 10- and 5-shot),
 * HINT3 SOFMATTRESS (a shop bot's real traffic and real out-of-scope questions; full and
 * 5-shot), DEEPSETCOVID (one question and one answer per entry) and FBTOD (Spanish; full and
 * 5-shot); plus FAQs of 30 and 60 (or half the) intents cut from each, whose left-out intents'
 * questions count as out of scope, and FAQs of one and two questions per entry. Each kind of
 * data counts the same; out-of-scope queries are reweighted to a 25% share of traffic.
 * Pooling FAQs of 1 to 100 questions per entry and 5 to 150 entries is what lets `support`
 * and `breadth` adjust the confidence to a shop's FAQ, which has no validation data of its
 * own. Left out one kind at a time, the fit on the other three kept 94.7–100% answered
 * precision on the left-out kind's test split (README, Benchmarks).
 */
export const DefaultCalibration: Calibration = {
  intercept: -1.502,
  weights: {
    probability: 0.763,
    margin: 2.307,
    score: 0.608,
    coverage: 0.013,
    known: 0.766,
    agreement: 0.186,
    entryCoverage: 1.645,
    answerCoverage: -1.093,
    brevity: -1.603,
    support: -4.236,
    breadth: -0.525,
    marginSupport: -1.267,
    scoreSupport: 3.126,
    marginCoverage: 2.492,
  },
}

/** The calibrated probability that the best entry is right, in [0, 1]. */
export function calibrate (evidence: MatchEvidence, calibration: Calibration = DefaultCalibration): number {
  let z = calibration.intercept
  for (const name of EvidenceFeatures) z += calibration.weights[name] * evidence[name]
  return 1 / (1 + Math.exp(-z))
}

/** One labelled observation for {@link fitCalibration}. */
export interface CalibrationSample {
  evidence: MatchEvidence
  /** Whether the best entry was the right answer (false for every out-of-scope query). */
  correct: boolean
  /** How much this observation counts. @default 1 */
  weight?: number
}

/**
 * Fits the logistic model by Newton's method (iteratively reweighted least squares) with a
 * small ridge penalty, which keeps the fit stable when a feature is almost constant.
 */
export function fitCalibration (samples: CalibrationSample[], ridge = 1e-3, iterations = 30): Calibration {
  const d = EvidenceFeatures.length + 1
  const rows = samples.map((s) => [1, ...EvidenceFeatures.map((n) => s.evidence[n])])
  let beta = new Array<number>(d).fill(0)
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0)
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0))
    samples.forEach((s, i) => {
      const x = rows[i] as number[]
      const p = 1 / (1 + Math.exp(-dot(beta, x)))
      const w = s.weight ?? 1
      const r = w * ((s.correct ? 1 : 0) - p)
      const h = w * p * (1 - p)
      for (let a = 0; a < d; a++) {
        grad[a] = (grad[a] as number) + r * (x[a] as number)
        const row = hess[a] as number[]
        for (let b = 0; b < d; b++) row[b] = (row[b] as number) + h * (x[a] as number) * (x[b] as number)
      }
    })
    for (let a = 1; a < d; a++) {
      grad[a] = (grad[a] as number) - ridge * (beta[a] as number)
      ;(hess[a] as number[])[a] = ((hess[a] as number[])[a] as number) + ridge
    }
    const step = solve(hess, grad)
    beta = beta.map((b, a) => b + (step[a] as number))
    if (Math.max(...step.map(Math.abs)) < 1e-9) break
  }
  const weights = Object.fromEntries(EvidenceFeatures.map((n, i) => [n, beta[i + 1] as number]))
  return { intercept: beta[0] as number, weights: weights as Calibration['weights'] }
}

function dot (a: number[], b: number[]): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number)
  return s
}

/** Solves `m · x = v` by Gaussian elimination with partial pivoting (m is small). */
function solve (m: number[][], v: number[]): number[] {
  const n = v.length
  const a = m.map((row, i) => [...row, v[i] as number])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r
    ;[a[col], a[pivot]] = [a[pivot]!, a[col]!]
    const p = a[col]![col]!
    if (Math.abs(p) < 1e-12) continue
    for (let r = 0; r < n; r++) {
      if (r === col) continue
      const f = a[r]![col]! / p
      for (let c = col; c <= n; c++) a[r]![c]! -= f * a[col]![c]!
    }
  }
  return a.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!))
}
