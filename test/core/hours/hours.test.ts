import t from 'tap'
import { parseHours, type HoursConfig } from '../../../src/core/hours/index.js'

// Rome is UTC+2 in April and UTC+1 in December 2026; 2026-04-06 is Easter Monday.
const rome: HoursConfig = {
  timeZone: 'Europe/Rome',
  weekly: {
    mon: ['09:00-13:00', '14:00-18:00'],
    tue: ['09:00-13:00', '14:00-18:00'],
    wed: ['09:00-13:00', '14:00-18:00'],
    thu: ['09:00-13:00', '14:00-18:00'],
    fri: ['09:00-13:00', '14:00-18:00'],
    sat: ['10:00-14:00'],
  },
  holidays: ['2026-04-06'],
  exceptions: { '2026-12-24': ['09:00-12:00'] },
}
const hours = parseHours(rome)
const at = (iso: string) => new Date(iso)
const iso = (date: Date | undefined) => date?.toISOString()

t.test('it is open inside a morning range', async (t) => {
  t.ok(hours.isOpen(at('2026-04-08T08:00:00Z')))
})

t.test('it is closed over the lunch break', async (t) => {
  t.notOk(hours.isOpen(at('2026-04-08T11:30:00Z')))
})

t.test('a range includes its start and excludes its end', async (t) => {
  t.notOk(hours.isOpen(at('2026-04-08T06:59:59.999Z')))
  t.ok(hours.isOpen(at('2026-04-08T07:00:00Z')))
  t.ok(hours.isOpen(at('2026-04-08T15:59:59.999Z')))
  t.notOk(hours.isOpen(at('2026-04-08T16:00:00Z')))
})

t.test('a day without ranges is closed', async (t) => {
  t.notOk(hours.isOpen(at('2026-04-12T09:00:00Z')))
})

t.test('a holiday is closed all day', async (t) => {
  t.notOk(hours.isOpen(at('2026-04-06T08:00:00Z')))
})

t.test('an exception replaces the weekly ranges of its day', async (t) => {
  t.ok(hours.isOpen(at('2026-12-24T09:00:00Z')))
  t.notOk(hours.isOpen(at('2026-12-24T14:00:00Z')))
})

t.test('nextOpen is the instant itself when open', async (t) => {
  t.equal(iso(hours.nextOpen(at('2026-04-08T08:00:00Z'))), '2026-04-08T08:00:00.000Z')
})

t.test('nextOpen over lunch is the afternoon opening', async (t) => {
  t.equal(iso(hours.nextOpen(at('2026-04-08T11:30:00Z'))), '2026-04-08T12:00:00.000Z')
})

t.test('nextOpen on Friday evening is Saturday morning', async (t) => {
  t.equal(iso(hours.nextOpen(at('2026-04-10T17:00:00Z'))), '2026-04-11T08:00:00.000Z')
})

t.test('nextOpen skips a holiday', async (t) => {
  t.equal(iso(hours.nextOpen(at('2026-04-04T13:00:00Z'))), '2026-04-07T07:00:00.000Z')
})

t.test('nextClose while open is the end of the current range', async (t) => {
  t.equal(iso(hours.nextClose(at('2026-04-08T08:00:00Z'))), '2026-04-08T11:00:00.000Z')
})

t.test('nextClose is the instant itself when closed', async (t) => {
  t.equal(iso(hours.nextClose(at('2026-04-08T11:30:00Z'))), '2026-04-08T11:30:00.000Z')
})

t.test('nextClose treats ranges that touch as one opening', async (t) => {
  const continuous = parseHours({ timeZone: 'Europe/Rome', weekly: { fri: ['09:00-13:00', '13:00-18:00'] } })
  t.equal(iso(continuous.nextClose(at('2026-04-10T08:00:00Z'))), '2026-04-10T16:00:00.000Z')
})

t.test('nextClose follows an opening across midnight', async (t) => {
  const late = parseHours({ timeZone: 'Europe/Rome', weekly: { fri: ['20:00-24:00'], sat: ['00:00-02:00'] } })
  t.equal(iso(late.nextClose(at('2026-04-10T19:00:00Z'))), '2026-04-11T00:00:00.000Z')
})

t.test('a range ending at 24:00 is open until midnight', async (t) => {
  const late = parseHours({ timeZone: 'Europe/Rome', weekly: { fri: ['20:00-24:00'] } })
  t.ok(late.isOpen(at('2026-04-10T21:59:59.999Z')))
  t.notOk(late.isOpen(at('2026-04-10T22:00:00Z')))
})

t.test('hours that never open have no next opening', async (t) => {
  const never = parseHours({ timeZone: 'Europe/Rome', weekly: {} })
  t.notOk(never.isOpen(at('2026-04-08T08:00:00Z')))
  t.equal(never.nextOpen(at('2026-04-08T08:00:00Z')), undefined)
  t.equal(iso(never.nextClose(at('2026-04-08T08:00:00Z'))), '2026-04-08T08:00:00.000Z')
})

t.test('hours open around the clock have no next closing', async (t) => {
  const day = ['00:00-24:00']
  const always = parseHours({
    timeZone: 'Europe/Rome',
    weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
  })
  t.equal(always.nextClose(at('2026-04-08T08:00:00Z')), undefined)
})

t.test('an opening within the year ahead is found', async (t) => {
  const rare = parseHours({ timeZone: 'Europe/Rome', weekly: {}, exceptions: { '2027-02-01': ['10:00-11:00'] } })
  t.equal(iso(rare.nextOpen(at('2026-04-08T08:00:00Z'))), '2027-02-01T09:00:00.000Z')
})

t.test('an opening more than a year ahead is not searched for', async (t) => {
  const rare = parseHours({ timeZone: 'Europe/Rome', weekly: {}, exceptions: { '2027-06-01': ['10:00-11:00'] } })
  t.equal(rare.nextOpen(at('2026-04-08T08:00:00Z')), undefined)
})

t.test('an invalid Date is refused', async (t) => {
  t.throws(() => hours.isOpen(new Date(Number.NaN)), RangeError)
})
