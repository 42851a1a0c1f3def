import t from 'tap'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import type { BusEvent, EventBus } from '../../src/store/types.js'
import { createPgBus, type PgBus, type PgBusOptions } from '../../src/store/pg-bus.js'
import { createPostgresStore, type PostgresStore } from '../../src/store/postgres.js'
import type { Conversation } from '../../src/store/types.js'
import { startPostgres } from '../setup/postgres.js'
import { storeSuite } from './suite.js'
import { migrations } from '../../src/store/schema.js'

// A real PostgreSQL on a busy 2-CPU CI machine can outlast tap's 30 s default:
// at least two minutes, or the longer timeout configured.
if (Number(process.env.TAP_TIMEOUT ?? 30) < 120) t.setTimeout(120_000)
const postgres = await startPostgres(t)

/** One instance of Frontdesk, as far as the database can tell: its own pool. */
function instance (url: string): PostgresStore {
  const store = createPostgresStore({ url, poolSize: 5 })
  t.teardown(() => store.close())
  return store
}

let template: Promise<string> | undefined
/** A database with the schema in it already: a copy of one migrated once, which is quicker than migrating each. */
async function migratedDatabase (): Promise<string> {
  template ??= (async () => {
    const url = await postgres.createDatabase()
    const store = createPostgresStore({ url })
    await store.ready()
    await store.close()
    return url.slice(url.lastIndexOf('/') + 1)
  })()
  return await postgres.createDatabase(await template)
}

storeSuite(t, async () => instance(await migratedDatabase()))

const conversation = (over: Partial<Conversation> = {}): Omit<Conversation, 'lastSeq'> => ({
  id: randomUUID(),
  state: 'bot',
  lang: 'ru',
  visitorName: 'Аня',
  pageUrl: null,
  userAgent: null,
  browserLang: 'ru',
  tokenHash: 'h'.repeat(64),
  createdAt: 1_000,
  updatedAt: 1_000,
  queuedAt: null,
  assignedTo: null,
  assignedAt: null,
  lastVisitorAt: null,
  lastOperatorAt: null,
  remindedAt: null,
  closedAt: null,
  visitorKey: null,
  ...over,
})
const text = (body: string, clientId: string | null) => ({
  author: 'visitor' as const,
  text: body,
  html: null,
  lang: 'ru',
  at: 2_000,
  kind: null,
  clientId,
  entryId: null,
  operatorId: null,
  data: null,
})

t.test('two instances appending to one conversation at once keep its seqs gap-free', async (t) => {
  const url = await migratedDatabase()
  const [a, b] = [instance(url), instance(url)]
  const c = conversation()
  await a.createConversation(c)
  await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      (i % 2 === 0 ? a : b).appendMessages(c.id, [text(`где мой заказ ${i}?`, `c${i}`)])
    )
  )
  const seqs = (await b.messagesAfter(c.id, 0)).map((m) => m.seq)
  t.same(
    seqs,
    Array.from({ length: 30 }, (_, i) => i + 1)
  )
  t.equal((await a.getConversation(c.id))?.lastSeq, 30)
})

t.test('the same client id sent to two instances at once is stored once; the other gets "duplicate"', async (t) => {
  const url = await migratedDatabase()
  const [a, b] = [instance(url), instance(url)]
  const c = conversation()
  await a.createConversation(c)
  const results = await Promise.all([a, b, a, b].map((s) => s.appendMessages(c.id, [text('здравствуйте', 'resent')])))
  t.same(results.map((r) => r?.duplicate).sort(), [false, true, true, true])
  t.same(new Set(results.map((r) => r?.messages[0]?.seq)), new Set([1]))
  t.equal((await a.messagesAfter(c.id, 0)).length, 1)
})

t.test(
  'a resend that races its original past the dedupe check is caught by the unique index and answered "duplicate"',
  async (t) => {
    const url = await migratedDatabase()
    const db = url.slice(url.lastIndexOf('/') + 1)
    const [a, b] = [instance(url), instance(url)]
    const c = conversation()
    await a.createConversation(c)
    // Hold the row so both appends start (and take their snapshots) before either can write.
    const blocker = new pg.Client({ connectionString: url })
    await blocker.connect()
    t.teardown(() => blocker.end())
    await blocker.query('BEGIN')
    await blocker.query('SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE', [c.id])
    const racing = [a, b].map((s) => s.appendMessages(c.id, [text('здравствуйте', 'same')]))
    const waiting = async () =>
      (
        await postgres.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'",
          [db]
        )
      )[0]?.n
    while ((await waiting()) < 2) await new Promise((resolve) => setTimeout(resolve, 10))
    await blocker.query('COMMIT')
    const results = await Promise.all(racing)
    t.same(results.map((r) => r?.duplicate).sort(), [false, true])
    t.same(
      results.map((r) => r?.messages[0]?.seq),
      [1, 1]
    )
    t.same(
      (await a.messagesAfter(c.id, 0)).map((m) => m.clientId),
      ['same']
    )
  }
)

t.test('handling times come back as numbers of milliseconds', async (t) => {
  const store = instance(await migratedDatabase())
  await store.createConversation(
    conversation({ state: 'closed', assignedAt: 1_700_000_000_000, closedAt: 1_700_000_420_000 })
  )
  await store.createConversation(conversation({ state: 'closed', assignedAt: null, closedAt: 1_700_000_500_000 }))
  t.same(await store.handlingTimes(1_600_000_000_000, 10), [420_000])
})

t.test('two instances claiming one conversation at once give it exactly one owner', async (t) => {
  const url = await migratedDatabase()
  const [a, b] = [instance(url), instance(url)]
  const c = conversation({ state: 'queued', queuedAt: 1_500 })
  await a.createConversation(c)
  const claims = await Promise.all(
    [a, b].map((s, i) =>
      s.appendMessages(
        c.id,
        [{ ...text('assigned', null), author: 'system' }],
        { state: 'assigned', assignedTo: `op-${i}`, assignedAt: 3_000 },
        { states: ['queued'] }
      )
    )
  )
  const won = claims.filter((r) => r !== undefined)
  t.equal(won.length, 1, 'one claim wins')
  t.equal((await b.getConversation(c.id))?.assignedTo, won[0]?.conversation.assignedTo)
  t.equal((await a.messagesAfter(c.id, 0)).length, 1, 'the loser wrote nothing')
})

t.test('instances starting at once on an empty database migrate it once', async (t) => {
  const url = await postgres.createDatabase()
  const stores = Array.from({ length: 4 }, () => instance(url))
  await Promise.all(stores.map((s) => s.ready()))
  const rows = await stores[0]!.listOperators()
  t.same(rows, [])
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  t.teardown(() => client.end())
  const versions = (await client.query('SELECT version FROM schema_migrations ORDER BY version')).rows.map(
    (r) => r.version
  )
  t.same(
    versions,
    migrations('postgres').map((_, i) => i + 1),
    'each migration recorded once'
  )
})

t.test('a job under runExclusive runs on one instance only', async (t) => {
  const url = await migratedDatabase()
  const [a, b] = [instance(url), instance(url)]
  let runs = 0
  // The job that gets the lock holds it until both instances have tried: no timing involved.
  let bothTried!: () => void
  const tried = new Promise<void>((resolve) => {
    bothTried = resolve
  })
  let attempts = 0
  const attempt = async (s: typeof a) => {
    attempts++
    const ran = await s.runExclusive('retention', async () => {
      runs++
      await tried
    })
    // A broken lock would let both in, both would wait here, and the test would time out.
    if (!ran) bothTried()
    return ran
  }
  const ran = await Promise.all([attempt(a), attempt(b)])
  t.equal(attempts, 2)
  t.same(ran.sort(), [false, true])
  t.equal(runs, 1)
  t.equal(
    await b.runExclusive('retention', async () => {
      runs++
    }),
    true,
    'the lock is free again afterwards'
  )
})

t.test('a job lock held by a dead instance is released with its connection', async (t) => {
  const url = await migratedDatabase()
  const [a, b] = [instance(url), instance(url)]
  let release!: () => void
  let entered!: () => void
  const inside = new Promise<void>((resolve) => {
    entered = resolve
  })
  const holding = a.runExclusive(
    'silent-operators',
    () =>
      new Promise((resolve) => {
        release = resolve
        entered()
      })
  )
  await inside
  t.equal(await b.runExclusive('silent-operators', async () => {}), false, 'held by a')
  const db = url.slice(url.lastIndexOf('/') + 1)
  await postgres.query(
    "SELECT pg_terminate_backend(pid) FROM pg_locks JOIN pg_stat_activity USING (pid) WHERE locktype = 'advisory' AND datname = $1",
    [db]
  )
  // The backend exits a moment after it is signalled; its locks go with it.
  let free = false
  for (let i = 0; i < 50 && !free; i++) {
    free = await b.runExclusive('silent-operators', async () => {})
    if (!free) await new Promise((resolve) => setTimeout(resolve, 20))
  }
  t.ok(free, 'free once a is gone')
  release()
  await t.rejects(holding, { code: 'FD_ERR_STORE_UNAVAILABLE' }, 'a learns that its lock was lost')
})

t.test('a database that cannot be reached is "storage unavailable", not a crash', async (t) => {
  const store = createPostgresStore({ url: 'postgres://postgres@127.0.0.1:1/none' })
  t.teardown(() => store.close())
  await t.rejects(store.getConversation('x'), { code: 'FD_ERR_STORE_UNAVAILABLE' })
})

/** Collects what a bus delivers for one conversation; `next` waits for a matching event. */
function collect (bus: EventBus, topic: string) {
  const events: BusEvent[] = []
  const waiters: (() => void)[] = []
  bus.subscribe(topic, (e) => {
    events.push(e)
    for (const w of waiters.splice(0)) w()
  })
  return {
    events,
    async next (match: (e: BusEvent) => boolean, ms = 5000): Promise<BusEvent> {
      const deadline = Date.now() + ms
      for (;;) {
        const found = events.find(match)
        if (found !== undefined) return found
        if (Date.now() > deadline) throw new Error(`no matching event within ${ms} ms; got ${JSON.stringify(events)}`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 50)
        })
      }
    },
  }
}

function bus (url: string, options: Partial<PgBusOptions> = {}): PgBus {
  const b = createPgBus({ url, ...options })
  t.teardown(() => b.close())
  return b
}

t.test('an event published on one instance reaches the other, and each subscriber once', async (t) => {
  const url = await migratedDatabase()
  const [a, b] = [bus(url), bus(url)]
  await Promise.all([a.ready(), b.ready()])
  const [onA, onB] = [collect(a, 'conv-1'), collect(b, 'conv-1')]
  const everything = collect(b, '*')
  a.publish({ type: 'message', conversationId: 'conv-1', seq: 7 })
  a.publish({ type: 'typing', conversationId: 'conv-1', author: 'visitor' })
  await onB.next((e) => e.type === 'typing')
  await everything.next((e) => e.type === 'typing')
  t.same(
    onB.events,
    [
      { type: 'message', conversationId: 'conv-1', seq: 7 },
      { type: 'typing', conversationId: 'conv-1', author: 'visitor' },
    ],
    'in order'
  )
  b.publish({ type: 'conversation', conversationId: 'conv-1' })
  await onA.next((e) => e.type === 'conversation')
  t.same(
    onA.events.map((e) => e.type),
    ['message', 'typing', 'conversation'],
    'its own events once, not echoed back'
  )
})

t.test('a notification that is not a Frontdesk hint is ignored', async (t) => {
  const url = await migratedDatabase()
  const b = bus(url)
  await b.ready()
  const onB = collect(b, '*')
  const db = url.slice(url.lastIndexOf('/') + 1)
  const client = new pg.Client({ connectionString: postgres.adminUrl.replace(/\/postgres$/, `/${db}`) })
  await client.connect()
  t.teardown(() => client.end())
  await client.query("SELECT pg_notify('frontdesk', 'not json')")
  await client.query("SELECT pg_notify('frontdesk', $1)", [
    JSON.stringify({
      i: 'other',
      e: [
        { type: 'unknown', conversationId: 'c' },
        { type: 'conversation', conversationId: 'c' },
      ],
    }),
  ])
  t.same(await onB.next(() => true), { type: 'conversation', conversationId: 'c' })
  t.equal(onB.events.length, 1)
})

t.test('after its LISTEN connection is killed, a bus reconnects and hints what changed meanwhile', async (t) => {
  const url = await migratedDatabase()
  const db = url.slice(url.lastIndexOf('/') + 1)
  const store = instance(url)
  const c = conversation({ state: 'assigned', assignedTo: 'op-a' })
  await store.createConversation(c)
  const logged: string[] = []
  const log = {
    info: (_: object, msg: string) => {
      logged.push(msg)
    },
    warn: (_: object, msg: string) => {
      logged.push(msg)
    },
  }
  const listeners = async () =>
    (
      await postgres.query(
        "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'frontdesk-listen'",
        [db]
      )
    ).map((r) => r.pid as number)
  const a = bus(url, { log, reconnectMinMs: 200, heartbeatMs: 50 })
  await a.ready()
  const [pid] = await listeners()
  const b = bus(url)
  await b.ready()
  const onA = collect(a, c.id)
  b.publish({ type: 'conversation', conversationId: c.id })
  await onA.next((e) => e.type === 'conversation')
  onA.events.length = 0

  // The database refuses new connections for a while, so the first reconnects fail.
  await postgres.query(`ALTER DATABASE ${db} ALLOW_CONNECTIONS false`)
  await postgres.query('SELECT pg_terminate_backend($1)', [pid])
  while ((await listeners()).includes(pid!)) await new Promise((resolve) => setTimeout(resolve, 10))
  // Sent while a listens to nothing (on connections opened before): only the catch-up can bring it.
  const appended = await store.appendMessages(c.id, [
    { ...text('Добрый день!', null), author: 'operator', operatorId: 'op-a' },
  ])
  b.publish({ type: 'message', conversationId: c.id, seq: appended!.conversation.lastSeq })
  while (!logged.includes('event bus: reconnecting failed')) await new Promise((resolve) => setTimeout(resolve, 20))
  await postgres.query(`ALTER DATABASE ${db} ALLOW_CONNECTIONS true`)

  t.same(await onA.next((e) => e.type === 'message'), { type: 'message', conversationId: c.id, seq: 1 })
  await onA.next((e) => e.type === 'conversation')
  t.match(logged, [
    'event bus: the LISTEN connection was lost; reconnecting',
    'event bus: reconnecting failed',
    /listening again/,
  ])
  b.publish({ type: 'typing', conversationId: c.id, author: 'operator' })
  await onA.next((e) => e.type === 'typing')
  t.pass('and live hints flow again')
})

t.test('a bus that cannot reach the database says so on ready(), and closes cleanly', async (t) => {
  const b = createPgBus({ url: 'postgres://postgres@127.0.0.1:1/none', reconnectMinMs: 10 })
  await t.rejects(b.ready(), { code: 'ECONNREFUSED' })
  const seen: BusEvent[] = []
  b.subscribe('c', (e) => seen.push(e))
  b.publish({ type: 'conversation', conversationId: 'c' })
  t.same(seen, [{ type: 'conversation', conversationId: 'c' }], 'local subscribers still hear local events')
  await b.close()
})
