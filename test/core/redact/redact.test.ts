import t from 'tap'
import { createRedactor, ibanValid, luhnValid } from '../../../src/core/redact/index.js'

const redactor = createRedactor()

t.test('text without card numbers or IBANs comes back unchanged', async (t) => {
  const text = 'Hello! Where is my order RH-2024-118204? Ordered 29/03/2026, tel. +39 06 1234 5678'
  t.same(redactor.redact(text), { text, redactions: [] })
})

t.test('empty text is redacted to empty text', async (t) => {
  t.same(redactor.redact(''), { text: '', redactions: [] })
})

t.test('redaction positions point into the original text', async (t) => {
  const text = '👋 Карта 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00 — merci'
  const result = redactor.redact(text)
  t.same(
    result.redactions.map((r) => [r.kind, text.slice(r.start, r.end)]),
    [
      ['card', '4111 1111 1111 1111'],
      ['iban', 'DE89 3704 0044 0532 0130 00'],
    ]
  )
  t.equal(result.text, '👋 Карта [card number removed], IBAN [IBAN removed] — merci')
})

t.test('card numbers are found in Cyrillic and accented text', async (t) => {
  t.equal(redactor.redact('Номер карты:4111111111111111, спасибо').text, 'Номер карты:[card number removed], спасибо')
  t.equal(redactor.redact('Número de tarjeta: 5555-5555-5555-4444.').text, 'Número de tarjeta: [card number removed].')
})

t.test('a card number stuck to a letter is redacted', async (t) => {
  t.equal(redactor.redact('é4111111111111111').text, 'é[card number removed]')
})

t.test('personal() reports what redact removes and the e-mail addresses and long numbers it keeps', async (t) => {
  const text = 'card 4111.1111.1111.1111, order 1234 5678, mail ana@example.com.'
  t.same(
    redactor.personal(text).map((r) => [r.kind, text.slice(r.start, r.end)]),
    [
      ['card', '4111.1111.1111.1111'],
      ['number', '4111.1111.1111.1111'],
      ['number', '1234 5678'],
      ['email', 'ana@example.com'],
    ]
  )
  t.same(redactor.personal('where is my parcel? order 12345'), [], 'five digits are not personal')
})

t.test('personal() finds numbers however their groups are separated', async (t) => {
  for (const text of ['12.34.56', '123/456', '12_34_56', '１２３４５６', '12\u00ad34\u00ad56']) {
    t.same(redactor.personal(text).map((r) => r.kind), ['number'], JSON.stringify(text))
  }
})

t.test('NUL characters and emoji around a card number are kept', async (t) => {
  t.equal(redactor.redact('\u00004111 1111 1111 1111\u0000🎉').text, '\u0000[card number removed]\u0000🎉')
})

t.test('a lone surrogate next to a card number does not break the scan', async (t) => {
  t.equal(redactor.redact('\udc004111111111111111\ud800').text, '\udc00[card number removed]\ud800')
})

t.test('replacements can be configured', async (t) => {
  const custom = createRedactor({ cardReplacement: '[tarjeta eliminada]', ibanReplacement: '[IBAN eliminado]' })
  t.equal(
    custom.redact('4111 1111 1111 1111 / ES91 2100 0418 4502 0005 1332').text,
    '[tarjeta eliminada] / [IBAN eliminado]'
  )
})

t.test('digits inside an IBAN are not also reported as a card number', async (t) => {
  const result = redactor.redact('GB29 NWBK 6016 1331 9268 19')
  t.same(
    result.redactions.map((r) => r.kind),
    ['iban']
  )
})

t.test('of two overlapping matches the one that starts first is kept', async (t) => {
  const rules = [{ name: 'account', pattern: 'acct 4111[\\d ]+' }]
  const result = createRedactor({ rules }).redact('acct 4111 1111 1111 1111')
  t.same(result.redactions, [{ kind: 'account', start: 0, end: 24 }])
})

t.test('the validators are exported with the redactor', async (t) => {
  t.ok(luhnValid('4111111111111111'))
  t.ok(ibanValid('NO93 8601 1117 947'))
})

t.test('pathological runs of digits and separators are scanned without finding anything', async (t) => {
  const size = 100_000
  for (const unit of ['1-', '1 ', '1', '4111 ', '1 -', '12/', 'DE89 ', '1\u00a0']) {
    const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
    t.same(redactor.redact(text).redactions, [], JSON.stringify(unit))
  }
})

t.test('a long text full of card numbers redacts every one', async (t) => {
  const text = 'pay 4111 1111 1111 1111 now; '.repeat(3000)
  const result = redactor.redact(text)
  t.equal(result.redactions.length, 3000)
  t.notMatch(result.text, /4111/)
})
