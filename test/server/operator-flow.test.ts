import t, { type Test } from 'tap'
import { addOperator, build, connect, http, login } from './helpers.js'

const isType = (type: string) => (f: Record<string, any>) => f.type === type

async function setup (t: Test) {
  const built = await build(t)
  await addOperator(built.store, { username: 'marta', name: 'Marta', langs: ['es', 'en'] })
  await addOperator(built.store, { username: 'ivan', name: 'Ivan', langs: ['ru'] })
  const marta = await login(built.url, 'marta')
  const ivan = await login(built.url, 'ivan')
  const console_ = await connect(t, `${built.wsUrl}/ws/operator`, { cookie: marta.cookie })
  console_.send({ type: 'hello' })
  await console_.next(isType('queue'))
  return { ...built, marta, ivan, console_ }
}

async function escalatedVisitor (t: Test, wsUrl: string) {
  const v = await connect(t, `${wsUrl}/ws/visitor`)
  v.send({ type: 'hello', lang: 'es', name: 'Lucía' })
  const welcome = await v.next(isType('welcome'))
  v.send({ type: 'text', client_id: 'q1', text: 'Quiero hablar con una persona, por favor' })
  await v.next(isType('ack'))
  const queued = await v.next((f) => f.type === 'state' && f.state === 'queued')
  return { v, welcome, queued }
}

t.test('a visitor who asks for a person is queued with a position and an estimate', async (t) => {
  const { wsUrl } = await setup(t)
  const { queued } = await escalatedVisitor(t, wsUrl)
  t.equal(queued.queue_position, 1)
  t.type(queued.eta_seconds, 'number')
})

t.test('with no operator online the visitor is offered the offline form instead of a queue', async (t) => {
  const { wsUrl } = await build(t)
  const v = await connect(t, `${wsUrl}/ws/visitor`)
  v.send({ type: 'hello', lang: 'en' })
  await v.next(isType('welcome'))
  v.send({ type: 'handoff', client_id: 'h1' })
  await v.next(isType('ack'))
  t.ok(await v.next((f) => f.type === 'state' && f.state === 'offline'))
  t.ok(await v.next((f) => f.type === 'message' && f.kind === 'offline'))
  v.send({ type: 'contact', client_id: 'c1', email: 'lucia@example.es', text: 'Please call me about order RH-1042' })
  t.match(await v.next(isType('ack')), { client_id: 'c1' })
})

t.test('an operator sees the queued question, claims it, and the visitor learns who took it', async (t) => {
  const { wsUrl, marta, console_ } = await setup(t)
  const { v, welcome } = await escalatedVisitor(t, wsUrl)
  const queue = await console_.next((f) => f.type === 'queue' && f.conversations.length > 0)
  t.match(queue.conversations[0], {
    id: welcome.conversation_id,
    state: 'queued',
    lang: 'es',
    visitor_name: 'Lucía',
    question: /persona/,
  })
  const list = await marta.call('GET', '/api/v1/conversations?state=queued')
  t.equal(list.status, 200)
  t.equal(list.body.conversations[0].id, welcome.conversation_id)
  const claim = await marta.call('POST', `/api/v1/conversations/${welcome.conversation_id}/claim`, {})
  t.equal(claim.status, 200)
  t.match(await v.next((f) => f.type === 'state' && f.state === 'assigned'), { operator_name: 'Marta' })
  t.ok(await v.next((f) => f.type === 'message' && f.kind === 'assigned'))
})

t.test('two operators claiming at once: exactly one owns the conversation', async (t) => {
  const { wsUrl, marta, ivan } = await setup(t)
  const { welcome } = await escalatedVisitor(t, wsUrl)
  const path = `/api/v1/conversations/${welcome.conversation_id}/claim`
  const results = await Promise.all([
    marta.call('POST', path, {}),
    ivan.call('POST', path, {}),
    marta.call('POST', path, {}),
  ])
  t.same(results.map((r) => r.status).sort(), [200, 409, 409])
})

t.test('the operator replies and the visitor receives it as an operator message', async (t) => {
  const { wsUrl, marta } = await setup(t)
  const { v, welcome } = await escalatedVisitor(t, wsUrl)
  await marta.call('POST', `/api/v1/conversations/${welcome.conversation_id}/claim`, {})
  const reply = await marta.call('POST', `/api/v1/conversations/${welcome.conversation_id}/messages`, {
    client_id: 'r1',
    text: '¡Hola Lucía! Te ayudo con tu pedido.',
  })
  t.equal(reply.status, 200)
  const again = await marta.call('POST', `/api/v1/conversations/${welcome.conversation_id}/messages`, {
    client_id: 'r1',
    text: '¡Hola Lucía! Te ayudo con tu pedido.',
  })
  t.equal(again.body.seq, reply.body.seq, 'a resend is the same message')
  t.match(await v.next((f) => f.type === 'message' && f.author === 'operator'), {
    text: '¡Hola Lucía! Te ayudo con tu pedido.',
    operator_name: 'Marta',
  })
  v.send({ type: 'text', client_id: 'q2', text: '¿Cuánto cuesta el envío a España?' })
  const ack = await v.next((f) => f.type === 'ack' && f.client_id === 'q2')
  await v.next((f) => f.type === 'message' && f.seq === ack.seq)
  // A later message's echo comes after anything the bot would have said to this one.
  v.send({ type: 'text', client_id: 'q3', text: 'Gracias' })
  const later = await v.next((f) => f.type === 'ack' && f.client_id === 'q3')
  await v.next((f) => f.type === 'message' && f.seq === later.seq)
  t.notOk(
    v.frames.some((f) => f.type === 'message' && (f as any).author === 'bot' && (f as any).seq > ack.seq),
    'the bot stays quiet while a person has it, even for an FAQ question'
  )
})

t.test('an operator who does not own a conversation cannot reply to it', async (t) => {
  const { wsUrl, marta, ivan } = await setup(t)
  const { welcome } = await escalatedVisitor(t, wsUrl)
  await marta.call('POST', `/api/v1/conversations/${welcome.conversation_id}/claim`, {})
  const r = await ivan.call('POST', `/api/v1/conversations/${welcome.conversation_id}/messages`, {
    client_id: 'x',
    text: 'hi',
  })
  t.equal(r.status, 409)
})

t.test('state-changing calls without the CSRF token or without a session are refused', async (t) => {
  const { wsUrl, url, marta } = await setup(t)
  const { welcome } = await escalatedVisitor(t, wsUrl)
  const path = `/api/v1/conversations/${welcome.conversation_id}/claim`
  t.match(await http(url, 'POST', path, {}, { cookie: marta.cookie }), { status: 403, body: { code: 'FD_ERR_CSRF' } })
  t.match(await http(url, 'POST', path, {}, { cookie: marta.cookie, 'x-csrf-token': 'forged' }), { status: 403 })
  t.match(await http(url, 'POST', path, {}), { status: 401, body: { code: 'FD_ERR_UNAUTHENTICATED' } })
  t.match(await http(url, 'GET', `/api/v1/conversations/${welcome.conversation_id}`), { status: 401 })
})

t.test("the transcript shows the bot's evidence to operators but never to visitors", async (t) => {
  const { wsUrl, marta } = await setup(t)
  const { v, welcome } = await escalatedVisitor(t, wsUrl)
  const transcript = await marta.call('GET', `/api/v1/conversations/${welcome.conversation_id}`)
  const question = transcript.body.messages.find((m: any) => m.client_id === 'q1')
  t.match(question.data.triage, { decision: 'escalate', reason: 'asked_for_person', lang: 'es' })
  t.notOk(
    v.frames.some((f) => 'data' in f),
    'no frame to the visitor carries data'
  )
})

t.test('closing asks the visitor for a rating, which is stored', async (t) => {
  const { wsUrl, marta } = await setup(t)
  const { v, welcome } = await escalatedVisitor(t, wsUrl)
  await marta.call('POST', `/api/v1/conversations/${welcome.conversation_id}/claim`, {})
  t.equal((await marta.call('POST', `/api/v1/conversations/${welcome.conversation_id}/close`, {})).status, 200)
  t.ok(await v.next((f) => f.type === 'state' && f.state === 'closed'))
  t.ok(await v.next((f) => f.type === 'message' && f.kind === 'csat'))
  v.send({ type: 'rating', client_id: 'r', score: 5 })
  t.ok(await v.next((f) => f.type === 'ack' && f.client_id === 'r'))
})

t.test('the operator websocket streams a watched conversation and sends replies with acks', async (t) => {
  const { wsUrl, marta, console_ } = await setup(t)
  const { v, welcome } = await escalatedVisitor(t, wsUrl)
  await marta.call('POST', `/api/v1/conversations/${welcome.conversation_id}/claim`, {})
  console_.send({ type: 'watch', conversation_id: welcome.conversation_id, last_seq: 0 })
  t.match(await console_.next((f) => f.type === 'message' && f.client_id === 'q1'), {
    author: 'visitor',
    data: { triage: { reason: 'asked_for_person' } },
  })
  v.send({ type: 'typing' })
  t.ok(await console_.next((f) => f.type === 'typing' && f.author === 'visitor'))
  console_.send({ type: 'text', client_id: 'w1', conversation_id: welcome.conversation_id, text: 'Ciao! Sono qui.' })
  t.match(await console_.next(isType('ack')), { client_id: 'w1' })
  t.ok(await v.next((f) => f.type === 'message' && f.text === 'Ciao! Sono qui.'))
})

t.test('an operator websocket without a session, or from another origin, is refused', async (t) => {
  const { wsUrl, marta } = await setup(t)
  await t.rejects(connect(t, `${wsUrl}/ws/operator`), /401/)
  await t.rejects(connect(t, `${wsUrl}/ws/operator`, { cookie: marta.cookie, origin: 'https://evil.example' }), /403/)
})

t.test('a wrong password is refused and repeated failures lock the account', async (t) => {
  const built = await build(t, { auth: { maxFailures: 3 } })
  await addOperator(built.store, { username: 'anna' })
  const tries = await Promise.all(
    Array.from({ length: 10 }, () =>
      http(built.url, 'POST', '/api/v1/auth/login', { username: 'anna', password: 'wrong password!' })
    )
  )
  t.ok(tries.every((r) => r.status === 401))
  t.match(
    await http(built.url, 'POST', '/api/v1/auth/login', { username: 'anna', password: 'correct horse battery' }),
    { status: 401 },
    'locked even with the right password'
  )
})

t.test('a waiting visitor sees their place move up when someone ahead is taken', async (t) => {
  const { wsUrl, marta } = await setup(t)
  const first = await escalatedVisitor(t, wsUrl)
  const second = await escalatedVisitor(t, wsUrl)
  t.equal(second.queued.queue_position, 2)
  await marta.call('POST', `/api/v1/conversations/${first.welcome.conversation_id}/claim`, {})
  t.ok(await second.v.next((f) => f.type === 'state' && f.state === 'queued' && f.queue_position === 1))
})

t.test('with auto-assignment a queued visitor goes to a free operator who speaks their language', async (t) => {
  const built = await build(t, { queue: { autoAssign: true } })
  await addOperator(built.store, { username: 'anna', name: 'Anna', langs: ['en'] })
  await addOperator(built.store, { username: 'pablo', name: 'Pablo', langs: ['es'] })
  for (const name of ['anna', 'pablo']) {
    const s = await login(built.url, name)
    const c = await connect(t, `${built.wsUrl}/ws/operator`, { cookie: s.cookie })
    c.send({ type: 'hello' })
    await c.next(isType('queue'))
  }
  const v = await connect(t, `${built.wsUrl}/ws/visitor`)
  v.send({ type: 'hello', lang: 'es' })
  await v.next(isType('welcome'))
  v.send({ type: 'handoff', client_id: 'h' })
  t.match(await v.next((f) => f.type === 'state' && f.state === 'assigned', 5000), { operator_name: 'Pablo' })
})
