/** Reconnection delays: exponential with full jitter, so a restarted server is not stampeded. */
export interface BackoffOptions {
  /** @default 500 */
  baseMs?: number
  /** @default 30000 */
  maxMs?: number
}

/** The delay before attempt `attempt` (0 = the first retry), between base/2 and the capped exponential. */
export function backoffDelay (
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random
): number {
  const base = options.baseMs ?? 500
  const max = options.maxMs ?? 30_000
  const ceiling = Math.min(max, base * 2 ** Math.min(attempt, 16))
  return Math.round(base / 2 + random() * Math.max(0, ceiling - base / 2))
}
