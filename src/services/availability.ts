import { formatBackAt, formatHoursSummary, parseHours, type HoursConfig } from '../core/hours/index.js'
import type { OperatorLoad } from '../core/queue/queue.js'

/** Business hours as the services need them; built from config by `availabilityFrom`. */
export interface Availability {
  isOpen(at: number): boolean
  /** When people are back, as an instant and as words in `lang` ("tomorrow at 09:00"); undefined while open. */
  backAt(at: number, lang: string): { at: number; text: string } | undefined
  /** The opening hours as a sentence in `lang`. */
  summary(lang: string): string
}

/** No hours configured: always open (a shop that staffs the chat whenever someone is online). */
export const alwaysOpen: Availability = {
  isOpen: () => true,
  backAt: () => undefined,
  summary: () => '',
}

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

/** Who is online to take conversations, and how loaded they are. */
export interface Presence {
  online(): Promise<OperatorLoad[]>
  /** Whether any operator is online, on any instance (cheaper than `online()`). */
  anyoneOnline(): Promise<boolean>
}

/** A wait as words in a language ("4 minutes", "4 minuti"), rounded up to whole minutes. */
export function formatWait (seconds: number, lang: string): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60))
  try {
    return new Intl.NumberFormat(lang, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes)
  } catch {
    return new Intl.NumberFormat('en', { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes)
  }
}
