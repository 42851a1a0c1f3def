/**
 * A token bucket: `capacity` actions at once, refilled at `perMinute`. Pure: the caller passes
 * the time. `take` says whether the action may go ahead and how far over the limit the caller
 * is, so a transport can warn first and disconnect a flood.
 */
export interface TokenBucket {
  take(now: number): { ok: boolean; /** consecutive refusals */ refused: number }
  /** Whether a `take` now would succeed, without taking. */
  has(now: number): boolean
}

export function createTokenBucket (options: { perMinute: number; capacity?: number }): TokenBucket {
  const capacity = options.capacity ?? Math.max(5, Math.ceil(options.perMinute / 3))
  const ratePerMs = options.perMinute / 60_000
  let tokens = capacity
  let last: number | undefined
  let refused = 0
  const refill = (now: number): void => {
    tokens = Math.min(capacity, tokens + (last === undefined ? 0 : Math.max(0, now - last) * ratePerMs))
    last = now
  }
  return {
    take (now) {
      refill(now)
      if (tokens >= 1) {
        tokens -= 1
        refused = 0
        return { ok: true, refused }
      }
      refused++
      return { ok: false, refused }
    },
    has (now) {
      refill(now)
      return tokens >= 1
    },
  }
}

/**
 * One action against several allowances at once (a conversation's, its visitor's, its address's):
 * it goes ahead only if every bucket has a token, and then takes one from each; a refusal costs
 * nothing from the buckets that had room and counts on those that had none.
 */
export function takeAll (buckets: readonly TokenBucket[], now: number): { ok: boolean; refused: number } {
  if (buckets.every((b) => b.has(now))) {
    for (const b of buckets) b.take(now)
    return { ok: true, refused: 0 }
  }
  let refused = 0
  for (const b of buckets) if (!b.has(now)) refused = Math.max(refused, b.take(now).refused)
  return { ok: false, refused }
}

/** Buckets per key (an IP, a conversation), forgetting idle ones so memory stays bounded. */
export function createBucketMap (options: { perMinute: number; capacity?: number; maxKeys?: number }) {
  const buckets = new Map<string, TokenBucket>()
  const maxKeys = options.maxKeys ?? 100_000
  const bucket = (key: string): TokenBucket => {
    let found = buckets.get(key)
    if (found === undefined) {
      // Dropping the oldest key only ever forgives someone, never blocks a newcomer.
      if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value as string)
      found = createTokenBucket(options)
      buckets.set(key, found)
    }
    return found
  }
  return {
    bucket,
    take: (key: string, now: number) => bucket(key).take(now),
    delete: (key: string) => buckets.delete(key),
    get size () {
      return buckets.size
    },
  }
}

export type BucketMap = ReturnType<typeof createBucketMap>

/**
 * At most one event per `intervalMs` and key (typing indicators): `allow` says whether this one
 * goes through. Pure: the caller passes the time. Keys idle for an interval are forgotten.
 */
export function createThrottle (options: { intervalMs: number; maxKeys?: number }) {
  const last = new Map<string, number>()
  const maxKeys = options.maxKeys ?? 100_000
  return {
    allow (key: string, now: number): boolean {
      const at = last.get(key)
      if (at !== undefined && now - at < options.intervalMs) return false
      // Re-inserted, so the map stays in order of last use and the oldest goes first.
      last.delete(key)
      if (last.size >= maxKeys) last.delete(last.keys().next().value as string)
      last.set(key, now)
      return true
    },
  }
}
