import t, { type Test } from 'tap'
import { addOperator, build, connect, http, login, type Built, type Client } from './helpers.js'

const isType = (type: string) => (f: Record<string, any>) => f.type === type
const H = 3_600_000
// Monday 2 March 2026, 10:00 in Rome (09:00 UTC).
const T0 = Date.parse('2026-03-02T09:00:00Z')

function answerable (built: Built): string {
  const engine = built.app.frontdesk.content.current().engine
  const found = [
    'how long does delivery to Germany take?',
    'how long does shipping take',
    'can I pay with PayPal?',
  ].find((q) => engine.triage(q, { conversation: 'en' }).decision === 'answer')
  if (found === undefined) throw new Error('no sample question is answered any more: add one that is')
  return found
}

async function visitor (t: Test, built: Built, visitorId?: string): Promise<{ v: Client; id: string }> {
  const v = await connect(t, `${built.wsUrl}/ws/visitor`)
  v.send({ type: 'hello', lang: 'en', ...(visitorId !== undefined && { visitor_id: visitorId }) })
  const welcome = await v.next(isType('welcome'))
  return { v, id: welcome.conversation_id }
}

async function ask (v: Client, clientId: string, text: string, kind: string): Promise<Record<string, any>> {
  v.send({ type: 'text', client_id: clientId, text })
  await v.next((f) => f.type === 'ack' && f.client_id === clientId)
  return await v.next((f) => f.type === 'message' && f.kind === kind)
}

/**
 * Real conversations on a real SQLite file, driven through the visitor websocket and the
 * operators' REST API, on a clock the test moves: the figures come from the rows the services wrote.
 */
async function scenario (t: Test) {
  let now = T0
  const built = await build(t, {}, { clock: () => now })
  await addOperator(built.store, { username: 'marta', name: 'Marta Rossi', langs: ['en'] })
  await addOperator(built.store, { username: 'elena', name: 'Elena', role: 'editor' })
  const marta = await login(built.url, 'marta')
  const console_ = await connect(t, `${built.wsUrl}/ws/operator`, { cookie: marta.cookie })
  console_.send({ type: 'hello' })
  await console_.next(isType('queue'))
  const question = answerable(built)

  // Anna: answered, says it helped, never comes back: deflected once 24 h have passed.
  const anna = await visitor(t, built, 'browser-anna-000000001')
  const answer = await ask(anna.v, 'a1', question, 'answer')
  anna.v.send({ type: 'feedback', client_id: 'a2', seq: answer.seq, helpful: true })
  await anna.v.next((f) => f.type === 'ack' && f.client_id === 'a2')

  // Bruno: answered, but opens a new conversation an hour later and asks for a person.
  const bruno = await visitor(t, built, 'browser-bruno-00000001')
  await ask(bruno.v, 'b1', question, 'answer')
  // An old widget without a visitor id: answered, unverifiable.
  const old = await visitor(t, built)
  await ask(old.v, 'o1', question, 'answer')
  // Someone who opens the widget and never writes.
  await visitor(t, built, 'browser-carla-00000001')

  now += H
  const bruno2 = await visitor(t, built, 'browser-bruno-00000001')
  await ask(bruno2.v, 'b2', 'I want to talk to a person', 'queue')
  now += 30_000
  t.equal((await marta.call('POST', `/api/v1/conversations/${bruno2.id}/claim`, {})).status, 200)
  now += 60_000
  t.equal(
    (
      await marta.call('POST', `/api/v1/conversations/${bruno2.id}/messages`, {
        client_id: 'r1',
        text: 'Hello Bruno, how can I help?',
      })
    ).status,
    200
  )
  now += 210_000
  t.equal((await marta.call('POST', `/api/v1/conversations/${bruno2.id}/close`, {})).status, 200)
  // The rating after an operator's close is accepted.
  await bruno2.v.next((f) => f.type === 'message' && f.kind === 'csat')
  bruno2.v.send({ type: 'rating', client_id: 'b3', score: 4 })
  await bruno2.v.next((f) => f.type === 'ack' && f.client_id === 'b3')

  // Dora asks for a person and gives up before anyone answers.
  const dora = await visitor(t, built, 'browser-dora-000000001')
  await ask(dora.v, 'd1', 'I want to talk to a person', 'queue')
  now += 120_000
  dora.v.send({ type: 'close', client_id: 'd2' })
  await dora.v.next((f) => f.type === 'ack' && f.client_id === 'd2')

  // A day later: the sessions of the morning have expired, the managers log in again.
  now = T0 + 30 * H
  return {
    ...built,
    marta: await login(built.url, 'marta'),
    elena: await login(built.url, 'elena'),
    setNow: (ms: number) => {
      now = ms
    },
  }
}

t.test('the analytics of real conversations: outcomes, strict deflection, waits, ratings', async (t) => {
  const { elena } = await scenario(t)
  const res = await elena.call('GET', '/api/v1/analytics?from=2026-03-02&to=2026-03-02')
  t.equal(res.status, 200, JSON.stringify(res.body))
  t.match(res.body.totals, {
    conversations: 6,
    empty: 1,
    engaged: 5,
    bot_answered: 3,
    escalated: 2,
    queued: 2,
    assigned: 1,
    abandoned: 1,
    deflected: 1,
    recontacted: 1,
    unverified: 1,
    pending: 0,
    deflection_rate: 0.2,
    helpful_yes: 1,
    helpful_no: 0,
    queue_wait_p50: 30,
    first_response_p50: 90,
    handling_p50: 270,
    csat_count: 1,
    csat_average: 4,
  })
  t.equal(res.body.days.length, 1)
  t.equal(res.body.days[0].day, '2026-03-02')
  t.same(
    res.body.langs.map((l: any) => l.lang),
    ['en']
  )
  t.equal(res.body.entries[0].answers, 3)
  t.equal(res.body.entries[0].deflected, 1)
  t.equal(res.body.entries[0].helpful_yes, 1)
  t.notMatch(res.body.entries[0].title, /^[a-z-]+$/, 'entries carry their title')
  t.match(res.body.operators, [
    {
      username: 'marta',
      name: 'Marta Rossi',
      conversations: 1,
      first_response_p50: 90,
      handling_p50: 270,
      csat_average: 4,
    },
  ])
})

t.test('a deflection stays pending until the re-contact window is over', async (t) => {
  const { elena, setNow } = await scenario(t)
  setNow(T0 + 2 * H)
  const res = await elena.call('GET', '/api/v1/analytics?from=2026-03-02&to=2026-03-02&group=day')
  t.match(res.body.totals, { deflected: 0, pending: 1, recontacted: 1 })
  t.equal(res.body.entries, undefined, 'only the breakdown asked for')
})

t.test("an operator sees the team's figures but only their own operator row", async (t) => {
  const { url, store, marta } = await scenario(t)
  await addOperator(store, { username: 'ivan', langs: ['en'] })
  const ivan = await login(url, 'ivan')
  const own = await marta.call('GET', '/api/v1/analytics?from=2026-03-02&to=2026-03-02&group=operator')
  t.equal(own.body.operators.length, 1)
  const other = await ivan.call('GET', '/api/v1/analytics?from=2026-03-02&to=2026-03-02')
  t.equal(other.status, 200)
  t.equal(other.body.totals.conversations, 6)
  t.same(other.body.operators, [])
})

t.test('the CSV export has one row per entry, quoted, and a file name', async (t) => {
  const { url, elena } = await scenario(t)
  const res = await fetch(`${url}/api/v1/analytics?from=2026-03-01&to=2026-03-03&group=day&format=csv`, {
    headers: { cookie: elena.cookie },
  })
  t.equal(res.status, 200)
  t.match(res.headers.get('content-type'), /^text\/csv/)
  t.match(res.headers.get('content-disposition'), /attachment; filename="frontdesk-day-2026-03-01-2026-03-03\.csv"/)
  const lines = (await res.text()).split('\r\n')
  t.match(lines[0], /^day,conversations,empty,engaged,/)
  t.equal(lines.length, 5, 'a header, three days and the final line break')
  t.match(lines[2], /^2026-03-02,6,1,5,/)
  const entries = await (
    await fetch(`${url}/api/v1/analytics?from=2026-03-02&to=2026-03-02&group=entry&format=csv`, {
      headers: { cookie: elena.cookie },
    })
  ).text()
  t.match(
    entries.split('\r\n')[0],
    'entry_id,title,answers,conversations,helpful_yes,helpful_no,deflected,escalated_after'
  )
})

t.test("the language filter keeps only that language's conversations", async (t) => {
  const { elena } = await scenario(t)
  const res = await elena.call('GET', '/api/v1/analytics?from=2026-03-02&to=2026-03-02&lang=es')
  t.equal(res.body.totals.conversations, 0)
  t.equal(res.body.totals.deflection_rate, null)
})

t.test('bad parameters are refused with a clear 400, and the figures need a login', async (t) => {
  const { url, elena } = await scenario(t)
  t.match(await elena.call('GET', '/api/v1/analytics?from=2026-03-05&to=2026-03-01'), {
    status: 400,
    body: { code: 'FD_ERR_ANALYTICS_RANGE', message: /before/ },
  })
  t.match(await elena.call('GET', '/api/v1/analytics?from=2024-01-01&to=2026-03-01'), {
    status: 400,
    body: { message: /at most 366 days/ },
  })
  t.match(await elena.call('GET', '/api/v1/analytics?from=2026-02-30'), {
    status: 400,
    body: { message: /not a date/ },
  })
  t.match(await elena.call('GET', '/api/v1/analytics?group=week'), { status: 400 })
  t.match(await elena.call('GET', '/api/v1/analytics?format=xml'), { status: 400 })
  t.match(await elena.call('GET', '/api/v1/analytics?lang=../x'), { status: 400 })
  t.equal((await http(url, 'GET', '/api/v1/analytics')).status, 401)
})

t.test('the analytics route is in the OpenAPI document', async (t) => {
  const { url } = await build(t)
  const { body } = await http(url, 'GET', '/api/v1/docs/json')
  t.ok(body.paths['/api/v1/analytics']?.get, 'documented')
  t.same(body.paths['/api/v1/analytics'].get.parameters.map((p: any) => p.name).sort(), [
    'format',
    'from',
    'group',
    'lang',
    'to',
  ])
})
