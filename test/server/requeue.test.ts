import t from 'tap'
import { addOperator, build, connect, login } from './helpers.js'

t.test('a silent operator is reminded, then the conversation goes back to the queue at its place', async (t) => {
  let now = Date.parse('2026-11-23T10:00:00Z')
  const { app, url, wsUrl, store } = await build(
    t,
    { queue: { remindAfterSeconds: 60, requeueAfterSeconds: 180 } },
    { clock: () => now }
  )
  await addOperator(store, { username: 'marta', langs: ['en'] })
  const marta = await login(url, 'marta')
  const console_ = await connect(t, `${wsUrl}/ws/operator`, { cookie: marta.cookie })
  console_.send({ type: 'hello' })
  await console_.next((f) => f.type === 'queue')

  const v = await connect(t, `${wsUrl}/ws/visitor`)
  v.send({ type: 'hello', lang: 'en' })
  const { conversation_id: id } = await v.next((f) => f.type === 'welcome')
  v.send({ type: 'handoff', client_id: 'h' })
  await v.next((f) => f.type === 'state' && f.state === 'queued')
  const queuedAt = (await store.getConversation(id))?.queuedAt
  now += 10_000
  await marta.call('POST', `/api/v1/conversations/${id}/claim`, {})
  await v.next((f) => f.type === 'state' && f.state === 'assigned')

  now += 61_000
  t.same(await app.frontdesk.operators.sweepSilent(), { reminded: [id], requeued: [] })
  t.match(await console_.next((f) => f.type === 'reminder'), { conversation_id: id })
  t.same(await app.frontdesk.operators.sweepSilent(), { reminded: [], requeued: [] }, 'reminded once')

  now += 120_000
  t.same(await app.frontdesk.operators.sweepSilent(), { reminded: [], requeued: [id] })
  t.match(await v.next((f) => f.type === 'state' && f.state === 'queued'), { queue_position: 1 })
  t.match(await store.getConversation(id), { state: 'queued', assignedTo: null, queuedAt })
})

t.test('an operator who answers in time keeps the conversation', async (t) => {
  let now = Date.parse('2026-11-23T10:00:00Z')
  const { app, url, wsUrl, store } = await build(t, {}, { clock: () => now })
  await addOperator(store, { username: 'marta', langs: ['en'] })
  const marta = await login(url, 'marta')
  const console_ = await connect(t, `${wsUrl}/ws/operator`, { cookie: marta.cookie })
  console_.send({ type: 'hello' })
  const v = await connect(t, `${wsUrl}/ws/visitor`)
  v.send({ type: 'hello', lang: 'en' })
  const { conversation_id: id } = await v.next((f) => f.type === 'welcome')
  v.send({ type: 'handoff', client_id: 'h' })
  await v.next((f) => f.type === 'state' && f.state === 'queued')
  await marta.call('POST', `/api/v1/conversations/${id}/claim`, {})
  now += 30_000
  await marta.call('POST', `/api/v1/conversations/${id}/messages`, { client_id: 'r', text: 'Hello! How can I help?' })
  now += 600_000
  t.same(await app.frontdesk.operators.sweepSilent(), { reminded: [], requeued: [] })
})
