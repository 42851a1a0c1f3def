import { createActRecognizer } from '../../src/core/dialogue/acts.js'
import { calibrate, type Calibration } from '../../src/core/faq/calibration.js'
import { createKeywordIndex } from '../../src/core/faq/matcher-index.js'
import { runnerUpConfidence } from '../../src/core/faq/matcher-rank.js'
import { createMatcher, type MatcherEntry, type MatcherOptions } from '../../src/core/faq/matcher.js'
import { createAnalyzer } from '../../src/core/text/analyzer.js'
import type { Thresholds } from '../../src/core/triage/thresholds.js'
import type { LabelledQuery } from './dataset.js'
import { auroc, decisionMetrics, ece, percentile, type DecisionMetrics, type Scored } from './metrics.js'
import { runQueries, type QueryRecord } from './run.js'

/** A data set with its matcher built and every query run once. */
export interface Prepared {
  name: string
  /** The analyzer's language. */
  lang: string
  entries: number
  questions: number
  build_ms: number
  /** User CPU time of the build, all threads (the machine may be shared: wall time varies). */
  build_cpu_ms: number
  val: QueryRecord[]
  test: QueryRecord[]
  /** Milliseconds of MiniSearch alone (same index, same analyzer) on each test query. */
  bareMs: number[]
  /** Share of in-scope test questions the small-talk recognizer would take for small talk. */
  smalltalkFalsePositive: number
  /** Validation records scored with a calibration. */
  scoreVal(calibration: Calibration): Scored[]
}

/** A calibration and thresholds, and where they came from. */
export interface Setting {
  calibration: Calibration
  thresholds: Thresholds
  /** A short name for the report's rows ("defaults", "held out"). */
  label?: string
  source: string
}

/** Everything the bench reports about one data set. */
export interface Report extends DecisionMetrics {
  dataset: string
  lang: string
  entries: number
  questions: number
  top1_accuracy: number
  top3_accuracy: number
  /** Top-1 on the validation split: what levers are tuned on (never the test split). */
  val_top1_accuracy: number
  /** In-scope test questions answered as small talk instead of being matched. */
  smalltalk_false_positive: number
  auroc: number
  ece: number
  build_ms: number
  build_cpu_ms: number
  query_ms_p50: number
  query_ms_p99: number
  minisearch_ms_p50: number
  minisearch_ms_p99: number
  thresholds: Thresholds
  thresholds_source: string
  calibration: Calibration
  /** The same test split under the shipped defaults, when they were not what was fitted. */
  defaults?: DecisionMetrics & { auroc: number; ece: number; thresholds: Thresholds; label: string; source: string }
}

/** Builds the matcher (timed, cold) and runs validation, then test queries through it. */
export function prepare (
  name: string,
  entries: MatcherEntry[],
  val: LabelledQuery[],
  test: LabelledQuery[],
  options: MatcherOptions = { lang: 'en' }
): Prepared {
  const cpu = process.cpuUsage()
  const start = performance.now()
  const matcher = createMatcher(entries, options)
  const buildMs = performance.now() - start
  const buildCpuMs = process.cpuUsage(cpu).user / 1000
  const valRecords = runQueries(matcher, val)
  const testRecords = runQueries(matcher, test)
  const analyzer = createAnalyzer(options.lang)
  const texts = entries.map((e) => (e.title === undefined ? e.questions : [...e.questions, e.title]))
  const search = createKeywordIndex(texts.map((questions) => questions.flatMap((q) => analyzer.terms(q))))
  const bareMs = test.map(({ text }) => {
    const t = performance.now()
    search(analyzer.terms(text))
    return performance.now() - t
  })
  const acts = createActRecognizer()
  const inScope = test.filter((q) => q.expected !== null)
  const smalltalkFalsePositive = share(inScope, (q) => acts.recognize(q.text, [options.lang]) !== undefined)
  return {
    name,
    lang: options.lang,
    smalltalkFalsePositive,
    entries: matcher.entries,
    questions: matcher.questions,
    build_ms: buildMs,
    build_cpu_ms: buildCpuMs,
    val: valRecords,
    test: testRecords,
    bareMs,
    scoreVal: (calibration) => scored(valRecords, calibration),
  }
}

function scored (records: QueryRecord[], calibration: Calibration): Scored[] {
  return records.map((r) => {
    if (r.evidence === undefined) return { ...r, confidence: 0, runnerUps: [] }
    const q = calibrate(r.evidence, calibration)
    const p1 = r.evidence.probability
    return { ...r, confidence: q, runnerUps: r.runnerUps.map((p) => runnerUpConfidence(q, p1, p)) }
  })
}

/** Test metrics under `setting`, and under `defaults` as well when given. */
export function evaluate (p: Prepared, setting: Setting, defaults?: Setting): Report {
  const test = scored(p.test, setting.calibration)
  const inScope = test.filter((r) => r.inScope)
  const ms = p.test.map((r) => r.ms)
  const report: Report = {
    dataset: p.name,
    lang: p.lang,
    entries: p.entries,
    questions: p.questions,
    top1_accuracy: inScope.filter((r) => r.correct).length / inScope.length,
    top3_accuracy: inScope.filter((r) => r.inTop3).length / inScope.length,
    val_top1_accuracy: share(p.val.filter((r) => r.inScope), (r) => r.correct),
    smalltalk_false_positive: p.smalltalkFalsePositive,
    auroc: auroc(test),
    ...decisionMetrics(test, setting.thresholds),
    ece: ece(test),
    build_ms: Math.round(p.build_ms),
    build_cpu_ms: Math.round(p.build_cpu_ms),
    query_ms_p50: round(percentile(ms, 0.5)),
    query_ms_p99: round(percentile(ms, 0.99)),
    minisearch_ms_p50: round(percentile(p.bareMs, 0.5)),
    minisearch_ms_p99: round(percentile(p.bareMs, 0.99)),
    thresholds: setting.thresholds,
    thresholds_source: setting.source,
    calibration: setting.calibration,
  }
  if (defaults !== undefined) {
    const d = scored(p.test, defaults.calibration)
    report.defaults = {
      ...decisionMetrics(d, defaults.thresholds),
      auroc: auroc(d),
      ece: ece(d),
      thresholds: defaults.thresholds,
      label: defaults.label ?? 'defaults',
      source: defaults.source,
    }
  }
  return report
}

function share<T> (items: T[], ok: (item: T) => boolean): number {
  return items.filter(ok).length / Math.max(1, items.length)
}

function round (x: number): number {
  return Math.round(x * 1000) / 1000
}
