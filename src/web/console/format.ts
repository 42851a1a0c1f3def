/** Small formatting helpers for the console (operators read English; times in their locale). */

/** `4:05`, `1:02:33`: a waiting time. */
export function duration (seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`
}

/** A local time, with the date when it is not today. */
export function when (iso: string): string {
  const date = new Date(iso)
  const today = new Date().toDateString() === date.toDateString()
  return new Intl.DateTimeFormat(
    undefined,
    today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }
  ).format(date)
}

/** `72%`. */
export function percent (confidence: number): string {
  return `${Math.round(Math.max(0, Math.min(1, confidence)) * 100)}%`
}

/** "Firefox 128 on Windows" from a user agent string; the raw string when nothing is recognised. */
export function browserOf (userAgent: string | null): string {
  if (userAgent === null || userAgent === '') return 'unknown'
  const browsers: [RegExp, string][] = [
    [/Edg\/(\d+)/, 'Edge'],
    [/OPR\/(\d+)/, 'Opera'],
    [/Firefox\/(\d+)/, 'Firefox'],
    [/Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
    [/Version\/(\d+)[\d.]* .*Safari\//, 'Safari'],
  ]
  const systems: [RegExp, string][] = [
    [/Windows/, 'Windows'],
    [/iPhone|iPad|iPod/, 'iOS'],
    [/Android/, 'Android'],
    [/Mac OS X|Macintosh/, 'macOS'],
    [/CrOS/, 'ChromeOS'],
    [/Linux/, 'Linux'],
  ]
  const browser = browsers
    .map(([re, name]) => {
      const m = re.exec(userAgent)
      return m === null ? undefined : `${name} ${m[1] ?? ''}`.trim()
    })
    .find((b) => b !== undefined)
  const system = systems.find(([re]) => re.test(userAgent))?.[1]
  if (browser === undefined) return userAgent.slice(0, 80)
  return system === undefined ? browser : `${browser} on ${system}`
}

/** The visitor's name, or a stand-in. */
export function visitorName (name: string | null): string {
  return name === null || name.trim() === '' ? 'Visitor' : name
}

/** Only http(s) addresses become links; anything else a visitor sent is shown as text. */
export function safeHttpUrl (value: string | null): string | undefined {
  if (value === null) return undefined
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

export const StateNames: Record<string, string> = {
  bot: 'With the bot',
  queued: 'Waiting',
  assigned: 'Assigned',
  closed: 'Closed',
  offline: 'Offline message',
}

/** A language code as a short label: `ES`. */
export const langLabel = (lang: string): string => lang.toUpperCase()
