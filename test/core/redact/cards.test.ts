import t from 'tap'
import { createRedactor } from '../../../src/core/redact/redactor.js'

const redactor = createRedactor()
const redacted = (text: string) => redactor.redact(text).text
const kept = (test: Pick<typeof t, 'equal'>, text: string) => test.equal(redacted(text), text, text)

t.test('a card number grouped with spaces is redacted', async (t) => {
  t.equal(redacted('my card is 4111 1111 1111 1111 thanks'), 'my card is [card number removed] thanks')
})

t.test('a card number grouped with dashes is redacted', async (t) => {
  t.equal(redacted('4111-1111-1111-1111'), '[card number removed]')
})

t.test('an ungrouped American Express number is redacted', async (t) => {
  t.equal(redacted('Amex 378282246310005.'), 'Amex [card number removed].')
})

t.test('an American Express number grouped 4-6-5 is redacted', async (t) => {
  t.equal(redacted('3782 822463 10005'), '[card number removed]')
})

t.test('card numbers of 12 and 19 digits are redacted', async (t) => {
  t.equal(redacted('501800000009'), '[card number removed]')
  t.equal(redacted('6011 0009 9013 9424 124'), '[card number removed]')
})

t.test('a card number followed by its expiry date is redacted without the date', async (t) => {
  t.equal(redacted('4111 1111 1111 1111 12/26 cvv 123'), '[card number removed] 12/26 cvv 123')
})

t.test('a long card number after a shorter number is redacted on its own', async (t) => {
  t.equal(redacted('ref 1234 4111111111111111'), 'ref 1234 [card number removed]')
})

t.test('a card number after a dashed order number is redacted', async (t) => {
  t.equal(redacted('RH-2024-118204 4111 1111 1111 1111'), 'RH-2024-118204 [card number removed]')
})

t.test('full-width digits typed with a Japanese keyboard are read as a card number', async (t) => {
  t.equal(redacted('カード ４１１１ １１１１ １１１１ １１１１ です'), 'カード [card number removed] です')
})

t.test('a number that fails the Luhn check is kept', async (t) => {
  kept(t, 'card 4111 1111 1111 1112')
})

t.test('phone numbers are kept', async (t) => {
  kept(t, 'call +39 347 123 4567 or 0039 347 1234567')
  kept(t, 'Позвоните: 8 (916) 123-45-67')
  kept(t, 'US office +1 (415) 555-0123')
})

t.test('a phone number that happens to pass the Luhn check is kept', async (t) => {
  kept(t, 'ring me on +44 7911 123456')
  kept(t, 'ring me on 0044 7911 123456')
})

t.test('dates and times are kept', async (t) => {
  kept(t, 'ordered on 2026-03-29 at 14:30, delivered 29.03.2026')
  kept(t, 'between 2024-01-01 and 2024-12-31 1234 5678')
})

t.test('an order id with letters is kept', async (t) => {
  kept(t, 'order RH-2024-118204')
  kept(t, 'invoice INV202412345672')
})

t.test('a Luhn-valid order number grouped 3-7-7 is kept', async (t) => {
  kept(t, 'Amazon order 114-1234567-1234563')
})

t.test('tracking numbers are kept', async (t) => {
  kept(t, 'UPS 1Z999AA10123456784')
  kept(t, 'FedEx 7946 7612 4250')
})

t.test('a 22-digit tracking number is kept even though its first 16 digits pass Luhn', async (t) => {
  kept(t, 'USPS 9400 1000 0000 0005 1234 56')
})

t.test('a valid card number inside a longer digit run is kept', async (t) => {
  kept(t, '41111111111111111111')
  kept(t, '94111111111111111')
})

t.test('a card number that is part of a decimal is kept', async (t) => {
  kept(t, 'amount 4111111111111111.50')
})

t.test('a number starting with 0 is not a card number', async (t) => {
  kept(t, '0000 0000 0000 0000')
})

t.test('card numbers are redacted whatever separates their digit groups', async (t) => {
  for (const card of [
    '4111.1111.1111.1111',
    '4111/1111/1111/1111',
    '4111_1111_1111_1111',
    '4111,1111,1111,1111',
    '4111  1111  1111  1111',
    '4111\t1111\t1111\t1111',
    '4111\n1111\n1111\n1111',
    '4111 1111-1111.1111',
    '4111\u00ad1111\u00ad1111\u00ad1111',
    '4111 - 1111 - 1111 - 1111',
    '5555–5555–5555–4444',
  ]) {
    t.equal(redacted(`pay with ${card} please`), 'pay with [card number removed] please', JSON.stringify(card))
  }
})

t.test('card numbers in groups of three are redacted', async (t) => {
  t.equal(redacted('411 111 111 111 1111'), '[card number removed]')
  t.equal(redacted('378 282 246 310 005'), '[card number removed]')
})

t.test('card numbers stuck to letters or after _ or + are redacted', async (t) => {
  t.equal(redacted('card4111111111111111exp 12/26'), 'card[card number removed]exp 12/26')
  t.equal(redacted('card4111.1111.1111.1111'), 'card[card number removed]')
  t.equal(redacted('ref_4111111111111111'), 'ref_[card number removed]')
  t.equal(redacted('+4111 1111 1111 1111'), '+[card number removed]')
})

t.test('card numbers in look-alike digits are redacted', async (t) => {
  for (const card of [
    '𝟒𝟏𝟏𝟏 𝟏𝟏𝟏𝟏 𝟏𝟏𝟏𝟏 𝟏𝟏𝟏𝟏',
    '⁴¹¹¹ ¹¹¹¹ ¹¹¹¹ ¹¹¹¹',
    '④①①① ①①①① ①①①① ①①①①',
    '❹❶❶❶ ❶❶❶❶ ❶❶❶❶ ❶❶❶❶',
    '٤١١١ ١١١١ ١١١١ ١١١١',
    '４１１１．１１１１．１１１１．１１１１',
  ]) {
    t.equal(redacted(`card ${card} thanks`), 'card [card number removed] thanks', card)
  }
})

t.test('loosely written numbers that no card scheme issues are kept', async (t) => {
  kept(t, 'order 1234.5678.9012.3452')
  kept(t, 'tracking 7946_7612_4250_1')
  kept(t, 'call +44 7911 123456 or +39 06 1234 5678')
})

t.test('an amount with cents after a loose card-like number is kept', async (t) => {
  kept(t, 'paid 4111111111111111,50 EUR')
})

t.test('prices in a list are not a card number', async (t) => {
  kept(t, 'charged 45.00, 12.50, 30.00, 99.99')
})
