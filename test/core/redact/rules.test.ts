import t from 'tap'
import { FrontdeskError } from '../../../src/core/errors.js'
import { createRedactor } from '../../../src/core/redact/redactor.js'
import { chunks, hasNestedRepeat } from '../../../src/core/redact/rules.js'

const codiceFiscale = { name: 'codice-fiscale', pattern: '\\b[A-Z]{6}\\d{2}[A-Z]\\d{2}[A-Z]\\d{3}[A-Z]\\b' }
const snils = { name: 'snils', pattern: '\\b\\d{3}-\\d{3}-\\d{3} \\d{2}\\b', replacement: '[СНИЛС удалён]' }

t.test('a configured national ID pattern is redacted with a default replacement', async (t) => {
  const result = createRedactor({ rules: [codiceFiscale] }).redact('Il mio codice fiscale è RSSMRA85T10A562S.')
  t.equal(result.text, 'Il mio codice fiscale è [codice-fiscale removed].')
  t.same(result.redactions, [{ kind: 'codice-fiscale', start: 24, end: 40 }])
})

t.test('a rule uses its own replacement', async (t) => {
  t.equal(createRedactor({ rules: [snils] }).redact('СНИЛС 112-233-445 95').text, 'СНИЛС [СНИЛС удалён]')
})

t.test('every match of a rule is redacted', async (t) => {
  const result = createRedactor({ rules: [codiceFiscale] }).redact('RSSMRA85T10A562S e VRDLGU80A01H501X')
  t.equal(result.redactions.length, 2)
})

t.test('an invalid regular expression is refused with the rule name', async (t) => {
  t.throws(() => createRedactor({ rules: [{ name: 'dni', pattern: '\\d{8}[A-Z' }] }), {
    code: 'FD_ERR_CONFIG_INVALID',
    message: /redaction rule "dni" has an invalid pattern/,
  })
})

t.test('the syntax error of a bad pattern is kept as the cause', async (t) => {
  try {
    createRedactor({ rules: [{ name: 'dni', pattern: '(' }] })
    t.fail('should throw')
  } catch (error) {
    t.ok(error instanceof FrontdeskError)
    t.ok((error as Error).cause instanceof SyntaxError)
  }
})

t.test('a pattern that matches empty text is refused', async (t) => {
  t.throws(() => createRedactor({ rules: [{ name: 'digits', pattern: '\\d*' }] }), {
    message: /"digits" pattern "\\\\d\*" matches empty text/,
  })
})

t.test('a pattern with a nested unbounded repeat is refused as catastrophic', async (t) => {
  t.throws(() => createRedactor({ rules: [{ name: 'evil', pattern: '^(\\d+)+$' }] }), {
    code: 'FD_ERR_CONFIG_INVALID',
    message: /"evil".*exponential time/,
  })
})

t.test('a rule without a name is refused', async (t) => {
  t.throws(() => createRedactor({ rules: [{ name: ' ', pattern: 'x' }] }), { message: /rule #1 has no name/ })
})

t.test('an empty pattern is refused', async (t) => {
  t.throws(() => createRedactor({ rules: [{ name: 'nothing', pattern: '' }] }), {
    message: /"nothing" has an empty pattern/,
  })
})

t.test('two rules with the same name are refused', async (t) => {
  t.throws(() => createRedactor({ rules: [codiceFiscale, codiceFiscale] }), {
    message: /"codice-fiscale" is defined twice/,
  })
})

t.test('a chunk size below the minimum is refused', async (t) => {
  t.throws(() => createRedactor({ ruleChunkSize: 10 }), { code: 'FD_ERR_CONFIG_INVALID', message: /ruleChunkSize/ })
})

t.test('nested repeats are recognised through groups, classes and escapes', async (t) => {
  t.ok(hasNestedRepeat('(a+)+'))
  t.ok(hasNestedRepeat('(?:\\w*\\s?){2,}'))
  t.ok(hasNestedRepeat('((ab)*c)*'))
  t.ok(hasNestedRepeat('(x+){2,5}?'))
})

t.test('bounded and single repeats are accepted', async (t) => {
  t.notOk(hasNestedRepeat('(\\d{3}-)+'))
  t.notOk(hasNestedRepeat('(a+)?'))
  t.notOk(hasNestedRepeat('[(+)]+\\(\\d+\\)+'))
  t.notOk(hasNestedRepeat('\\p{L}+(\\d{1,4})'))
})

t.test('chunks cover the text, overlap, and are cut after whitespace', async (t) => {
  const text = 'word '.repeat(100)
  const parts = chunks(text, 64)
  t.equal(parts[0]?.[0], 0)
  t.equal(parts[parts.length - 1]?.[1], text.length)
  for (let i = 1; i < parts.length; i++) {
    const [[, end], [start]] = [parts[i - 1] ?? [0, 0], parts[i] ?? [0, 0]]
    t.ok(start < end && start > end - 16 - 1, `chunk ${i} overlaps the previous one`)
    t.equal(text[end - 1], ' ', `chunk ${i - 1} ends after a space`)
  }
})

t.test('chunks never split a surrogate pair', async (t) => {
  const text = '😀'.repeat(200)
  for (const [start, end] of chunks(text, 65)) {
    t.notMatch(text.slice(start, end), /^[\udc00-\udfff]|[\ud800-\udbff]$/)
  }
})

t.test('a match beyond the first chunk is found at its place in the original text', async (t) => {
  const text = `${'ciao '.repeat(300)}RSSMRA85T10A562S`
  const result = createRedactor({ rules: [codiceFiscale], ruleChunkSize: 100 }).redact(text)
  t.same(result.redactions, [{ kind: 'codice-fiscale', start: 1500, end: 1516 }])
})

t.test('a match inside the overlap of two chunks is reported once', async (t) => {
  const text = `${'x'.repeat(90)} RSSMRA85T10A562S ${'y'.repeat(90)}`
  const result = createRedactor({ rules: [codiceFiscale], ruleChunkSize: 100 }).redact(text)
  t.equal(result.redactions.length, 1)
})

t.test('a quadratic rule on a long run of digits finishes because it runs on chunks', async (t) => {
  const redactor = createRedactor({ rules: [{ name: 'slow', pattern: '\\d+x' }], ruleChunkSize: 256 })
  t.same(redactor.redact('1'.repeat(100_000)).redactions, [])
})
