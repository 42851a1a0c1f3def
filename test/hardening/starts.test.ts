import t from 'tap'
import { addOperator, build, connect, login } from '../server/helpers.js'
import { httpFrom, httpVisitor, seedQueued, visitor } from './helpers.js'

// With the default limits: 30 new conversations a minute per address (all at once), 5 per visitor id.

t.test('one address cannot start more conversations than its allowance; a retried start and other addresses can', async (t) => {
  const built = await build(t)
  let started = 0
  let refused = 0
  const key = 'a-start-key-of-22-chars-or-more'
  for (let i = 0; i < 60; i++) {
    const v = await visitor(t, built, i === 0 ? { start_key: key } : {}, {}, '127.0.3.1').catch(() => undefined)
    if (v !== undefined) started++
    else refused++
  }
  t.ok(started <= 31, `${started} of 60 starts from one address went through`)
  t.ok(refused >= 29, `${refused} were refused`)
  const last = await connect(t, `${built.wsUrl}/ws/visitor`, {}, { localAddress: '127.0.3.1' })
  last.send({ type: 'hello', lang: 'en' })
  t.match(await last.next((f) => f.type === 'error'), { code: 'FD_ERR_RATE_LIMITED' }, 'with an error frame')
  t.equal((await last.closed).code, 4429, 'and close code 4429')
  const retry = await visitor(t, built, { start_key: key }, {}, '127.0.3.1')
  t.ok(retry.conversationId, 'a retry of a start that went through still gets its welcome')
  t.ok(await visitor(t, built, {}, {}, '127.0.3.2'), 'another address starts a conversation')
})

t.test('over HTTP, starts beyond the allowance of an address are answered 429', async (t) => {
  const built = await build(t)
  const statuses: number[] = []
  for (let i = 0; i < 60; i++) statuses.push((await httpVisitor('127.0.3.3', built.url)).status)
  const ok = statuses.filter((s) => s === 200).length
  t.ok(ok <= 31, `${ok} of 60 went through`)
  t.ok(statuses.slice(-20).every((s) => s === 429), 'the rest got 429')
  t.equal((await httpVisitor('127.0.3.4', built.url)).status, 200, 'another address starts one')
})

t.test('one visitor id cannot start more than its allowance, whatever its addresses', async (t) => {
  const built = await build(t)
  let started = 0
  for (let i = 0; i < 12; i++) {
    const from = `127.0.3.${10 + i}`
    const hello = { visitor_id: 'one-browser-0123456789' }
    if (i % 2 === 0) started += (await visitor(t, built, hello, {}, from).catch(() => undefined)) === undefined ? 0 : 1
    else started += (await httpVisitor(from, built.url, hello)).status === 200 ? 1 : 0
  }
  t.ok(started <= 6, `${started} of 12 starts of one visitor id from 12 addresses went through`)
  t.ok(await visitor(t, built, { visitor_id: 'another-browser-0123456' }, {}, '127.0.3.30'), 'another visitor can')
})

t.test(
  'a queue longer than a page: the console gets it in pages with a total, and the newest visitor its true place',
  async (t) => {
    const built = await build(t)
    await addOperator(built.store, { username: 'marta' })
    const marta = await login(built.url, 'marta')
    const console_ = await connect(t, `${built.wsUrl}/ws/operator`, { cookie: marta.cookie })
    console_.send({ type: 'hello' })
    await console_.next((f) => f.type === 'queue')
    await seedQueued(built.store, 600, Date.now() - 3600_000)
    const v = await visitor(t, built, { name: 'Real Customer' })
    v.send({ type: 'handoff', client_id: 'h' })
    const state = await v.next((f) => f.type === 'state' && f.state === 'queued', 10_000)
    t.equal(state.queue_position, 601, 'the newest visitor is told place 601')

    const first = await marta.call('GET', '/api/v1/conversations?state=queued')
    t.equal(first.status, 200)
    t.equal(first.body.total, 601, 'the list says how many are queued')
    t.equal(first.body.conversations.length, 100, 'in pages of 100 by default')
    const page = await marta.call('GET', '/api/v1/conversations?state=queued&offset=600&limit=100')
    t.same(
      page.body.conversations.map((c: { id: string }) => c.id),
      [v.conversationId],
      'the last page holds the newest visitor'
    )

    const frame = await console_.next((f) => f.type === 'queue' && f.total?.queued === 601, 10_000)
    t.match(frame.total, { queued: 601, assigned: 0, offline: 0 }, 'the queue frame has the totals')
    const listed = frame.conversations.filter((c: { state: string }) => c.state === 'queued').length
    t.equal(listed, 100, 'and the first page')
    t.ok(JSON.stringify(frame).length < 100_000, `of ${Math.round(JSON.stringify(frame).length / 1024)} KB`)

    const polled = await httpFrom(
      '127.0.0.1',
      built.url,
      'GET',
      `/api/v1/visitor/events?conversation_id=${v.conversationId}&after=0&wait=false`,
      undefined,
      { 'x-resume-token': v.resumeToken }
    )
    t.match(polled.body.frames.at(-1), { type: 'state', queue_position: 601 }, 'over HTTP too')
  }
)
