import t from 'tap'
import { createThrottle, takeAll, createBucketMap, createTokenBucket } from '../../../src/core/limits/token-bucket.js'

t.test('a burst up to the capacity passes, the next is refused', async (t) => {
  const bucket = createTokenBucket({ perMinute: 30, capacity: 3 })
  t.same(
    [1, 2, 3].map(() => bucket.take(0).ok),
    [true, true, true]
  )
  t.same(bucket.take(0), { ok: false, refused: 1 })
  t.same(bucket.take(0), { ok: false, refused: 2 })
})

t.test('tokens come back at the configured rate', async (t) => {
  const bucket = createTokenBucket({ perMinute: 60, capacity: 1 })
  t.ok(bucket.take(0).ok)
  t.notOk(bucket.take(500).ok)
  t.ok(bucket.take(1500).ok)
})

t.test('a clock that goes backwards does not mint tokens', async (t) => {
  const bucket = createTokenBucket({ perMinute: 60, capacity: 1 })
  t.ok(bucket.take(10_000).ok)
  t.notOk(bucket.take(0).ok)
})

t.test('keys have their own buckets and the map stays bounded', async (t) => {
  const map = createBucketMap({ perMinute: 60, capacity: 1, maxKeys: 2 })
  t.ok(map.take('a', 0).ok)
  t.ok(map.take('b', 0).ok)
  t.notOk(map.take('a', 0).ok)
  t.ok(map.take('c', 0).ok)
  t.equal(map.size, 2)
})

t.test('an action against several buckets takes from all only when every one has room', async (t) => {
  const roomy = createTokenBucket({ perMinute: 60, capacity: 5 })
  const tight = createTokenBucket({ perMinute: 60, capacity: 1 })
  t.same(takeAll([roomy, tight], 0), { ok: true, refused: 0 })
  t.same(takeAll([roomy, tight], 0), { ok: false, refused: 1 })
  t.same(takeAll([roomy, tight], 0), { ok: false, refused: 2 }, 'refusals count on the bucket without room')
  // The roomy one lost nothing to the refusals: 4 left of 5.
  for (let i = 0; i < 4; i++) t.ok(roomy.take(0).ok)
  t.notOk(roomy.has(0))
})

t.test('a throttle lets one event per interval and key through', async (t) => {
  const throttle = createThrottle({ intervalMs: 1000, maxKeys: 2 })
  t.ok(throttle.allow('a', 0))
  t.notOk(throttle.allow('a', 999))
  t.ok(throttle.allow('b', 500), 'another key is independent')
  t.ok(throttle.allow('a', 1000))
  t.ok(throttle.allow('c', 1000), 'a third key pushes out the oldest')
  t.ok(throttle.allow('b', 1001), 'which is forgotten, never blocked')
})
