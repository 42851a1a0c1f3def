import t from 'tap'
import { createBucketMap, createTokenBucket } from '../../../src/core/limits/token-bucket.js'

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
