import t from 'tap'
import { parseHours } from '../../../src/core/hours/index.js'
import { normalizeHours } from '../../../src/core/hours/parse-config.js'
import type { HoursConfig } from '../../../src/core/hours/types.js'

const weekly = { mon: ['09:00-13:00', '14:00-18:00'], sat: ['10:00-14:00'] }
const config = (extra: Partial<HoursConfig> = {}): HoursConfig => ({ timeZone: 'Europe/Rome', weekly, ...extra })
const refused = (t: Pick<typeof import('tap').default, 'throws'>, bad: unknown, message: RegExp) =>
  t.throws(() => parseHours(bad as HoursConfig), { code: 'FD_ERR_CONFIG_INVALID', message })

t.test('valid hours become sorted minute ranges per weekday', async (t) => {
  const schedule = normalizeHours(config({ weekly: { mon: ['14:00-18:00', '9:00-13:00'] } }))
  t.same(schedule.weekly[1], [
    { start: 540, end: 780 },
    { start: 840, end: 1080 },
  ])
  t.same(schedule.weekly[0], [])
})

t.test('24:00 is accepted as the end of a range', async (t) => {
  t.same(normalizeHours(config({ weekly: { fri: ['20:00-24:00'] } })).weekly[5], [{ start: 1200, end: 1440 }])
})

t.test('an unknown time zone is refused with its name', async (t) => {
  refused(t, config({ timeZone: 'Europe/Roma' }), /hours\.timeZone: "Europe\/Roma" is not an IANA time zone/)
})

t.test('a missing time zone is refused', async (t) => {
  refused(t, { weekly }, /hours\.timeZone: undefined/)
})

t.test('an hour past 23 is refused with the field and value', async (t) => {
  refused(
    t,
    config({ weekly: { tue: ['09:00-25:00'] } }),
    /hours\.weekly\.tue\[0\]: "09:00-25:00" has a time that does not exist/
  )
})

t.test('minutes past 59 are refused', async (t) => {
  refused(t, config({ weekly: { tue: ['09:60-12:00'] } }), /weekly\.tue\[0\]/)
})

t.test('24:00 as a start is refused', async (t) => {
  refused(t, config({ weekly: { tue: ['24:00-24:00'] } }), /does not exist/)
})

t.test('text that is not a range is refused', async (t) => {
  refused(t, config({ weekly: { wed: ['nine to five'] } }), /weekly\.wed\[0\]: "nine to five" is not a range/)
})

t.test('a reversed range is refused with a hint about midnight', async (t) => {
  refused(
    t,
    config({ weekly: { thu: ['22:00-02:00'] } }),
    /"22:00-02:00" ends before it starts; split a range over midnight/
  )
})

t.test('an empty range is refused', async (t) => {
  refused(t, config({ weekly: { thu: ['10:00-10:00'] } }), /ends before it starts/)
})

t.test('overlapping ranges are refused, naming both', async (t) => {
  refused(
    t,
    config({ weekly: { fri: ['09:00-13:00', '12:30-18:00'] } }),
    /weekly\.fri: "09:00-13:00" and "12:30-18:00" overlap/
  )
})

t.test('ranges that only touch are accepted', async (t) => {
  t.doesNotThrow(() => parseHours(config({ weekly: { fri: ['09:00-13:00', '13:00-18:00'] } })))
})

t.test('an unknown weekday is refused with the accepted names', async (t) => {
  refused(
    t,
    config({ weekly: { monday: ['09:00-18:00'] } as HoursConfig['weekly'] }),
    /weekly\.monday: unknown day; use sun, mon/
  )
})

t.test('a holiday that is not a calendar date is refused', async (t) => {
  refused(
    t,
    config({ holidays: ['2026-12-25', '2026-02-30'] }),
    /hours\.holidays\[1\]: "2026-02-30" is not a date written YYYY-MM-DD/
  )
})

t.test('an exception with a bad date is refused', async (t) => {
  refused(
    t,
    config({ exceptions: { '24/12/2026': ['09:00-12:00'] } }),
    /hours\.exceptions\.24\/12\/2026: "24\/12\/2026" is not a date/
  )
})

t.test('an exception with a bad range names the date and index', async (t) => {
  refused(t, config({ exceptions: { '2026-12-24': ['09:00-12:00', '11:00-10:00'] } }), /exceptions\.2026-12-24\[1\]/)
})

t.test('a date that is both a holiday and an exception is refused', async (t) => {
  refused(
    t,
    config({ holidays: ['2026-12-24'], exceptions: { '2026-12-24': ['09:00-12:00'] } }),
    /exceptions\.2026-12-24: the date is also a holiday/
  )
})

t.test('ranges that are not a list are refused', async (t) => {
  refused(
    t,
    config({ weekly: { mon: '09:00-18:00' } as unknown as HoursConfig['weekly'] }),
    /weekly\.mon: must be a list/
  )
})

t.test('a range that is not text is refused', async (t) => {
  refused(
    t,
    config({ weekly: { mon: [900] } as unknown as HoursConfig['weekly'] }),
    /weekly\.mon\[0\]: must be text, got 900/
  )
})

t.test('weekly hours that are not an object are refused', async (t) => {
  refused(t, { timeZone: 'Europe/Rome', weekly: [] }, /hours\.weekly: must be an object/)
})
