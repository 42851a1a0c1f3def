import t from 'tap'
import { csvCell, MaxRangeDays, parseDay, reportRange, toCsv } from '../../../src/core/analytics/index.js'

const now = Date.parse('2026-03-15T10:00:00Z')

t.test('CSV quotes cells with commas, quotes and line breaks, and ends lines with CRLF', async (t) => {
  t.equal(
    toCsv(
      ['entry', 'answers'],
      [
        ['Returns, refunds', 3],
        ['The "best" one', 1],
        ['two\nlines', null],
      ]
    ),
    'entry,answers\r\n"Returns, refunds",3\r\n"The ""best"" one",1\r\n"two\nlines",\r\n'
  )
})

t.test('CSV cells that look like formulas are shown as text', async (t) => {
  t.equal(csvCell('=HYPERLINK("http://evil","x")'), '"\'=HYPERLINK(""http://evil"",""x"")"')
  t.equal(csvCell('+1 555'), "'+1 555")
  t.equal(csvCell('-2'), "'-2")
  t.equal(csvCell('@SUM(A1)'), "'@SUM(A1)")
  t.equal(csvCell('\tcmd'), "'\tcmd")
  t.equal(csvCell(-2), '-2', 'numbers are numbers')
  t.equal(csvCell('Delivery'), 'Delivery')
})

t.test('dates must be real calendar dates', async (t) => {
  t.equal(parseDay('2026-02-28'), Date.UTC(2026, 1, 28) / 86_400_000)
  t.equal(parseDay('2026-02-30'), undefined)
  t.equal(parseDay('2026-2-3'), undefined)
  t.equal(parseDay('yesterday'), undefined)
})

t.test('a range covers whole days of the time zone, from midnight to midnight', async (t) => {
  const r = reportRange({ from: '2026-03-01', to: '2026-03-02' }, 'Europe/Rome', now)
  if (!r.ok) throw new Error(r.message)
  t.equal(new Date(r.range.from).toISOString(), '2026-02-28T23:00:00.000Z')
  t.equal(new Date(r.range.to).toISOString(), '2026-03-02T23:00:00.000Z')
})

t.test('without dates a range is the 30 days up to today', async (t) => {
  const r = reportRange({}, 'UTC', now)
  if (!r.ok) throw new Error(r.message)
  t.equal(r.range.lastDay - r.range.firstDay + 1, 30)
  t.equal(new Date(r.range.to).toISOString(), '2026-03-16T00:00:00.000Z')
})

t.test('bad ranges are refused with a message that says what is wrong', async (t) => {
  t.match(reportRange({ from: '2026-03-05', to: '2026-03-01' }, 'UTC', now), { ok: false, message: /before/ })
  t.match(reportRange({ from: '2025-01-01', to: '2026-03-01' }, 'UTC', now), {
    ok: false,
    message: new RegExp(`at most ${MaxRangeDays} days`),
  })
  t.match(reportRange({ from: 'soon' }, 'UTC', now), { ok: false, message: /from: "soon"/ })
  t.match(reportRange({ to: '2026-13-01' }, 'UTC', now), { ok: false, message: /^to:/ })
  t.ok(reportRange({ from: '2024-01-01', to: '2024-12-31' }, 'UTC', now).ok, 'a leap year fits')
})
