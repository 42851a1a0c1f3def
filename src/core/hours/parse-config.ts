/**
 * Validation of business hours from config: every problem names the field and the value, so
 * that an administrator can fix it from the message alone.
 */
import { FrontdeskError } from '../errors.js'
import { DAY_MS, isTimeZone } from './zone.js'
import { WEEKDAYS, type HoursConfig, type MinuteRange, type Schedule, type Weekday } from './types.js'

const RANGE = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function invalid (field: string, message: string): FrontdeskError {
  return new FrontdeskError('FD_ERR_CONFIG_INVALID', `hours.${field}: ${message}`)
}

/** Checks business hours and puts them in the form the rest of the module uses. */
export function normalizeHours (config: HoursConfig): Schedule {
  if (typeof config?.timeZone !== 'string' || !isTimeZone(config.timeZone)) {
    throw invalid('timeZone', `${JSON.stringify(config?.timeZone)} is not an IANA time zone such as "Europe/Rome"`)
  }
  const holidays = new Set(
    listOf(config.holidays ?? [], 'holidays').map((date, i) => parseDate(date, `holidays[${i}]`))
  )
  const exceptions = new Map<number, MinuteRange[]>()
  for (const [date, ranges] of Object.entries(objectOf(config.exceptions ?? {}, 'exceptions'))) {
    const day = parseDate(date, `exceptions.${date}`)
    if (holidays.has(day)) throw invalid(`exceptions.${date}`, 'the date is also a holiday; keep only one of them')
    exceptions.set(day, parseRanges(ranges, `exceptions.${date}`))
  }
  return { timeZone: config.timeZone, weekly: parseWeekly(config.weekly), holidays, exceptions }
}

function parseWeekly (weekly: HoursConfig['weekly']): MinuteRange[][] {
  const days = objectOf(weekly, 'weekly')
  for (const key of Object.keys(days)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) {
      throw invalid(`weekly.${key}`, `unknown day; use ${WEEKDAYS.join(', ')}`)
    }
  }
  return WEEKDAYS.map((day: Weekday) => parseRanges(days[day] ?? [], `weekly.${day}`))
}

function parseRanges (ranges: unknown, field: string): MinuteRange[] {
  const parsed = listOf(ranges, field).map((text, i) => parseRange(text, `${field}[${i}]`))
  const sorted = [...parsed].sort((a, b) => a.start - b.start)
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]] as [MinuteRange, MinuteRange]
    if (b.start < a.end) throw invalid(field, `"${formatRange(a)}" and "${formatRange(b)}" overlap`)
  }
  return sorted
}

function parseRange (text: string, field: string): MinuteRange {
  const match = RANGE.exec(text.trim())
  if (match === null) throw invalid(field, `"${text}" is not a range such as "09:00-18:00"`)
  const start = minutes(match[1], match[2], false)
  const end = minutes(match[3], match[4], true)
  if (start === undefined || end === undefined) {
    throw invalid(field, `"${text}" has a time that does not exist (hours 00–23, minutes 00–59; 24:00 only as an end)`)
  }
  if (end <= start) {
    throw invalid(
      field,
      `"${text}" ends before it starts; split a range over midnight into two days, ending the first at 24:00`
    )
  }
  return { start, end }
}

function minutes (hours = '', mins = '', isEnd: boolean): number | undefined {
  const [h, m] = [Number(hours), Number(mins)]
  if (isEnd && h === 24 && m === 0) return 24 * 60
  return h <= 23 && m <= 59 ? h * 60 + m : undefined
}

/** Day number of a `YYYY-MM-DD` date that exists on the calendar. */
export function parseDate (text: unknown, field: string): number {
  const match = typeof text === 'string' ? DATE.exec(text) : null
  const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])]
  const ms = Date.UTC(year, month - 1, day)
  const check = new Date(ms)
  if (match === null || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw invalid(field, `${JSON.stringify(text)} is not a date written YYYY-MM-DD`)
  }
  return ms / DAY_MS
}

function listOf (value: unknown, field: string): string[] {
  if (!Array.isArray(value)) throw invalid(field, 'must be a list')
  value.forEach((item, i) => {
    if (typeof item !== 'string') throw invalid(`${field}[${i}]`, `must be text, got ${JSON.stringify(item)}`)
  })
  return value as string[]
}

function objectOf<T> (value: T, field: string): T & Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(field, 'must be an object')
  return value as T & Record<string, unknown>
}

/** `09:00-18:00`, as written in config. */
export function formatRange (range: MinuteRange, separator = '-'): string {
  return `${clockTime(range.start, true)}${separator}${clockTime(range.end, true)}`
}

/** `9:00` or `09:00` for minutes since midnight. */
export function clockTime (minutes: number, pad: boolean): string {
  const hours = String(Math.floor(minutes / 60))
  return `${pad ? hours.padStart(2, '0') : hours}:${String(minutes % 60).padStart(2, '0')}`
}
