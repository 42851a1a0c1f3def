import t from 'tap'
import { ibanValid } from '../../../src/core/redact/iban.js'
import { createRedactor } from '../../../src/core/redact/redactor.js'

const redact = (text: string) => createRedactor().redact(text)

t.test('registry example IBANs are valid with or without spaces', async (t) => {
  for (const iban of [
    'DE89 3704 0044 0532 0130 00',
    'GB29NWBK60161331926819',
    'IT60 X054 2811 1010 0000 0123 456',
    'FR14 2004 1010 0505 0001 3M02 606',
    'NO93 8601 1117 947',
    'ES91 2100 0418 4502 0005 1332',
  ]) {
    t.ok(ibanValid(iban), iban)
  }
})

t.test('an IBAN in lower case is valid', async (t) => {
  t.ok(ibanValid('de89 3704 0044 0532 0130 00'))
})

t.test('an IBAN with wrong check digits is invalid', async (t) => {
  t.notOk(ibanValid('DE88 3704 0044 0532 0130 00'))
})

t.test('an IBAN one character short of its country length is invalid', async (t) => {
  t.notOk(ibanValid('DE89 3704 0044 0532 0130 0'))
})

t.test('an IBAN from a country without IBANs is invalid', async (t) => {
  t.notOk(ibanValid('US89 3704 0044 0532 0130 00'))
})

t.test('letters that only upper-case to ASCII do not make an IBAN', async (t) => {
  t.notOk(ibanValid('ıt60x0542811101000000123456'))
})

t.test('a spaced IBAN in a sentence is redacted as one span', async (t) => {
  const text = 'Bonifico su IT60 X054 2811 1010 0000 0123 456, grazie'
  const result = redact(text)
  t.equal(result.text, 'Bonifico su [IBAN removed], grazie')
  t.same(result.redactions, [{ kind: 'iban', start: 12, end: 45 }])
})

t.test('a compact lower-case IBAN is redacted', async (t) => {
  t.equal(redact('meine iban: de89370400440532013000').text, 'meine iban: [IBAN removed]')
})

t.test('an IBAN that runs on into more digits is not redacted', async (t) => {
  t.equal(redact('DE8937040044053201300012').redactions.length, 0)
  t.equal(redact('DE89 3704 0044 0532 0130 0012').redactions.length, 0)
})

t.test('an IBAN inside a word is redacted', async (t) => {
  t.equal(redact('XDE89370400440532013000').text, 'X[IBAN removed]')
  t.equal(redact('DE89370400440532013000X').text, '[IBAN removed]X')
  t.equal(redact('myibanDE89370400440532013000please').text, 'myiban[IBAN removed]please')
})

t.test('an IBAN after a digit is not redacted: it is part of a longer code', async (t) => {
  t.equal(redact('7DE89370400440532013000').redactions.length, 0)
})

t.test('IBANs grouped with dashes, dots, double spaces or mixed separators are redacted', async (t) => {
  for (const text of [
    'DE89-3704-0044-0532-0130-00',
    'DE89.3704.0044.0532.0130.00',
    'DE89  3704  0044  0532  0130  00',
    'DE89 3704-0044.0532_0130\t00',
    'GB29 NWBK\n6016 1331 9268 19',
  ]) {
    t.equal(redact(`iban: ${text} ok`).text, 'iban: [IBAN removed] ok', JSON.stringify(text))
  }
})

t.test('a full-width IBAN is redacted', async (t) => {
  const text = 'ＩＢＡＮ：ＤＥ８９ ３７０４ ００４４ ０５３２ ０１３０ ００'
  t.equal(redact(text).text, 'ＩＢＡＮ：[IBAN removed]')
})

t.test('an IBAN in mathematical bold letters and digits is redacted', async (t) => {
  t.equal(redact('𝐃𝐄𝟖𝟗𝟑𝟕𝟎𝟒𝟎𝟎𝟒𝟒𝟎𝟓𝟑𝟐𝟎𝟏𝟑𝟎𝟎𝟎').text, '[IBAN removed]')
})

t.test('a word that looks like an IBAN but fails mod 97 is kept', async (t) => {
  t.equal(redact('Ticket DE12 3456 7890 1234 5678 90 is open').redactions.length, 0)
})
