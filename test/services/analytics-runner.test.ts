import { join } from 'node:path'
import t, { type Test } from 'tap'
import { reportRange } from '../../src/core/analytics/index.js'
import { analyticsReport } from '../../src/services/analytics.js'
import { createAnalyticsRunner, MaxPendingReports } from '../../src/services/analytics-runner.js'
import { createPostgresStore } from '../../src/store/postgres.js'
import { createSqliteStore } from '../../src/store/sqlite.js'
import type { Store } from '../../src/store/types.js'
import { startPostgres } from '../setup/postgres.js'

if (Number(process.env.TAP_TIMEOUT ?? 30) < 120) t.setTimeout(120_000)

const T0 = Date.parse('2026-03-02T09:00:00Z')
const Now = T0 + 3 * 86_400_000
const range = (() => {
  const r = reportRange({ from: '2026-03-01', to: '2026-03-03' }, 'Europe/Rome', Now)
  if (!r.ok) throw new Error(r.message)
  return r.range
})()
const request = { range, timeZone: 'Europe/Rome', recontactMs: 24 * 3_600_000, now: Now }

/** Two conversations: one answered and thanked, one that asked for a person and was claimed. */
async function fill (store: Store): Promise<void> {
  const base = {
    lang: 'es',
    visitorName: null,
    pageUrl: null,
    userAgent: null,
    browserLang: 'es',
    tokenHash: 'h'.repeat(64),
    updatedAt: T0,
    assignedAt: null,
    lastVisitorAt: null,
    lastOperatorAt: null,
    remindedAt: null,
  }
  await store.createConversation({
    ...base,
    id: 'lucia',
    state: 'bot',
    createdAt: T0,
    queuedAt: null,
    assignedTo: null,
    closedAt: null,
    visitorKey: 'browser-lucia',
  })
  await store.createConversation({
    ...base,
    id: 'pablo',
    state: 'assigned',
    createdAt: T0 + 60_000,
    queuedAt: T0 + 70_000,
    assignedTo: 'op-marta',
    closedAt: null,
    visitorKey: 'browser-pablo',
  })
  const message = { html: null, lang: 'es', clientId: null, entryId: null, operatorId: null, data: null }
  await store.appendMessages('lucia', [
    { ...message, author: 'visitor', text: '¿Cuánto tarda el envío?', at: T0 + 1000, kind: null, clientId: 'q1' },
    { ...message, author: 'bot', text: 'De 3 a 5 días.', at: T0 + 1000, kind: 'answer', entryId: 'envios' },
    {
      ...message,
      author: 'visitor',
      text: 'Sí',
      at: T0 + 5000,
      kind: 'feedback',
      clientId: 'f1',
      data: { seq: 2, helpful: true },
    },
  ])
  await store.appendMessages('pablo', [
    { ...message, author: 'visitor', text: 'Quiero hablar con una persona', at: T0 + 65_000, kind: 'handoff' },
    { ...message, author: 'system', text: 'En cola', at: T0 + 70_000, kind: 'queue' },
    { ...message, author: 'system', text: 'Marta', at: T0 + 100_000, kind: 'assigned', operatorId: 'op-marta' },
  ])
}

async function sameInWorker (t: Test, store: Store): Promise<void> {
  await fill(store)
  const runner = createAnalyticsRunner({ store })
  t.teardown(() => runner.close())
  const inWorker = await runner.run('op-elena', request)
  t.same(inWorker, { ok: true, result: await analyticsReport(store, request) })
  const totals = { conversations: 2, deflected: 1, assigned: 1 }
  t.match(inWorker, { ok: true, result: { ok: true, report: { totals } } })
}

t.test('a report on an SQLite file is computed in the worker, with the same figures as in process', async (t) => {
  const store = createSqliteStore({ file: join(t.testdir(), 'frontdesk.db') })
  t.teardown(() => store.close())
  await sameInWorker(t, store)
})

t.test('a report on PostgreSQL is computed in the worker, with the same figures as in process', async (t) => {
  const postgres = await startPostgres(t)
  const store = createPostgresStore({ url: await postgres.createDatabase() })
  t.teardown(() => store.close())
  await store.ready()
  await sameInWorker(t, store)
})

t.test('one pending report per person, and at most MaxPendingReports in all', async (t) => {
  // A store no other thread can open: reports run in process, held until released.
  const memory = createSqliteStore({ file: ':memory:' })
  t.teardown(() => memory.close())
  let release!: () => void
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  const held: Store = {
    ...memory,
    conversationsCreated: async (...args) => {
      await gate
      return await memory.conversationsCreated(...args)
    },
  }
  t.equal(held.location, undefined)
  const runner = createAnalyticsRunner({ store: held })
  const first = runner.run('marta', request)
  t.same(await runner.run('marta', request), { ok: false, reason: 'busy' }, "marta's second is refused while her first is pending")
  const others = Array.from({ length: MaxPendingReports - 1 }, (_, i) => runner.run(`colleague-${i}`, request))
  t.same(await runner.run('late', request), { ok: false, reason: 'full' })
  release()
  const all = await Promise.all([first, ...others])
  t.ok(
    all.every((r) => r.ok),
    'the pending ones are all computed'
  )
  t.match(await runner.run('marta', request), { ok: true }, 'and marta can ask again')
})
