import t from 'tap'
import { build, connect } from './helpers.js'

const isType = (type: string) => (f: Record<string, any>) => f.type === type

t.test('a new visitor gets a welcome with a resume token and the greeting in their language', async (t) => {
  const { wsUrl } = await build(t)
  const c = await connect(t, `${wsUrl}/ws/visitor`, { 'accept-language': 'es-ES,es;q=0.9,en;q=0.5' })
  c.send({ type: 'hello', name: 'Lucía' })
  const welcome = await c.next(isType('welcome'))
  t.equal(welcome.lang, 'es')
  t.equal(welcome.state, 'bot')
  t.ok(welcome.resume_token.length >= 40, 'a long random token')
  const greeting = await c.next(isType('message'))
  t.equal(greeting.seq, 1)
  t.equal(greeting.author, 'bot')
  t.match(greeting.text, /Lucía/)
  t.match(await c.next(isType('state')), { state: 'bot' })
})

t.test('an FAQ question is answered from the FAQ in Spanish and acknowledged after storing', async (t) => {
  const { wsUrl, store } = await build(t)
  const c = await connect(t, `${wsUrl}/ws/visitor`)
  c.send({ type: 'hello', lang: 'es' })
  const welcome = await c.next(isType('welcome'))
  c.send({ type: 'text', client_id: 'm1', text: '¿Cuánto tarda el envío a España?' })
  const ack = await c.next(isType('ack'))
  t.equal(ack.client_id, 'm1')
  const answer = await c.next((f) => f.type === 'message' && f.kind === 'answer')
  t.equal(answer.lang, 'es')
  t.equal(answer.entry_id, 'delivery-times-and-costs')
  t.match(answer.html, /<p>/)
  const stored = await store.messagesAfter(welcome.conversation_id, 0)
  t.ok(
    stored.some((m) => m.seq === ack.seq && m.clientId === 'm1'),
    'the acked seq is the stored visitor message'
  )
})

t.test('a resend with the same client id is acknowledged again and stored once', async (t) => {
  const { wsUrl, store } = await build(t)
  const c = await connect(t, `${wsUrl}/ws/visitor`)
  c.send({ type: 'hello', lang: 'en' })
  const { conversation_id: id } = await c.next(isType('welcome'))
  c.send({ type: 'text', client_id: 'same', text: 'Do you ship to Switzerland?' })
  c.send({ type: 'text', client_id: 'same', text: 'Do you ship to Switzerland?' })
  const [a, b] = [await c.next(isType('ack')), await c.next(isType('ack'))]
  t.equal(a.seq, b.seq)
  const visitor = (await store.messagesAfter(id, 0)).filter((m) => m.author === 'visitor')
  t.equal(visitor.length, 1)
})

t.test('a reconnecting visitor with last_seq gets exactly what came after it, in order', async (t) => {
  const { wsUrl } = await build(t)
  const first = await connect(t, `${wsUrl}/ws/visitor`)
  first.send({ type: 'hello', lang: 'en' })
  const welcome = await first.next(isType('welcome'))
  first.send({ type: 'text', client_id: 'q1', text: 'How do I return an item?' })
  await first.next(isType('ack'))
  await first.next((f) => f.type === 'message' && f.kind === 'feedback')
  first.ws.close()
  const second = await connect(t, `${wsUrl}/ws/visitor`)
  second.send({
    type: 'hello',
    conversation_id: welcome.conversation_id,
    resume_token: welcome.resume_token,
    last_seq: 1,
  })
  await second.next(isType('welcome'))
  const replay = []
  for (;;) {
    const f = await second.next((x) => x.type === 'message' || x.type === 'state')
    if (f.type === 'state') break
    replay.push(f.seq)
  }
  t.ok(replay.length >= 2)
  t.same(
    replay,
    replay.map((_, i) => i + 2),
    'seq 2, 3, ... with no gap or repeat'
  )
})

t.test('a wrong resume token gets an error and the socket is closed with 4403', async (t) => {
  const { wsUrl } = await build(t)
  const a = await connect(t, `${wsUrl}/ws/visitor`)
  a.send({ type: 'hello' })
  const welcome = await a.next(isType('welcome'))
  const b = await connect(t, `${wsUrl}/ws/visitor`)
  b.send({ type: 'hello', conversation_id: welcome.conversation_id, resume_token: 'guessed' })
  t.match(await b.next(isType('error')), { code: 'FD_ERR_NOT_FOUND' })
  t.equal((await b.closed).code, 4403)
  t.notOk(
    b.frames.some((f) => f.type === 'message'),
    'nothing of the conversation was sent'
  )
})

t.test('malformed frames get error frames and the connection keeps working', async (t) => {
  const { wsUrl } = await build(t)
  const c = await connect(t, `${wsUrl}/ws/visitor`)
  c.send({ type: 'hello', lang: 'it' })
  await c.next(isType('welcome'))
  c.send('not json')
  t.match(await c.next(isType('error')), { code: 'FD_ERR_FRAME_INVALID', message: /JSON/ })
  c.send({ type: 'text', client_id: 'x', text: { $ne: null } })
  t.match(await c.next(isType('error')), { message: /at text/ })
  c.send({ type: 'explode' })
  t.match(await c.next(isType('error')), { message: /unknown frame type/ })
  c.ws.send(Buffer.from([1, 2, 3]), { binary: true })
  t.match(await c.next(isType('error')), { message: /binary/ })
  c.send({ type: 'text', client_id: 'ok', text: 'Quali metodi di pagamento accettate?' })
  t.match(await c.next(isType('ack')), { client_id: 'ok' })
})

t.test('an oversize frame closes the socket with 1009 and other visitors are unaffected', async (t) => {
  const { wsUrl } = await build(t)
  const other = await connect(t, `${wsUrl}/ws/visitor`)
  other.send({ type: 'hello' })
  await other.next(isType('welcome'))
  const big = await connect(t, `${wsUrl}/ws/visitor`)
  big.send({ type: 'hello' })
  await big.next(isType('welcome'))
  big.send({ type: 'text', client_id: 'big', text: 'x'.repeat(20_000) })
  t.equal((await big.closed).code, 1009)
  other.send({ type: 'text', client_id: 'still', text: 'Where is my order?' })
  t.match(await other.next(isType('ack')), { client_id: 'still' })
})

t.test('a text over the configured length is refused with a clear error and nothing is stored', async (t) => {
  const { wsUrl, store } = await build(t, { maxTextLength: 100 })
  const c = await connect(t, `${wsUrl}/ws/visitor`)
  c.send({ type: 'hello' })
  const { conversation_id: id } = await c.next(isType('welcome'))
  c.send({ type: 'text', client_id: 'long', text: 'a'.repeat(101) })
  t.match(await c.next(isType('error')), { code: 'FD_ERR_TEXT_TOO_LONG', client_id: 'long' })
  t.equal((await store.messagesAfter(id, 0)).length, 1, 'only the greeting')
})

t.test('a frame before hello is refused; no hello in time closes with 4408', async (t) => {
  const { wsUrl } = await build(t, { limits: { helloTimeoutSeconds: 1 } })
  const c = await connect(t, `${wsUrl}/ws/visitor`)
  c.send({ type: 'text', client_id: 'early', text: 'hi' })
  t.match(await c.next(isType('error')), { code: 'FD_ERR_FRAME_UNEXPECTED' })
  t.equal((await c.closed).code, 4408)
})

t.test('a card number is removed before it is stored, and the visitor is told', async (t) => {
  const { wsUrl, store } = await build(t)
  const c = await connect(t, `${wsUrl}/ws/visitor`)
  c.send({ type: 'hello', lang: 'en' })
  const { conversation_id: id } = await c.next(isType('welcome'))
  c.send({ type: 'text', client_id: 'card', text: 'my card 4111 1111 1111 1111 was charged twice' })
  await c.next(isType('ack'))
  const notice = await c.next((f) => f.type === 'message' && f.kind === 'redacted')
  t.match(notice.text, /removed/)
  const stored = await store.messagesAfter(id, 0)
  t.notOk(
    stored.some((m) => m.text.includes('4111')),
    'the number is nowhere in the store'
  )
})

t.test('a page on a foreign origin cannot open the visitor websocket', async (t) => {
  const { wsUrl } = await build(t, { allowedOrigins: ['https://shop.example'] })
  await t.rejects(connect(t, `${wsUrl}/ws/visitor`, { origin: 'https://evil.example' }), /403/)
  const ok = await connect(t, `${wsUrl}/ws/visitor`, { origin: 'https://shop.example' })
  ok.send({ type: 'hello' })
  t.ok(await ok.next(isType('welcome')))
})

t.test('a visitor flooding messages is rate limited, then disconnected', async (t) => {
  const { wsUrl } = await build(t, { limits: { messagesPerMinute: 6 } })
  const c = await connect(t, `${wsUrl}/ws/visitor`)
  c.send({ type: 'hello' })
  await c.next(isType('welcome'))
  for (let i = 0; i < 30; i++) c.send({ type: 'text', client_id: `f${i}`, text: `spam ${i}` })
  t.match(await c.next((f) => f.type === 'error' && f.code === 'FD_ERR_RATE_LIMITED'), { client_id: /^f/ })
  t.equal((await c.closed).code, 4429)
})
