import t from 'tap'
import { alwaysOpen, availabilityFrom, formatWait } from '../../src/services/availability.js'
import { Hours, SundayEvening, TuesdayMorning } from './fixtures.js'

t.test('a wait is told in whole minutes, rounded up, in the visitor\'s language', async (t) => {
  t.equal(formatWait(61, 'en'), '2 minutes')
  t.equal(formatWait(0, 'en'), '1 minute', 'never "0 minutes"')
  t.equal(formatWait(240, 'it'), '4 minuti')
  t.equal(formatWait(300, 'ru'), '5 минут')
  t.equal(formatWait(120, 'es'), '2 minutos')
})

t.test('a wait in a language Intl does not know falls back to English', async (t) => {
  t.equal(formatWait(60, 'not a locale'), '1 minute')
})

t.test('without business hours the chat is always open and never promises a time', async (t) => {
  t.equal(availabilityFrom(undefined), alwaysOpen)
  t.equal(alwaysOpen.isOpen(SundayEvening), true)
  t.equal(alwaysOpen.backAt(SundayEvening, 'en'), undefined)
  t.equal(alwaysOpen.summary('en'), '')
})

t.test('business hours are open on a weekday morning and closed on a Sunday evening', async (t) => {
  const hours = availabilityFrom(Hours)
  t.equal(hours.isOpen(TuesdayMorning), true)
  t.equal(hours.isOpen(SundayEvening), false)
})

t.test('outside hours the next opening is given as an instant and in words', async (t) => {
  const hours = availabilityFrom(Hours)
  const back = hours.backAt(SundayEvening, 'en')
  t.equal(back?.at, Date.parse('2026-03-09T08:00:00Z'))
  t.match(back?.text, /^tomorrow at 09:00/)
  t.match(hours.backAt(SundayEvening, 'ru')?.text, /^завтра/)
  t.equal(hours.backAt(TuesdayMorning, 'en'), undefined, 'nothing while open')
})

t.test('the opening hours read as a sentence per language', async (t) => {
  const hours = availabilityFrom(Hours)
  t.match(hours.summary('en'), /Monday/)
  t.match(hours.summary('it'), /lunedì/i)
})

t.test('bad business hours fail when the availability is built, not when it is used', async (t) => {
  t.throws(() => availabilityFrom({ ...Hours, timeZone: 'Mars/Olympus' }), { code: 'FD_ERR_CONFIG_INVALID' })
})
