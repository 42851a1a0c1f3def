import type { OperatorLoad } from '../core/queue/queue.js'

/** Business hours as the services need them; built from config by the server. */
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

/** Who is online to take conversations, and how loaded they are. */
export interface Presence {
  online(): Promise<OperatorLoad[]>
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
