/** Business hours as written in config. */

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

/** A day of the week as written in config; the index in WEEKDAYS is JavaScript's getDay(). */
export type Weekday = (typeof WEEKDAYS)[number]

export interface HoursConfig {
  /** IANA time zone the hours are written in, e.g. `Europe/Rome`. */
  timeZone: string
  /**
   * Opening ranges per day of the week, half-open `HH:MM-HH:MM` in the zone's wall time;
   * `24:00` may end a range. A day left out is closed.
   * @example { mon: ['09:00-13:00', '14:00-18:00'], sat: ['10:00-14:00'] }
   */
  weekly: Partial<Record<Weekday, string[]>>
  /** `YYYY-MM-DD` dates, on the zone's calendar, closed all day. @default [] */
  holidays?: string[]
  /** `YYYY-MM-DD` → the ranges open that day instead of the weekly ones (`[]` closes it). @default {} */
  exceptions?: Record<string, string[]>
}

/** One opening range of a day, in minutes since wall-clock midnight: [start, end). */
export interface MinuteRange {
  start: number
  end: number
}

/** Validated hours: what the rest of the module works on. */
export interface Schedule {
  timeZone: string
  /** Ranges per weekday, index 0 = Sunday, sorted and not overlapping. */
  weekly: readonly MinuteRange[][]
  /** Day numbers (days since 1970-01-01 on the zone's calendar). */
  holidays: ReadonlySet<number>
  exceptions: ReadonlyMap<number, MinuteRange[]>
}

/** Opening hours, answered for any instant. */
export interface Hours {
  /** True when `at` falls in an opening range. */
  isOpen: (at: Date) => boolean
  /**
   * The earliest instant at or after `at` when it is open: `at` itself when open now, else the
   * next opening. Undefined when nothing opens within about a year.
   */
  nextOpen: (at: Date) => Date | undefined
  /**
   * The earliest instant at or after `at` when it is closed: `at` itself when closed now,
   * else the end of the current opening, ranges that touch (also across midnight) counted as
   * one. Undefined when it stays open for about a year.
   */
  nextClose: (at: Date) => Date | undefined
}
