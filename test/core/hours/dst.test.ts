import t from 'tap'
import { parseHours, type HoursConfig } from '../../../src/core/hours/index.js'

// Rome: clocks go forward 2026-03-29 02:00 → 03:00 (01:00Z) and back 2026-10-25 03:00 → 02:00 (01:00Z).
// New York: forward 2026-03-08 02:00 → 03:00 (07:00Z), back 2026-11-01 02:00 → 01:00 (06:00Z).
const week = ['09:00-17:00']
const office = (timeZone: string, extra: Partial<HoursConfig> = {}) =>
  parseHours({
    timeZone,
    weekly: { mon: week, tue: week, wed: week, thu: week, fri: week, sun: ['10:00-14:00'] },
    ...extra,
  })
const at = (iso: string) => new Date(iso)
const iso = (date: Date | undefined) => date?.toISOString()

t.test('on the Rome spring-forward Sunday a range opens at its summer-time instant', async (t) => {
  t.equal(iso(office('Europe/Rome').nextOpen(at('2026-03-28T20:00:00Z'))), '2026-03-29T08:00:00.000Z')
})

t.test('in Rome 09:00 is an hour earlier in UTC after the spring change', async (t) => {
  const rome = office('Europe/Rome')
  t.equal(iso(rome.nextOpen(at('2026-03-27T00:00:00Z'))), '2026-03-27T08:00:00.000Z')
  t.equal(iso(rome.nextOpen(at('2026-03-30T00:00:00Z'))), '2026-03-30T07:00:00.000Z')
})

t.test('a range across the skipped hour lasts an hour less', async (t) => {
  const rome = office('Europe/Rome', { exceptions: { '2026-03-29': ['01:00-04:00'] } })
  t.equal(iso(rome.nextOpen(at('2026-03-28T23:30:00Z'))), '2026-03-29T00:00:00.000Z')
  t.equal(iso(rome.nextClose(at('2026-03-29T00:30:00Z'))), '2026-03-29T02:00:00.000Z')
})

t.test('the instant after the jump is open in a range across the skipped hour', async (t) => {
  const rome = office('Europe/Rome', { exceptions: { '2026-03-29': ['01:00-04:00'] } })
  t.ok(rome.isOpen(at('2026-03-29T01:00:00Z')))
})

t.test('a range inside the skipped hour never opens', async (t) => {
  const rome = office('Europe/Rome', { exceptions: { '2026-03-29': ['02:00-02:30'] } })
  t.equal(iso(rome.nextOpen(at('2026-03-28T23:00:00Z'))), '2026-03-30T07:00:00.000Z')
})

t.test('a range starting inside the skipped hour opens at the jump', async (t) => {
  const rome = office('Europe/Rome', { exceptions: { '2026-03-29': ['02:30-05:00'] } })
  t.equal(iso(rome.nextOpen(at('2026-03-28T23:00:00Z'))), '2026-03-29T01:00:00.000Z')
})

t.test('a range across the repeated hour lasts an hour more', async (t) => {
  const rome = office('Europe/Rome', { exceptions: { '2026-10-25': ['01:00-04:00'] } })
  t.equal(iso(rome.nextOpen(at('2026-10-24T20:00:00Z'))), '2026-10-24T23:00:00.000Z')
  t.equal(iso(rome.nextClose(at('2026-10-24T23:30:00Z'))), '2026-10-25T03:00:00.000Z')
})

t.test('a range inside the repeated hour runs from its first start to its last end', async (t) => {
  const rome = office('Europe/Rome', { exceptions: { '2026-10-25': ['02:00-02:30'] } })
  t.equal(iso(rome.nextOpen(at('2026-10-24T20:00:00Z'))), '2026-10-25T00:00:00.000Z')
  t.equal(iso(rome.nextClose(at('2026-10-25T00:10:00Z'))), '2026-10-25T01:30:00.000Z')
})

t.test('in Rome 09:00 is an hour later in UTC after the autumn change', async (t) => {
  const rome = office('Europe/Rome')
  t.equal(iso(rome.nextOpen(at('2026-10-23T00:00:00Z'))), '2026-10-23T07:00:00.000Z')
  t.equal(iso(rome.nextOpen(at('2026-10-26T00:00:00Z'))), '2026-10-26T08:00:00.000Z')
})

t.test('in New York Monday after the spring change opens at 13:00 UTC instead of 14:00', async (t) => {
  const newYork = office('America/New_York')
  t.equal(iso(newYork.nextOpen(at('2026-03-06T01:00:00Z'))), '2026-03-06T14:00:00.000Z')
  t.equal(iso(newYork.nextOpen(at('2026-03-06T22:30:00Z'))), '2026-03-08T14:00:00.000Z')
  t.equal(iso(newYork.nextOpen(at('2026-03-08T19:00:00Z'))), '2026-03-09T13:00:00.000Z')
})

t.test('a New York range across the skipped hour lasts an hour less', async (t) => {
  const newYork = office('America/New_York', { exceptions: { '2026-03-08': ['01:00-04:00'] } })
  t.equal(iso(newYork.nextClose(at('2026-03-08T06:00:00Z'))), '2026-03-08T08:00:00.000Z')
})

t.test('in New York Monday after the autumn change opens at 14:00 UTC', async (t) => {
  const newYork = office('America/New_York')
  t.equal(iso(newYork.nextClose(at('2026-10-30T13:00:00Z'))), '2026-10-30T21:00:00.000Z')
  t.equal(iso(newYork.nextOpen(at('2026-11-01T20:00:00Z'))), '2026-11-02T14:00:00.000Z')
})

t.test('Tokyo opens on Monday while it is still Sunday in UTC', async (t) => {
  const tokyo = office('Asia/Tokyo')
  t.notOk(tokyo.isOpen(at('2026-04-12T23:30:00Z')))
  t.equal(iso(tokyo.nextOpen(at('2026-04-12T23:30:00Z'))), '2026-04-13T00:00:00.000Z')
  t.ok(tokyo.isOpen(at('2026-04-13T00:00:00Z')))
})

t.test('Tokyo is closed on Saturday while it is still Friday in UTC', async (t) => {
  t.notOk(office('Asia/Tokyo').isOpen(at('2026-04-17T16:00:00Z')))
})

t.test('Tokyo closes at 17:00 local, 08:00 UTC', async (t) => {
  t.equal(iso(office('Asia/Tokyo').nextClose(at('2026-04-17T05:00:00Z'))), '2026-04-17T08:00:00.000Z')
})
