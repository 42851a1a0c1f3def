import { join } from 'node:path'
import t, { type Test } from 'tap'
import { analyticsReport } from '../../src/services/analytics.js'
import { createAnalyticsRunner, MaxPendingReports } from '../../src/services/analytics-runner.js'
import { createPostgresStore } from '../../src/store/postgres.js'
import { createSqliteStore } from '../../src/store/sqlite.js'
import type { Store } from '../../src/store/types.js'
import { startPostgres } from '../setup/postgres.js'
import { fill, request } from './fixtures.js'

if (Number(process.env.TAP_TIMEOUT ?? 30) < 120) t.setTimeout(120_000)

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
