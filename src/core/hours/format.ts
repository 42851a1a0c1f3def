/**
 * Hours in words, for visitors: when someone is back ("tomorrow at 09:00") and the week at a
 * glance ("Monday to Friday 09:00–18:00, Saturday 10:00–14:00").
 */
import { clockTime, normalizeHours } from './parse-config.js'
import { phrasesFor, type HoursPhrases } from './phrases.js'
import { DAY_MS, zoneClock } from './zone.js'
import type { HoursConfig, MinuteRange } from './types.js'

/** A date within this many days is named by its weekday, a later one by its date. */
const WEEKDAY_HORIZON = 7
const FORMATTER_CACHE_LIMIT = 256
/** Monday first, as the week is read in most of the languages we write. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0]

export interface BackAtOptions {
  /**
   * The visitor's IANA time zone, when the browser told it. The zone name is appended unless
   * it is known to show the same time as `timeZone` at `when`.
   * @default undefined (always appended)
   */
  viewerTimeZone?: string
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let found = formatters.get(key)
  if (found === undefined) {
    if (formatters.size >= FORMATTER_CACHE_LIMIT) formatters.clear()
    found = new Intl.DateTimeFormat(locale, options)
    formatters.set(key, found)
  }
  return found
}

/** Weekday name of a day number, from Intl. */
function weekdayName (locale: string, day: number): string {
  return formatter(locale, { weekday: 'long', timeZone: 'UTC' }).format(day * DAY_MS)
}

/** The zone's name in the visitor's language ("Central European Time"), from Intl. */
function zoneName (locale: string, timeZone: string, at: number): string {
  const parts = formatter(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(at)
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone
}

/**
 * When someone is back, in words, as the wall clock in `timeZone` reads it: "today at 14:00",
 * "tomorrow at 09:00", "Monday at 09:00" within a week, "on April 12 at 09:00" later; with the
 * zone's name in brackets unless `options.viewerTimeZone` shows the same time. Languages:
 * en es it ru de fr pt nl; any other gets English.
 */
export function formatBackAt (
  when: Date,
  now: Date,
  lang: string,
  timeZone: string,
  options: BackAtOptions = {}
): string {
  const { phrases, locale } = phrasesFor(lang)
  const clock = zoneClock(timeZone)
  const [whenMs, nowMs] = [when.getTime(), now.getTime()]
  if (Number.isNaN(whenMs) || Number.isNaN(nowMs)) {
    throw new RangeError('Frontdesk hours: formatBackAt needs two valid Dates')
  }
  const day = clock.dayOf(whenMs)
  const minute = clock.minuteOf(whenMs)
  const at = phrases.at(clockTime(minute, phrases.padHour), Math.floor(minute / 60))
  const phrase = `${dayPhrase(phrases, locale, day, day - clock.dayOf(nowMs))} ${at}`
  return sameWallTime(timeZone, options.viewerTimeZone, whenMs)
    ? phrase
    : `${phrase} (${zoneName(locale, timeZone, whenMs)})`
}

function dayPhrase (phrases: HoursPhrases, locale: string, day: number, daysAhead: number): string {
  if (daysAhead === 0) return phrases.today
  if (daysAhead === 1) return phrases.tomorrow
  if (daysAhead > 1 && daysAhead < WEEKDAY_HORIZON) {
    return phrases.weekday(weekdayName(locale, day), (((day + 4) % 7) + 7) % 7)
  }
  const dayMonth = formatter(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(day * DAY_MS)
  return phrases.date(dayMonth, new Date(day * DAY_MS).getUTCDate())
}

function sameWallTime (timeZone: string, viewer: string | undefined, at: number): boolean {
  if (viewer === undefined) return false
  try {
    return viewer === timeZone || zoneClock(viewer).offsetAt(at) === zoneClock(timeZone).offsetAt(at)
  } catch {
    return false
  }
}

/**
 * The weekly hours in one line: "Monday to Friday 09:00–18:00, Saturday 10:00–14:00 (Central
 * European Time)". Consecutive days with the same ranges are grouped; closed days are left
 * out; holidays and exceptions are not summarised. Throws FD_ERR_CONFIG_INVALID like parseHours.
 */
export function formatHoursSummary (hours: HoursConfig, lang: string): string {
  const schedule = normalizeHours(hours)
  const { phrases, locale } = phrasesFor(lang)
  const groups = groupDays(schedule.weekly)
  const zone = `(${zoneName(locale, schedule.timeZone, 0)})`
  if (groups.length === 0) return `${capitalize(phrases.closed)} ${zone}`
  const list = new Intl.ListFormat(locale, { type: 'conjunction' })
  const parts = groups.map(({ days, ranges }) => {
    const times = list.format(ranges.map((range) => rangeText(range, phrases.padHour)))
    return `${daysText(days, phrases, locale, list)} ${times}`
  })
  return `${capitalize(parts.join(', '))} ${zone}`
}

interface DayGroup {
  days: number[]
  ranges: readonly MinuteRange[]
}

/** Runs of consecutive open days, Monday first, that share the same ranges. */
function groupDays (weekly: readonly MinuteRange[][]): DayGroup[] {
  const groups: DayGroup[] = []
  let previous: string | undefined
  for (const day of WEEK_ORDER) {
    const ranges = weekly[day] ?? []
    const key = ranges.map((range) => `${range.start}-${range.end}`).join(',')
    const last = groups[groups.length - 1]
    if (ranges.length > 0 && key === previous && last !== undefined) last.days.push(day)
    else if (ranges.length > 0) groups.push({ days: [day], ranges })
    previous = ranges.length > 0 ? key : undefined
  }
  return groups
}

function daysText (days: number[], phrases: HoursPhrases, locale: string, list: Intl.ListFormat): string {
  // day numbers 0–6 (1970-01-01, a Thursday, to the next Wednesday) cover every weekday once
  const names = days.map((day) => weekdayName(locale, (day + 3) % 7))
  const [first, last] = [days[0] ?? 1, days[days.length - 1] ?? 1]
  if (days.length === 7) return phrases.everyDay
  if (days.length <= 2) return list.format(names)
  return phrases.span(names[0] ?? '', names[names.length - 1] ?? '', first, last)
}

function rangeText (range: MinuteRange, pad: boolean): string {
  return `${clockTime(range.start, pad)}–${clockTime(range.end, pad)}`
}

function capitalize (text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1)
}
