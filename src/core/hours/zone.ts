/**
 * Wall-clock arithmetic in an IANA time zone, on top of Intl.DateTimeFormat only.
 *
 * Dates are handled as *day numbers* (days since 1970-01-01 on the zone's wall calendar) and
 * *minutes* since that day's midnight, so comparing and stepping days needs no Date objects.
 * Reading the zone's offset costs an Intl call (about 15 µs), so offsets are cached per
 * quarter hour of UTC: every offset change in the tz database since the 1970s happens on a
 * quarter-hour boundary, which makes the cache exact for any date we handle.
 */

export const MINUTE_MS = 60_000
export const DAY_MS = 86_400_000
const QUARTER_MS = 15 * MINUTE_MS
const OFFSET_CACHE_LIMIT = 4096
const CLOCK_CACHE_LIMIT = 64

/** How to read a wall time that the zone shows twice (when clocks go back). */
export type Occurrence = 'earliest' | 'latest'

export interface ZoneClock {
  readonly timeZone: string
  /** The zone's offset from UTC at an instant, in ms (east positive). */
  offsetAt: (ms: number) => number
  /** The wall-calendar day of an instant. */
  dayOf: (ms: number) => number
  /** Minutes since wall-clock midnight of an instant (0–1439). */
  minuteOf: (ms: number) => number
  /**
   * The instant the wall clock shows `minute` on `day`. A time shown twice gives its earliest
   * or latest occurrence; a time skipped when clocks go forward gives the instant of the jump,
   * the first moment the clock shows that time or later.
   */
  instantOf: (day: number, minute: number, occurrence: Occurrence) => number
}

const formatters = new Map<string, Intl.DateTimeFormat>()
const clocks = new Map<string, ZoneClock>()

/** Throws RangeError for a zone name that Intl does not know. */
function zoneFormatter (timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** True when Intl knows the zone name. */
export function isTimeZone (timeZone: string): boolean {
  try {
    zoneFormatter(timeZone)
    return true
  } catch {
    return false
  }
}

/** The wall-clock helper of a zone, shared by every caller; throws RangeError for an unknown zone. */
export function zoneClock (timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone)
  if (clock === undefined) {
    if (clocks.size >= CLOCK_CACHE_LIMIT) clocks.clear()
    clock = createZoneClock(timeZone)
    clocks.set(timeZone, clock)
  }
  return clock
}

function createZoneClock (timeZone: string): ZoneClock {
  const formatter = zoneFormatter(timeZone)
  const offsets = new Map<number, number>()
  const offsetAt = (ms: number): number => {
    const quarter = Math.floor(ms / QUARTER_MS)
    let offset = offsets.get(quarter)
    if (offset === undefined) {
      if (offsets.size >= OFFSET_CACHE_LIMIT) offsets.clear()
      offset = readOffset(formatter, quarter * QUARTER_MS)
      offsets.set(quarter, offset)
    }
    return offset
  }
  const dayOf = (ms: number): number => Math.floor((ms + offsetAt(ms)) / DAY_MS)
  const minuteOf = (ms: number): number => Math.floor((ms + offsetAt(ms) - dayOf(ms) * DAY_MS) / MINUTE_MS)
  const instantOf = (day: number, minute: number, occurrence: Occurrence): number =>
    wallToInstant(offsetAt, day * DAY_MS + minute * MINUTE_MS, occurrence)
  return { timeZone, offsetAt, dayOf, minuteOf, instantOf }
}

function readOffset (formatter: Intl.DateTimeFormat, ms: number): number {
  const parts: Record<string, number> = {}
  for (const part of formatter.formatToParts(ms)) parts[part.type] = Number(part.value)
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    (parts.hour ?? 0) % 24,
    parts.minute ?? 0,
    parts.second ?? 0
  )
  return wall - ms
}

/**
 * Solves `t + offset(t) = wall`. Offsets a day either side bound the answer: with one offset
 * the answer is unique; with two, the wall time exists twice (clocks went back) or never
 * (clocks went forward, and the jump itself is found on the quarter-hour grid).
 */
function wallToInstant (offsetAt: (ms: number) => number, wall: number, occurrence: Occurrence): number {
  const before = offsetAt(wall - DAY_MS)
  const after = offsetAt(wall + DAY_MS)
  if (before === after) return wall - before
  const early = wall - Math.max(before, after)
  const late = wall - Math.min(before, after)
  const earlyOk = early + offsetAt(early) === wall
  const lateOk = late + offsetAt(late) === wall
  if (earlyOk && lateOk) return occurrence === 'earliest' ? early : late
  if (earlyOk) return early
  if (lateOk) return late
  let jump = Math.ceil(early / QUARTER_MS) * QUARTER_MS
  while (jump < late && offsetAt(jump) === offsetAt(early)) jump += QUARTER_MS
  return jump
}
