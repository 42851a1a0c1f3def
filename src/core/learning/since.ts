/**
 * "7d", "24h", "90m" or a date ("2026-11-01", an ISO timestamp) as epoch milliseconds, for
 * `faq report --since` and the report API; undefined when it is neither.
 */
export function parseSince (text: string, now: number): number | undefined {
  const relative = /^(\d{1,5})([mhdw])$/.exec(text.trim())
  if (relative !== null) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[relative[2] as 'm' | 'h' | 'd' | 'w']
    return now - Number(relative[1]) * unit
  }
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim())) return undefined
  const at = Date.parse(text.trim())
  return Number.isNaN(at) ? undefined : at
}
