import t from 'tap'
import { cleanLine, cleanText, isEmail } from '../../src/core/conversation/text.js'
import { createLanguageDetector } from '../../src/core/lang/detect.js'
import { createRedactor } from '../../src/core/redact/index.js'
import { hasNestedRepeat } from '../../src/core/redact/rules.js'
import { createHandoffDetector } from '../../src/core/triage/handoff.js'

// Shapes that make backtracking patterns explode: long runs of what a pattern repeats, with
// the one character that makes it fail at the end. 16 KiB is the largest frame a client can send.
const Size = 16 * 1024
const fill = (unit: string, tail = '!'): string =>
  unit.repeat(Math.ceil(Size / unit.length)).slice(0, Size - tail.length) + tail
const Inputs: Record<string, string> = {
  digits: fill('4'),
  'digits and spaces': fill('4 '),
  'digits and dashes': fill('4-'),
  'card-like groups': fill('4111 1111 '),
  'loosely separated groups': fill('4111.1111_1111\u00ad'),
  'look-alike digits': fill('𝟒𝟏𝟏𝟏 ④①①① '),
  'full-width IBAN-like': fill('ＤＥ８９ ３７０４ '),
  'almost-Luhn numbers': fill('4111111111111112 '),
  'IBAN-like groups': fill('DE89 3704 '),
  'country codes': fill('DE'),
  'national-id-like': fill('ABCDEF12G'),
  spaces: fill(' '),
  dots: fill('a.'),
  'at signs': fill('a@'),
  'handoff verbs': fill('talk to a '),
  'handoff nouns': fill('person '),
  negations: fill('no no not never '),
  'Cyrillic handoff': fill('позовите оператора '),
  'combining marks': fill('a\u0301\u0302\u0303'),
  'surrogate halves': fill('\ud800'),
  'bidi and zero-width': fill('\u202e\u200b'),
  newlines: fill('\r\n'),
}

/** The fastest of three runs, in ms: one slow run on a busy machine is not the regex's fault. */
function fastest (run: () => unknown): number {
  let best = Infinity
  for (let i = 0; i < 3; i++) {
    const start = performance.now()
    run()
    best = Math.min(best, performance.now() - start)
  }
  return best
}

const redactor = createRedactor({
  rules: [{ name: 'national-id', pattern: '\\b[A-Z]{6}\\d{2}[A-Z]\\d{2}[A-Z]\\d{3}[A-Z]\\b' }],
})
const handoff = createHandoffDetector()
const detector = createLanguageDetector({ langs: ['en', 'es', 'it', 'ru'], defaultLang: 'en' })
const steps: Record<string, (text: string) => unknown> = {
  cleanText: (text) => cleanText(text, 100_000),
  cleanLine: (text) => cleanLine(text, 100),
  isEmail: (text) => isEmail(text),
  'redaction (cards, IBANs, a configured rule)': (text) => redactor.redact(text),
  "the learning loop's personal-data check (the same, plus e-mail addresses and long numbers)": (text) =>
    redactor.personal(text),
  'handoff phrases': (text) => handoff.detect(text, 'en'),
  'language detection': (text) => detector.detect(text, {}),
}

for (const [step, run] of Object.entries(steps)) {
  t.test(`${step} finishes in under 50 ms on every pathological 16 KiB input`, async (t) => {
    for (const [name, text] of Object.entries(Inputs)) {
      const ms = fastest(() => run(text))
      t.ok(ms < 50, `${name}: ${ms.toFixed(2)} ms`)
    }
  })
}

t.test('configured redaction patterns that nest unbounded repeats are refused at load', async (t) => {
  for (const pattern of ['(a+)+b', '(\\d*)*x', '(?:\\w+\\s?)+$', '([a-z]+)*$']) {
    t.ok(hasNestedRepeat(pattern), `${pattern} is recognised`)
    t.throws(
      () => createRedactor({ rules: [{ name: 'bad', pattern }] }),
      { code: 'FD_ERR_CONFIG_INVALID' },
      `${pattern} is refused`
    )
  }
})
