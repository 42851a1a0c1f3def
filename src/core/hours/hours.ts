/**
 * Business hours answered for any instant.
 *
 * A range is read on the zone's wall clock: it opens at the first moment the clock shows its
 * start (or later) and closes at the last moment it shows a time before its end. So when clocks
 * go forward, a range over the skipped hour is that much shorter (01:00–04:00 on the night of
 * the change lasts two hours) and a time inside the gap means the moment of the jump; when
 * clocks go back, a range over the repeated hour is longer, and a start or end inside it takes
 * the first start and the last end, so every moment the clock shows an open time is open.
 *
 * Each day's ranges become instants once and are cached, so isOpen after the first call on a
 * day costs two map look-ups and no allocation.
 */
import { normalizeHours } from './parse-config.js'
import { zoneClock, type ZoneClock } from './zone.js'
import type { Hours, HoursConfig, MinuteRange, Schedule } from './types.js'

/** How far nextOpen and nextClose look ahead, in days. */
const HORIZON_DAYS = 366
const DAY_CACHE_LIMIT = 1024
const END_OF_DAY = 24 * 60

/** Validates hours from config (throws FD_ERR_CONFIG_INVALID naming the field) and answers for them. */
export function parseHours (config: HoursConfig): Hours {
  const schedule = normalizeHours(config)
  const clock = zoneClock(schedule.timeZone)
  const days = new Map<number, readonly number[]>()
  const alwaysClosed =
    schedule.weekly.every((ranges) => ranges.length === 0) &&
    [...schedule.exceptions.values()].every((ranges) => ranges.length === 0)

  /** Opening intervals of a wall-calendar day as instants, flat: [start, end, start, end, …]. */
  const intervals = (day: number): readonly number[] => {
    let found = days.get(day)
    if (found === undefined) {
      if (days.size >= DAY_CACHE_LIMIT) days.clear()
      found = dayIntervals(clock, day, rangesOn(schedule, day))
      days.set(day, found)
    }
    return found
  }

  return {
    isOpen (at) {
      const ms = instant(at)
      const day = clock.dayOf(ms)
      return contains(intervals(day), ms) || contains(intervals(day - 1), ms)
    },
    nextOpen (at) {
      const ms = instant(at)
      if (alwaysClosed) return undefined
      const from = clock.dayOf(ms) - 1
      for (let day = from; day <= from + HORIZON_DAYS; day++) {
        const list = intervals(day)
        for (let i = 0; i < list.length; i += 2) {
          if ((list[i + 1] ?? 0) > ms) return new Date(Math.max(list[i] ?? 0, ms))
        }
      }
      return undefined
    },
    nextClose (at) {
      const ms = instant(at)
      const from = clock.dayOf(ms) - 1
      let end: number | undefined
      for (let day = from; day <= from + HORIZON_DAYS; day++) {
        const list = intervals(day)
        for (let i = 0; i < list.length; i += 2) {
          const [start, stop] = [list[i] ?? 0, list[i + 1] ?? 0]
          if (stop <= ms) continue
          if (start > (end ?? ms)) return new Date(end ?? ms)
          end = Math.max(end ?? ms, stop)
        }
      }
      return end === undefined ? new Date(ms) : undefined
    },
  }
}

function instant (at: Date): number {
  const ms = at instanceof Date ? at.getTime() : NaN
  if (Number.isNaN(ms)) throw new RangeError(`Frontdesk hours: ${String(at)} is not a valid Date`)
  return ms
}

function contains (list: readonly number[], ms: number): boolean {
  for (let i = 0; i < list.length; i += 2) {
    if ((list[i] ?? 0) <= ms && ms < (list[i + 1] ?? 0)) return true
  }
  return false
}

/** The ranges that apply on a day: its exception, else nothing on a holiday, else its weekday's. */
function rangesOn (schedule: Schedule, day: number): readonly MinuteRange[] {
  const exception = schedule.exceptions.get(day)
  if (exception !== undefined) return exception
  if (schedule.holidays.has(day)) return []
  // day 0 (1970-01-01) was a Thursday
  return schedule.weekly[(((day + 4) % 7) + 7) % 7] ?? []
}

function dayIntervals (clock: ZoneClock, day: number, ranges: readonly MinuteRange[]): number[] {
  const out: number[] = []
  for (const range of ranges) {
    const start = clock.instantOf(day, range.start, 'earliest')
    // the day ends at the first moment of the next one, even if midnight is shown twice
    const end =
      range.end === END_OF_DAY ? clock.instantOf(day + 1, 0, 'earliest') : clock.instantOf(day, range.end, 'latest')
    if (end <= start) continue
    const last = out.length - 1
    if (last > 0 && start <= (out[last] ?? 0)) out[last] = Math.max(out[last] ?? 0, end)
    else out.push(start, end)
  }
  return out
}
