/**
 * Throughput of the whole pipeline — language detection, matching, decision, rendering — on
 * the CLINC150 FAQ (150 entries, 15,000 questions), against a bare MiniSearch search over the
 * same questions (one document per question, default options: what a plain FAQ search does),
 * and against the matcher's own MiniSearch index searched alone.
 *
 *   npm run bench:triage -- --data ../shared/datasets/CLINC150.json [--json]
 *
 * Queries are the data set's test split (in scope and out of scope), in order; each timed
 * alone with performance.now(), after a warm-up on the first 500.
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import MiniSearch from 'minisearch'
import type { Faq, FaqEntry } from '../src/core/faq/types.js'
import { createKeywordIndex } from '../src/core/faq/matcher-index.js'
import { createAnalyzer } from '../src/core/text/analyzer.js'
import { createTriageEngine } from '../src/core/triage/engine.js'
import { loadTemplates } from '../src/content/templates.js'
import { createRenderer } from '../src/render/templates.js'
import { entriesOf, loadDataset, testQueries } from './lib/dataset.js'

const { values } = parseArgs({ options: { data: { type: 'string' }, json: { type: 'boolean', default: false } } })
if (values.data === undefined) {
  console.error('usage: npm run bench:triage -- --data ../shared/datasets/CLINC150.json [--json]')
  process.exit(2)
}
const data = loadDataset(values.data)
const entries: FaqEntry[] = entriesOf(data).map((e) => ({
  id: e.id,
  lang: 'en',
  title: e.id.replace(/_/g, ' '),
  questions: e.questions,
  tags: [],
  file: `${e.id}.md`,
  bodyLine: 1,
  questionLines: e.questions.map(() => 0),
  body: `Here is what you need to know about **${e.id.replace(/_/g, ' ')}**. Write to {{shop.email}} if anything is unclear.`,
}))
const faq: Faq = { langs: ['en'], entries: new Map([['en', entries]]), synonyms: new Map() }
const queries = testQueries(data).map((q) => q.text)

const t0 = performance.now()
const engine = createTriageEngine(faq, { defaultLang: 'en' })
const buildMs = performance.now() - t0
const templates = await loadTemplates(join(import.meta.dirname, '..', 'templates'))
const built = createRenderer(
  templates.sources.filter((s) => s.lang === 'en'),
  { defaultLang: 'en', entries }
)
if ('problems' in built) throw new Error(JSON.stringify(built.problems))
const renderer = built.renderer
const shop = { name: 'Ravenna Home', email: 'help@ravennahome.example' }

const bare = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] })
bare.addAll(entries.flatMap((e) => e.questions).map((text, id) => ({ id, text })))
// The matcher's own MiniSearch index (one document per entry, analysed terms), searched alone.
const analyzer = createAnalyzer('en')
const keyword = createKeywordIndex(entries.map((e) => e.questions.flatMap((q) => analyzer.terms(q))))

/** Per-query times in ms, after an untimed warm-up on the first 500 queries. */
function time (run: (q: string) => unknown): number[] {
  for (const q of queries.slice(0, 500)) run(q)
  return queries.map((q) => {
    const start = performance.now()
    run(q)
    return performance.now() - start
  })
}

const pipeline = time((q) => {
  const d = engine.triage(q, { browser: 'en' })
  if (d.decision === 'answer') return renderer.answer(d.entry, { shop })
  return renderer.system(d.lang, d.decision === 'clarify' ? 'clarify' : 'escalate', { shop })
})
const search = time((q) => bare.search(q))
const own = time((q) => keyword(analyzer.terms(q)))

const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length
const r = (x: number, d = 3): number => Number(x.toFixed(d))
const result = {
  dataset: data.name,
  entries: entries.length,
  questions: entries.reduce((n, e) => n + e.questions.length, 0),
  queries: queries.length,
  build_ms: Math.round(buildMs),
  pipeline_ms_p50: r(pct(pipeline, 0.5)),
  pipeline_ms_p99: r(pct(pipeline, 0.99)),
  pipeline_msgs_per_s: Math.round(1000 / mean(pipeline)),
  minisearch_ms_p50: r(pct(search, 0.5)),
  minisearch_ms_p99: r(pct(search, 0.99)),
  minisearch_per_s: Math.round(1000 / mean(search)),
  ratio_mean: r(mean(pipeline) / mean(search), 2),
  ratio_p99: r(pct(pipeline, 0.99) / pct(search, 0.99), 2),
  index_search_ms_p50: r(pct(own, 0.5)),
  index_search_ms_p99: r(pct(own, 0.99)),
  ratio_to_index_mean: r(mean(pipeline) / mean(own), 2),
  ratio_to_index_p99: r(pct(pipeline, 0.99) / pct(own, 0.99), 2),
}
console.log(
  `triage pipeline on ${result.dataset}: ${result.entries} entries, ${result.questions} questions, ${result.queries} test queries (one core)`
)
console.log(`  build (index + classifier):  ${result.build_ms} ms`)
console.log(
  `  whole pipeline:              p50 ${result.pipeline_ms_p50} ms, p99 ${result.pipeline_ms_p99} ms, ${result.pipeline_msgs_per_s} messages/s`
)
console.log(
  `  bare MiniSearch search:      p50 ${result.minisearch_ms_p50} ms, p99 ${result.minisearch_ms_p99} ms, ${result.minisearch_per_s} searches/s`
)
console.log(`  pipeline / bare search:      ${result.ratio_mean}x (mean), ${result.ratio_p99}x (p99)`)
console.log(
  `  the matcher's own MiniSearch index alone (analysed terms, one document per entry): p50 ${result.index_search_ms_p50} ms, p99 ${result.index_search_ms_p99} ms`
)
console.log(`  pipeline / that search:      ${result.ratio_to_index_mean}x (mean), ${result.ratio_to_index_p99}x (p99)`)
if (values.json === true) console.log(JSON.stringify(result))
