import { join } from 'node:path'
import t, { type Test } from 'tap'
import { analyticsReport, createFactCache } from '../../src/services/analytics.js'
import { messageSpans } from '../../src/services/analytics-cache.js'
import { createSqliteStore } from '../../src/store/sqlite.js'
import type { Conversation, Store } from '../../src/store/types.js'
import { fill, request, T0 } from './fixtures.js'

/** The test's store, counting the messages analytics read. */
async function counted (t: Test): Promise<{ store: Store; reads: () => number }> {
  const real = createSqliteStore({ file: join(t.testdir(), 'frontdesk.db') })
  t.teardown(() => real.close())
  await fill(real)
  let rows = 0
  const store: Store = {
    ...real,
    messageEvents: async (...args) => {
      const events = await real.messageEvents(...args)
      rows += events.length
      return events
    },
  }
  return { store, reads: () => rows }
}

t.test('a second report reads no messages of conversations whose facts are final, with the same figures', async (t) => {
  const { store, reads } = await counted(t)
  const cache = createFactCache()
  const first = await analyticsReport(store, request, cache)
  t.equal(reads(), 6, 'the first reads every message')
  t.equal(cache.size, 2, 'both windows are over: both facts are kept')
  const again = { ...request, now: request.now + 3_600_000 }
  t.same(await analyticsReport(store, again, cache), first)
  t.equal(reads(), 6, 'the second reads none')
  t.same(await analyticsReport(store, again), first, 'the same as without a cache')
})

t.test('a conversation that changes after its fact was kept is computed again', async (t) => {
  const { store, reads } = await counted(t)
  const cache = createFactCache()
  const before = await analyticsReport(store, request, cache)
  t.match(before, { ok: true, report: { totals: { deflected: 1, helpfulNo: 0 } } })
  // Lucía comes back to her old conversation and says the answer did not help after all.
  await store.appendMessages('lucia', [
    {
      author: 'visitor',
      text: 'No',
      html: null,
      lang: 'es',
      at: request.now - 1000,
      kind: 'feedback',
      clientId: 'f2',
      entryId: null,
      operatorId: null,
      data: { seq: 2, helpful: false },
    },
  ])
  const after = await analyticsReport(store, request, cache)
  t.match(after, { ok: true, report: { totals: { deflected: 0, helpfulNo: 1 } } })
  t.same(after, await analyticsReport(store, request), 'the same as without a cache')
  t.ok(reads() > 6, 'her messages were read again')
})

t.test('a fact inside its re-contact window is not kept: it is still pending', async (t) => {
  const { store } = await counted(t)
  const cache = createFactCache()
  const early = await analyticsReport(store, { ...request, now: T0 + 3_600_000 }, cache)
  t.match(early, { ok: true, report: { totals: { pending: 1, deflected: 0 } } })
  t.equal(cache.size, 0)
  const late = await analyticsReport(store, request, cache)
  t.match(late, { ok: true, report: { totals: { pending: 0, deflected: 1 } } }, 'computed again once the window is over')
})

t.test('another re-contact window forgets the kept facts', async (t) => {
  const { store } = await counted(t)
  const cache = createFactCache()
  await analyticsReport(store, request, cache)
  const longer = { ...request, recontactMs: 30 * 86_400_000 }
  t.same(await analyticsReport(store, longer, cache), await analyticsReport(store, longer))
})

t.test('the facts kept are bounded, the oldest kept go first', async (t) => {
  const { store } = await counted(t)
  const cache = createFactCache(1)
  await analyticsReport(store, request, cache)
  t.equal(cache.size, 1)
})

t.test('messages are read in spans of conversations created less than a day apart', async (t) => {
  const at = (createdAt: number) => ({ createdAt }) as Conversation
  const day = 86_400_000
  t.same(messageSpans([]), [])
  t.same(messageSpans([at(5 * day), at(0), at(1000), at(5 * day + 10)]), [
    [0, 1001],
    [5 * day, 5 * day + 11],
  ])
})

t.test('a read of 200,000 messages is taken whole (no spread of a huge array into one call)', async (t) => {
  const { store } = await counted(t)
  const [lucia] = await store.conversationsCreated(request.range.from, request.range.to)
  const events = Array.from({ length: 200_000 }, (_, i) => ({
    conversationId: lucia!.id,
    seq: i + 1,
    author: 'bot' as const,
    at: T0 + i,
    kind: 'greeting',
    entryId: null,
    operatorId: null,
    lang: 'es',
    id: `m${i}`,
    data: null,
  }))
  const big: Store = { ...store, conversationsCreated: async () => [lucia!], messageEvents: async () => events }
  t.match(await analyticsReport(big, request), { ok: true, report: { totals: { conversations: 1 } } })
})
