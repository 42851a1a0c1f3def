import { formatBackAt, formatHoursSummary, parseHours, type HoursConfig } from '../core/hours/index.js'
import { alwaysOpen, type Availability } from '../services/availability.js'

/** Business hours from config as the services use them; validated here, at boot. */
export function availabilityFrom (config: HoursConfig | undefined): Availability {
  if (config === undefined) return alwaysOpen
  const hours = parseHours(config)
  const summaries = new Map<string, string>()
  return {
    isOpen: (at) => hours.isOpen(new Date(at)),
    backAt (at, lang) {
      const now = new Date(at)
      if (hours.isOpen(now)) return undefined
      const next = hours.nextOpen(now)
      return next === undefined
        ? undefined
        : { at: next.getTime(), text: formatBackAt(next, now, lang, config.timeZone) }
    },
    summary (lang) {
      let text = summaries.get(lang)
      if (text === undefined) summaries.set(lang, (text = formatHoursSummary(config, lang)))
      return text
    },
  }
}
