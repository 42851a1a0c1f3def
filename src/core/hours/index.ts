/** Business hours, time-zone aware: open or closed, when, and in words. */
export { parseHours } from './hours.js'
export { formatBackAt, formatHoursSummary, type BackAtOptions } from './format.js'
export { WEEKDAYS, type Hours, type HoursConfig, type Weekday } from './types.js'
