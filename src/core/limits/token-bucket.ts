/**
 * A token bucket: `capacity` actions at once, refilled at `perMinute`. Pure: the caller passes
 * the time. `take` says whether the action may go ahead and how far over the limit the caller
 * is, so a transport can warn first and disconnect a flood.
 */
export interface TokenBucket {
  take(now: number): { ok: boolean; /** consecutive refusals */ refused: number }
}

export function createTokenBucket (options: { perMinute: number; capacity?: number }): TokenBucket {
  const capacity = options.capacity ?? Math.max(5, Math.ceil(options.perMinute / 3))
  const ratePerMs = options.perMinute / 60_000
  let tokens = capacity
  let last: number | undefined
  let refused = 0
  return {
    take (now) {
      tokens = Math.min(capacity, tokens + (last === undefined ? 0 : Math.max(0, now - last) * ratePerMs))
      last = now
      if (tokens >= 1) {
        tokens -= 1
        refused = 0
        return { ok: true, refused }
      }
      refused++
      return { ok: false, refused }
    },
  }
}

/** Buckets per key (an IP, a conversation), forgetting idle ones so memory stays bounded. */
export function createBucketMap (options: { perMinute: number; capacity?: number; maxKeys?: number }) {
  const buckets = new Map<string, TokenBucket>()
  const maxKeys = options.maxKeys ?? 100_000
  return {
    take (key: string, now: number) {
      let bucket = buckets.get(key)
      if (bucket === undefined) {
        // Dropping the oldest key only ever forgives someone, never blocks a newcomer.
        if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value as string)
        bucket = createTokenBucket(options)
        buckets.set(key, bucket)
      }
      return bucket.take(now)
    },
    delete: (key: string) => buckets.delete(key),
    get size () {
      return buckets.size
    },
  }
}
