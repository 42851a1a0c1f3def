import t from 'tap'
import { addOperator, build, connect, http, login } from './helpers.js'

const metric = (body: string, name: string): number | undefined => {
  const line = body.split('\n').find((l) => l.startsWith(`${name} `))
  return line === undefined ? undefined : Number(line.slice(name.length + 1))
}

t.test('the live gauges show the queue, its oldest wait, operators online and conversations by state', async (t) => {
  let now = Date.parse('2026-03-02T09:00:00Z')
  const { url, wsUrl, store } = await build(t, {}, { clock: () => now })
  await addOperator(store, { username: 'marta', langs: ['en'] })
  const marta = await login(url, 'marta')
  const console_ = await connect(t, `${wsUrl}/ws/operator`, { cookie: marta.cookie })
  console_.send({ type: 'hello' })
  await console_.next((f) => f.type === 'queue')
  const idle = await connect(t, `${wsUrl}/ws/visitor`)
  idle.send({ type: 'hello', lang: 'en' })
  await idle.next((f) => f.type === 'welcome')
  const v = await connect(t, `${wsUrl}/ws/visitor`)
  v.send({ type: 'hello', lang: 'en' })
  await v.next((f) => f.type === 'welcome')
  v.send({ type: 'handoff', client_id: 'h' })
  await v.next((f) => f.type === 'state' && f.state === 'queued')
  now += 45_000
  const { body } = await http(url, 'GET', '/metrics')
  t.equal(metric(body, 'frontdesk_queue_length'), 1)
  t.equal(metric(body, 'frontdesk_queue_oldest_wait_seconds'), 45)
  t.equal(metric(body, 'frontdesk_operators_online'), 1)
  t.equal(metric(body, 'frontdesk_conversations{state="queued"}'), 1)
  t.equal(metric(body, 'frontdesk_conversations{state="bot"}'), 1, 'the idle visitor is still with the bot')
  t.equal(metric(body, 'frontdesk_conversations_started_total'), 2)
  t.equal(metric(body, 'frontdesk_visitor_actions_total{action="handoff"}'), 1)
})

t.test('the counters count visitor feedback, offline messages, ratings and operator actions once each', async (t) => {
  const { url, wsUrl, store } = await build(t)
  await addOperator(store, { username: 'marta', langs: ['en'] })
  const marta = await login(url, 'marta')
  const console_ = await connect(t, `${wsUrl}/ws/operator`, { cookie: marta.cookie })
  console_.send({ type: 'hello' })
  await console_.next((f) => f.type === 'queue')
  const v = await connect(t, `${wsUrl}/ws/visitor`)
  v.send({ type: 'hello', lang: 'en' })
  const { conversation_id: id } = await v.next((f) => f.type === 'welcome')
  v.send({ type: 'feedback', client_id: 'f', seq: 1, helpful: false })
  await v.next((f) => f.type === 'state' && f.state === 'queued')
  t.equal((await marta.call('POST', `/api/v1/conversations/${id}/claim`, {})).status, 200)
  t.equal(
    (await marta.call('POST', `/api/v1/conversations/${id}/messages`, { client_id: 'r', text: 'Hi!' })).status,
    200
  )
  t.equal(
    (await marta.call('POST', `/api/v1/conversations/${id}/messages`, { client_id: 'r', text: 'Hi!' })).status,
    200,
    'a resend'
  )
  t.equal((await marta.call('POST', `/api/v1/conversations/${id}/close`, {})).status, 200)
  t.equal((await marta.call('POST', `/api/v1/conversations/${id}/close`, {})).status, 409, 'refused: not counted')
  for (const clientId of ['s', 's']) {
    v.send({ type: 'rating', client_id: clientId, score: 5 })
    await v.next((f) => f.type === 'ack' && f.client_id === clientId)
  }
  const { body } = await http(url, 'GET', '/metrics')
  t.equal(metric(body, 'frontdesk_visitor_actions_total{action="feedback_no"}'), 1)
  t.equal(metric(body, 'frontdesk_ratings_total{score="5"}'), 1, 'a resent rating counts once')
  t.equal(metric(body, 'frontdesk_operator_actions_total{action="claim"}'), 1)
  t.equal(metric(body, 'frontdesk_operator_actions_total{action="reply"}'), 1)
  t.equal(metric(body, 'frontdesk_operator_actions_total{action="close"}'), 1)
})
