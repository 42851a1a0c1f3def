import { DAY_MS, zoneClock } from '../hours/zone.js'

/** The longest report, in days: a year, leap day included. */
export const MaxRangeDays = 366

/** A report's days on the wall calendar of a time zone, and the instants they cover. */
export interface ReportRange {
  /** Day numbers (days since 1970-01-01 on the zone's calendar), both included. */
  firstDay: number
  lastDay: number
  /** [from, to) in ms: from the first day's midnight to the midnight after the last day. */
  from: number
  to: number
  dayOf: (ms: number) => number
}

export type RangeResult = { ok: true; range: ReportRange } | { ok: false; message: string }

const IsoDate = /^(\d{4})-(\d{2})-(\d{2})$/

/** The day number of `YYYY-MM-DD`, or undefined for anything else (2026-02-30 included). */
export function parseDay (text: string): number | undefined {
  const match = IsoDate.exec(text)
  if (match === null) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const ms = Date.UTC(year, month - 1, day)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined
  return ms / DAY_MS
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay (day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/**
 * The range of a report from its `from` and `to` days (both included, `YYYY-MM-DD` in
 * `timeZone`); without them, the 30 days up to today. Bad dates, `to` before `from` and
 * ranges over {@link MaxRangeDays} are refused with a message that says what to fix.
 */
export function reportRange (query: { from?: string; to?: string }, timeZone: string, now: number): RangeResult {
  const zone = zoneClock(timeZone)
  const today = zone.dayOf(now)
  const lastDay = query.to === undefined ? today : parseDay(query.to)
  if (lastDay === undefined) return { ok: false, message: `to: "${query.to}" is not a date (YYYY-MM-DD)` }
  const firstDay = query.from === undefined ? lastDay - 29 : parseDay(query.from)
  if (firstDay === undefined) return { ok: false, message: `from: "${query.from}" is not a date (YYYY-MM-DD)` }
  if (lastDay < firstDay) {
    return { ok: false, message: `to (${formatDay(lastDay)}) is before from (${formatDay(firstDay)})` }
  }
  if (lastDay - firstDay + 1 > MaxRangeDays) {
    return {
      ok: false,
      message: `at most ${MaxRangeDays} days at once; ${formatDay(firstDay)} to ${formatDay(lastDay)} is ${lastDay - firstDay + 1}`,
    }
  }
  return {
    ok: true,
    range: {
      firstDay,
      lastDay,
      from: zone.instantOf(firstDay, 0, 'earliest'),
      to: zone.instantOf(lastDay + 1, 0, 'earliest'),
      dayOf: zone.dayOf,
    },
  }
}
