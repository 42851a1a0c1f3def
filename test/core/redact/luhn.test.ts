import t from 'tap'
import { luhnValid } from '../../../src/core/redact/luhn.js'

t.test('published test card numbers pass the Luhn check', async (t) => {
  for (const number of [
    '4111111111111111',
    '5555555555554444',
    '378282246310005',
    '30569309025904',
    '6011111111111117',
    '3530111333300000',
  ]) {
    t.ok(luhnValid(number), number)
  }
})

t.test('a card number with one digit changed fails the Luhn check', async (t) => {
  t.notOk(luhnValid('4111111111111112'))
})

t.test('two digits swapped fail the Luhn check', async (t) => {
  t.notOk(luhnValid('4111111111111141'))
})

t.test('anything but ASCII digits fails the Luhn check', async (t) => {
  t.notOk(luhnValid('4111 1111 1111 1111'))
  t.notOk(luhnValid('４１１１１１１１１１１１１１１１'))
})

t.test('fewer than two digits is not a number with a check digit', async (t) => {
  t.notOk(luhnValid(''))
  t.notOk(luhnValid('0'))
})
