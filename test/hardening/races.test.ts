import { randomBytes } from 'node:crypto'
import t from 'tap'
import { addOperator, build, connect, http, login } from '../server/helpers.js'
import { visitor } from './helpers.js'

t.test(
  '20 concurrent starts with one start_key over HTTP give one conversation, one token, one greeting',
  async (t) => {
    const built = await build(t)
    const key = randomBytes(16).toString('base64url')
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        http(built.url, 'POST', '/api/v1/visitor/frames', { type: 'hello', lang: 'en', start_key: key })
      )
    )
    t.same([...new Set(results.map((r) => r.status))], [200])
    const welcomes = results.map((r) => r.body.frames[0])
    t.equal(new Set(welcomes.map((w) => w.conversation_id)).size, 1, 'one conversation id')
    t.equal(new Set(welcomes.map((w) => w.resume_token)).size, 1, 'one resume token')
    t.equal((await built.store.listConversations({})).length, 1, 'one conversation stored')
    const { conversation_id: id, resume_token: token } = welcomes[0]
    const events = await http(
      built.url,
      'GET',
      `/api/v1/visitor/events?conversation_id=${id}&after=0&wait=false`,
      undefined,
      { 'x-resume-token': token }
    )
    t.equal(events.body.frames.filter((f: { kind?: string }) => f.kind === 'greeting').length, 1, 'greeted once')
    const other = await http(built.url, 'POST', '/api/v1/visitor/frames', {
      type: 'hello',
      start_key: randomBytes(16).toString('base64url'),
    })
    t.not(other.body.frames[0].conversation_id, id, 'another key starts another conversation')
    const short = await http(built.url, 'POST', '/api/v1/visitor/frames', { type: 'hello', start_key: 'guessable' })
    t.equal(short.status, 400, 'a short, guessable key is refused')
  }
)

t.test('10 concurrent websocket starts with one start_key share one conversation', async (t) => {
  const built = await build(t)
  const key = randomBytes(16).toString('base64url')
  const sockets = await Promise.all(Array.from({ length: 10 }, () => connect(t, `${built.wsUrl}/ws/visitor`)))
  for (const s of sockets) s.send({ type: 'hello', start_key: key })
  const welcomes = await Promise.all(sockets.map((s) => s.next((f) => f.type === 'welcome', 10_000)))
  t.equal(new Set(welcomes.map((w) => w.conversation_id)).size, 1)
  t.equal((await built.store.listConversations({})).length, 1)
})

t.test('10 concurrent sends with one client_id store one message and ack it ten times with one seq', async (t) => {
  const built = await build(t, { limits: { messagesPerMinute: 1000 } })
  const v = await visitor(t, built)
  const headers = { 'x-resume-token': v.resumeToken }
  const path = `/api/v1/visitor/frames?conversation_id=${v.conversationId}`
  const overHttp = Promise.all(
    Array.from({ length: 10 }, () =>
      http(built.url, 'POST', path, { type: 'text', client_id: 'same-1', text: 'where is my order?' }, headers)
    )
  )
  const resumed = await Promise.all(
    Array.from({ length: 10 }, () =>
      visitor(t, built, { conversation_id: v.conversationId, resume_token: v.resumeToken })
    )
  )
  for (const r of resumed) r.send({ type: 'text', client_id: 'same-2', text: 'and the invoice?' })
  const acks = await Promise.all(
    resumed.map((r) => r.next((f) => f.client_id === 'same-2' && (f.type === 'ack' || f.type === 'error'), 10_000))
  )
  const httpAcks = (await overHttp).map((r) => r.body.frames[0])
  t.same(
    [...new Set(httpAcks.map((f) => `${f.type}:${f.seq}`))].length,
    1,
    `HTTP: one answer ${JSON.stringify(httpAcks[0])}`
  )
  t.equal(httpAcks[0].type, 'ack')
  t.same(
    [...new Set(acks.map((f) => `${f.type}:${f.seq}`))].length,
    1,
    `websockets: one answer ${JSON.stringify(acks[0])}`
  )
  t.equal(acks[0]!.type, 'ack')
  const stored = await built.store.messagesAfter(v.conversationId, 0)
  t.equal(stored.filter((m) => m.clientId === 'same-1').length, 1, 'one message for client id same-1')
  t.equal(stored.filter((m) => m.clientId === 'same-2').length, 1, 'one message for client id same-2')
  t.same(
    stored.map((m) => m.seq),
    stored.map((_, i) => i + 1),
    'seqs without gaps'
  )
})

t.test('two operators claiming at once: exactly one owner, every time', async (t) => {
  const built = await build(t, { queue: { defaultCapacity: 20 } })
  await addOperator(built.store, { username: 'olga' })
  await addOperator(built.store, { username: 'pete' })
  await built.store.updateOperator('op-olga', { capacity: 20 })
  await built.store.updateOperator('op-pete', { capacity: 20 })
  const [olga, pete] = await Promise.all([login(built.url, 'olga'), login(built.url, 'pete')])
  for (let i = 0; i < 8; i++) {
    const v = await visitor(t, built)
    v.send({ type: 'handoff', client_id: 'h' })
    await v.next((f) => f.type === 'ack')
    const path = `/api/v1/conversations/${v.conversationId}/claim`
    const [a, b] = await Promise.all([olga.call('POST', path, {}), pete.call('POST', path, {})])
    t.same([a.status, b.status].sort(), [200, 409], `conversation ${i}: one 200, one 409`)
    const winner = a.status === 200 ? 'op-olga' : 'op-pete'
    t.equal(
      (await built.store.getConversation(v.conversationId))?.assignedTo,
      winner,
      'the stored owner is the one told so'
    )
    const assigned = (await built.store.messagesAfter(v.conversationId, 0)).filter((m) => m.kind === 'assigned')
    t.equal(assigned.length, 1, 'the visitor is told once')
  }
})
