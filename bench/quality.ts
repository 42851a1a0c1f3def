/**
 * Matching quality on an intent data set (CLINC150, HINT3, DEEPSETCOVID, FBTOD and their
 * few-shot variants): each intent is an FAQ entry whose questions are its training
 * utterances. The confidence model and the
 * thresholds are fitted on validation data only (`val`, `oos_val`, `oos_train`); every number
 * reported comes from `test` + `oos_test`.
 *
 *   npx tsx bench/quality.ts --data ../shared/datasets/CLINC150.json [--json] [--titles]
 *     [--lang es] [--no-answers] [--matcher '{"features":{"charGram":3}}']
 *   npx tsx bench/quality.ts --fit-defaults --data A.json --data B.json ...
 *
 * The analyzer is the file's `lang` (`en` when absent) unless `--lang` says otherwise; the
 * file's `answers` become the entries' answer texts unless `--no-answers`. `--matcher` passes
 * matcher options (JSON), to measure a lever without editing the code.
 *
 * `--fit-defaults` pools the validation sets of all given data sets (and smaller and
 * fewer-question FAQs cut from them) into one fit: the source of `DefaultCalibration` and
 * `DefaultThresholds`, which it prints as code. Each data set is then reported under that fit
 * and under the fit that left its whole family out (leave one data set out).
 */
import { parseArgs } from 'node:util'
import { DefaultCalibration, type Calibration } from '../src/core/faq/calibration.js'
import type { MatcherOptions } from '../src/core/faq/matcher.js'
import { DefaultThresholds, type Thresholds } from '../src/core/triage/thresholds.js'
import { entriesOf, fewShotOf, langOf, loadDataset, subsetOf, testQueries, validationQueries, type IntentDataset } from './lib/dataset.js'
import { chooseThresholds, fitOn, FitPolicy } from './lib/fit.js'
import { familyOf, heldOutSettings, pooledSetting } from './lib/pooled.js'
import { evaluate, prepare, type Prepared, type Report } from './lib/evaluate.js'
import { printReport } from './lib/print.js'

// Smaller FAQs cut from each data set, so that the shipped defaults also fit a shop's 30 entries.
const SUBSET_SIZES = [30, 60]
// And FAQs of one and two questions per entry cut from each full data set: as many shops write.
const FEW_SHOTS = [1, 2]

const { values } = parseArgs({
  options: {
    data: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    titles: { type: 'boolean', default: false },
    'fit-defaults': { type: 'boolean', default: false },
    lang: { type: 'string' },
    'no-answers': { type: 'boolean', default: false },
    matcher: { type: 'string' },
  },
})

const paths = values.data ?? []
if (paths.length === 0) {
  console.error('usage: tsx bench/quality.ts --data <dataset.json> [--data ...] [--json] [--titles] [--lang xx] ' +
      '[--no-answers] [--matcher <json>] [--fit-defaults]')
  process.exit(2)
}

const matcherOptions = (values.matcher === undefined ? {} : JSON.parse(values.matcher)) as Partial<MatcherOptions>
const datasets = paths.map((path) => loadDataset(path))
const prepared: Prepared[] = datasets.map(prepareAll)

const reports: Report[] = values['fit-defaults'] ? fitDefaults(prepared) : prepared.map(ownFit)
for (const report of reports) printReport(report)
const summary = reports.length === 1 ? reports[0] : { datasets: reports }
if (values.json) console.log(JSON.stringify(summary))

function prepareAll (data: IntentDataset): Prepared {
  const name = values.titles ? `${data.name}+titles` : data.name
  const entries = entriesOf(data, values.titles, !values['no-answers'])
  const options = { ...matcherOptions, lang: langOf(data, values.lang) }
  return prepare(name, entries, validationQueries(data), testQueries(data), options)
}

/** The protocol of one data set: fit on its own validation split, report on its test split. */
function ownFit (p: Prepared): Report {
  const calibration = fitOn([p.val])
  const thresholds = chooseThresholds([p.scoreVal(calibration)])
  return evaluate(
    p,
    { calibration, thresholds, source: `fitted on ${p.name} val (OOS reweighted to ${FitPolicy.oosShare})` },
    {
      calibration: DefaultCalibration,
      thresholds: DefaultThresholds,
      label: 'defaults',
      source: 'shipped defaults',
    }
  )
}

/**
 * One fit on all validation splits together (each data set, and smaller FAQs cut from it),
 * reported on each data set's test split beside the fit that left its whole family out
 * (leave one data set out): the second is what defaults promise on data they never saw.
 */
function fitDefaults (all: Prepared[]): Report[] {
  const subsets = datasets.flatMap((data) => subsetSizes(data).map((n) => prepareAll(subsetOf(data, n, n))))
  const shots = datasets.filter((data) => !/_\d+SHOT$/.test(data.name) && data.train.length >= 3 * data.intents.length)
    .flatMap((data) => FEW_SHOTS.map((k) => prepareAll(fewShotOf(data, k, k + 1))))
  const groups = [...all, ...subsets, ...shots]
  const pooled = pooledSetting(groups, 'pooled')
  const heldOut = heldOutSettings(groups)
  console.log(defaultsAsCode(pooled.calibration, pooled.thresholds, groups.map((p) => p.name)))
  return all.map((p) => evaluate(p, pooled, heldOut.get(familyOf(p.name))))
}

/** FAQs of 30 and 60 entries, or of half the entries when the data set has fewer than 60. */
function subsetSizes (data: IntentDataset): number[] {
  const n = data.intents.length
  const sizes = SUBSET_SIZES.filter((size) => size < n)
  return sizes.length > 0 ? sizes : [Math.max(2, Math.floor(n / 2))]
}

function defaultsAsCode (c: Calibration, t: Thresholds, names: string[]): string {
  const r = (x: number): string => x.toFixed(3)
  const weights = Object.entries(c.weights)
    .map(([k, v]) => `${k}: ${r(v)}`)
    .join(', ')
  return [
    `// pooled validation fit on ${names.join(', ')}`,
    `export const DefaultCalibration: Calibration = {\n  intercept: ${r(c.intercept)},\n  weights: { ${weights} },\n}`,
    `export const DefaultThresholds = { answer: ${t.answer}, clarify: ${t.clarify} }`,
  ].join('\n')
}
