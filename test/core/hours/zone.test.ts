import t from 'tap'
import { DAY_MS, isTimeZone, zoneClock } from '../../../src/core/hours/zone.js'

const rome = zoneClock('Europe/Rome')
const dayOf = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS
const iso = (ms: number) => new Date(ms).toISOString()

t.test('the offset of Rome is one hour in winter and two in summer', async (t) => {
  t.equal(rome.offsetAt(Date.parse('2026-01-15T12:00:00Z')), 3_600_000)
  t.equal(rome.offsetAt(Date.parse('2026-07-15T12:00:00Z')), 7_200_000)
})

t.test('the wall day and minute of an instant are read in the zone', async (t) => {
  const ms = Date.parse('2026-04-12T23:30:00Z')
  const tokyo = zoneClock('Asia/Tokyo')
  t.equal(tokyo.dayOf(ms), dayOf('2026-04-13'))
  t.equal(tokyo.minuteOf(ms), 8 * 60 + 30)
})

t.test('a wall time west of UTC is read on the previous UTC day', async (t) => {
  const newYork = zoneClock('America/New_York')
  t.equal(newYork.dayOf(Date.parse('2026-04-13T02:00:00Z')), dayOf('2026-04-12'))
})

t.test('an ordinary wall time has one instant whichever occurrence is asked', async (t) => {
  t.equal(iso(rome.instantOf(dayOf('2026-04-08'), 9 * 60, 'earliest')), '2026-04-08T07:00:00.000Z')
  t.equal(iso(rome.instantOf(dayOf('2026-04-08'), 9 * 60, 'latest')), '2026-04-08T07:00:00.000Z')
})

t.test('a skipped wall time is the instant of the jump', async (t) => {
  t.equal(iso(rome.instantOf(dayOf('2026-03-29'), 2 * 60 + 30, 'earliest')), '2026-03-29T01:00:00.000Z')
})

t.test('a repeated wall time has an earliest and a latest instant', async (t) => {
  t.equal(iso(rome.instantOf(dayOf('2026-10-25'), 2 * 60 + 30, 'earliest')), '2026-10-25T00:30:00.000Z')
  t.equal(iso(rome.instantOf(dayOf('2026-10-25'), 2 * 60 + 30, 'latest')), '2026-10-25T01:30:00.000Z')
})

t.test('a zone with a 45-minute offset converts exactly', async (t) => {
  const kathmandu = zoneClock('Asia/Kathmandu')
  t.equal(iso(kathmandu.instantOf(dayOf('2026-04-08'), 9 * 60, 'earliest')), '2026-04-08T03:15:00.000Z')
})

t.test('the same clock is shared for a zone', async (t) => {
  t.equal(zoneClock('Europe/Rome'), rome)
})

t.test('unknown zone names are recognised', async (t) => {
  t.ok(isTimeZone('America/New_York'))
  t.notOk(isTimeZone('Mars/Olympus_Mons'))
})
