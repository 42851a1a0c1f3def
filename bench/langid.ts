/**
 * Language identification benchmark: `npx tsx bench/langid.ts --data ../shared/datasets/langid-tatoeba13.json
 * [--json] [--split dev|test]`.
 *
 * The data set has no split. Sentences at even indices are the development half (the word
 * lists and weights were fitted on it); the report is on the odd indices unless `--split dev`.
 * Chat messages are short, so each sentence is also cut to its first 1, 2, 3 and 5 words, and
 * read with no prior, with the right conversation language, and with a wrong one (the next
 * FAQ language in the list). With `--json` the last line of stdout is one JSON object.
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { francAll } from 'franc'
import { toIso1, toIso3 } from '../src/core/lang/codes.js'
import { createLanguageDetector, type LanguageHints } from '../src/core/lang/detect.js'

const FaqLangs = ['en', 'es', 'it', 'ru', 'de', 'fr', 'pt', 'nl']
const DemoLangs = ['en', 'es', 'it', 'ru']
const Cuts = [1, 2, 3, 5] as const
type Sample = [text: string, lang: string]
type Row = Record<string, number>

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    json: { type: 'boolean', default: false },
    split: { type: 'string', default: 'test' },
  },
})
if (values.data === undefined || (values.split !== 'test' && values.split !== 'dev')) {
  console.error('usage: tsx bench/langid.ts --data <langid-tatoeba13.json> [--json] [--split test|dev]')
  process.exit(2)
}
const all = JSON.parse(readFileSync(values.data, 'utf8')) as Sample[]
const parity = values.split === 'dev' ? 0 : 1
const split = all.filter((_, i) => i % 2 === parity)
const halfName =
  values.split === 'dev' ? 'development half (even indices)' : 'report half (odd indices; tuned on the even ones)'

function cut (text: string, words: number | 'whole'): string {
  return words === 'whole' ? text : text.split(/\s+/).slice(0, words).join(' ')
}

function pct (ok: number, n: number): number {
  return n === 0 ? 0 : Math.round((ok / n) * 1000) / 10
}

/** Accuracy per cut for one way of choosing a language. */
function accuracy (samples: Sample[], pick: (text: string, lang: string) => string): Row {
  const row: Row = {}
  for (const words of [...Cuts, 'whole' as const]) {
    const ok = samples.filter(([text, lang]) => pick(cut(text, words), lang) === lang).length
    row[String(words)] = pct(ok, samples.length)
  }
  return row
}

function evaluate (langs: string[], samples: Sample[]) {
  const detector = createLanguageDetector({ langs, defaultLang: langs[0] ?? 'en' })
  const wrong = (lang: string): string => langs[(langs.indexOf(lang) + 1) % langs.length] ?? lang
  const run = (hints: (lang: string) => LanguageHints) => (text: string, lang: string) =>
    detector.detect(text, hints(lang)).lang
  let calls = 0
  const start = performance.now()
  const rows = {
    none: accuracy(
      samples,
      run(() => {
        calls++
        return {}
      })
    ),
    right: accuracy(
      samples,
      run((lang) => {
        calls++
        return { conversation: lang }
      })
    ),
    wrong: accuracy(
      samples,
      run((lang) => {
        calls++
        return { conversation: wrong(lang) }
      })
    ),
  }
  const perSecond = Math.round(calls / ((performance.now() - start) / 1000))
  return { rows, perSecond, detector }
}

function francOnly (langs: string[]): (text: string) => string {
  const only = langs.map((l) => toIso3(l) ?? l)
  return (text) => toIso1(francAll(text, { only, minLength: 1 })[0]?.[0] ?? 'und')
}

/** Foreign detection with the demo FAQ: recall on other languages, false alarms on its own. */
function foreignRates (samples: Sample[]) {
  const detector = createLanguageDetector({ langs: DemoLangs, defaultLang: 'en' })
  const others = samples.filter(([, l]) => !DemoLangs.includes(l))
  const own = samples.filter(([, l]) => DemoLangs.includes(l))
  const recall = pct(others.filter(([t]) => detector.detect(t).foreign !== undefined).length, others.length)
  const right = pct(others.filter(([t, l]) => detector.detect(t).foreign === l).length, others.length)
  const byLang: Row = {}
  for (const lang of [...new Set(others.map(([, l]) => l))]) {
    const texts = others.filter(([, l]) => l === lang)
    byLang[lang] = pct(texts.filter(([t]) => detector.detect(t).foreign !== undefined).length, texts.length)
  }
  const falseAlarm: Row = {}
  for (const words of [...Cuts, 'whole' as const]) {
    falseAlarm[String(words)] = pct(
      own.filter(([t]) => detector.detect(cut(t, words)).foreign !== undefined).length,
      own.length
    )
  }
  return {
    recall,
    recall_by_lang: byLang,
    named_right: right,
    false_alarm_by_words: falseAlarm,
    foreign_texts: others.length,
    own_texts: own.length,
  }
}

/**
 * The alternative measured against the detector: a character 1–4-gram naive Bayes trained on
 * the development half. It is not shipped: it would need training text in the repository.
 */
function trainCharModel (samples: Sample[], langs: string[]): (text: string) => string {
  const grams = (text: string): string[] => {
    const s = ` ${text
      .toLowerCase()
      .replace(/[^\p{L}']+/gu, ' ')
      .trim()} `
    const out: string[] = []
    for (let n = 1; n <= 4; n++) for (let i = 0; i + n <= s.length; i++) out.push(s.slice(i, i + n))
    return out
  }
  const counts = new Map(langs.map((l) => [l, new Map<string, number>()]))
  const totals = new Map(langs.map((l) => [l, 0]))
  const vocabulary = new Set<string>()
  for (const [text, lang] of samples) {
    const c = counts.get(lang)
    if (c === undefined) continue
    for (const g of grams(text)) {
      c.set(g, (c.get(g) ?? 0) + 1)
      vocabulary.add(g)
    }
    totals.set(lang, (totals.get(lang) ?? 0) + grams(text).length)
  }
  return (text) => {
    const gs = grams(text)
    let best = langs[0] ?? ''
    let bestScore = -Infinity
    for (const lang of langs) {
      const c = counts.get(lang) ?? new Map<string, number>()
      const denominator = (totals.get(lang) ?? 0) + 0.5 * vocabulary.size
      const score = gs.reduce((sum, g) => sum + Math.log(((c.get(g) ?? 0) + 0.5) / denominator), 0)
      if (score > bestScore) {
        best = lang
        bestScore = score
      }
    }
    return best
  }
}

function line (name: string, row: Row): string {
  return name.padEnd(34) + [...Cuts, 'whole'].map((k) => String(row[String(k)]?.toFixed(1)).padStart(7)).join('')
}

const faqSamples = split.filter(([, l]) => FaqLangs.includes(l))
const demoSamples = split.filter(([, l]) => DemoLangs.includes(l))
const main = evaluate(FaqLangs, faqSamples)
const demo = evaluate(DemoLangs, demoSamples)
const baseline = accuracy(faqSamples, francOnly(FaqLangs))
const trained = trainCharModel(
  all.filter((s, i) => i % 2 === 0 && FaqLangs.includes(s[1])),
  FaqLangs
)
const alternative = accuracy(faqSamples, (text) => trained(text))
const foreign = foreignRates(split)

console.log(`langid: ${values.data}, ${halfName}`)
console.log(
  `FAQ languages ${FaqLangs.join(' ')}: ${faqSamples.length} texts, ${split.length - faqSamples.length} skipped (other languages)`
)
console.log(''.padEnd(34) + [...Cuts.map((c) => `${c}w`), 'whole'].map((h) => h.padStart(7)).join(''))
console.log(line('detector, no prior', main.rows.none))
console.log(line('detector, right conversation', main.rows.right))
console.log(line('detector, wrong conversation', main.rows.wrong))
console.log(line('franc alone (8 langs)', baseline))
console.log(line('alt: char 1-4-gram NB, dev-trained', alternative))
console.log(line(`demo ${DemoLangs.join(' ')}, no prior`, demo.rows.none) + `   (${demoSamples.length} texts)`)
console.log(line(`demo ${DemoLangs.join(' ')}, right conv.`, demo.rows.right))
console.log(line(`demo ${DemoLangs.join(' ')}, wrong conv.`, demo.rows.wrong))
console.log(
  `foreign (demo FAQ, whole texts): flagged ${foreign.recall}% of ${foreign.foreign_texts} other-language texts (named right ${foreign.named_right}%), by language ${JSON.stringify(foreign.recall_by_lang)}; ` +
    `false alarms on its own languages by words ${JSON.stringify(foreign.false_alarm_by_words)}`
)
console.log(`speed: ${main.perSecond} detections/s (8 langs), ${demo.perSecond}/s (4 langs)`)

const byWords = (row: Row) => Object.fromEntries(Cuts.map((c) => [String(c), row[String(c)]]))
if (values.json) {
  console.log(
    JSON.stringify({
      split: values.split,
      langs: FaqLangs,
      accuracy: main.rows.none.whole,
      by_words: byWords(main.rows.none),
      prior_right_by_words: byWords(main.rows.right),
      prior_wrong_by_words: byWords(main.rows.wrong),
      prior_right_accuracy: main.rows.right.whole,
      prior_wrong_accuracy: main.rows.wrong.whole,
      texts: faqSamples.length,
      skipped: split.length - faqSamples.length,
      detections_per_s: main.perSecond,
      demo: {
        langs: DemoLangs,
        accuracy: demo.rows.none.whole,
        by_words: byWords(demo.rows.none),
        prior_right_by_words: byWords(demo.rows.right),
        prior_wrong_by_words: byWords(demo.rows.wrong),
        texts: demoSamples.length,
        skipped: split.length - demoSamples.length,
        detections_per_s: demo.perSecond,
      },
      baselines: { franc_only: baseline, char_ngram_nb_dev_trained: alternative },
      foreign,
    })
  )
}
