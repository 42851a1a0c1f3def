import t, { type Test } from 'tap'
import { addOperator, build, connect, login, type Client } from '../server/helpers.js'
import { httpFrom, sendText, visitor, type Visitor } from './helpers.js'

/** A visitor queued and claimed by marta, whose console watches it; ivan is another operator online. */
async function claimed (t: Test) {
  const built = await build(t, { limits: { messagesPerMinute: 1000 } })
  await addOperator(built.store, { username: 'marta', name: 'Marta' })
  await addOperator(built.store, { username: 'ivan', name: 'Ivan' })
  const marta = await login(built.url, 'marta')
  const ivan = await login(built.url, 'ivan')
  const consoles: Client[] = []
  for (const session of [marta, ivan]) {
    const c = await connect(t, `${built.wsUrl}/ws/operator`, { cookie: session.cookie })
    c.send({ type: 'hello' })
    await c.next((f) => f.type === 'queue')
    consoles.push(c)
  }
  const v = await visitor(t, built)
  v.send({ type: 'handoff', client_id: 'h' })
  await v.next((f) => f.type === 'state' && f.state === 'queued')
  t.equal((await marta.call('POST', `/api/v1/conversations/${v.conversationId}/claim`, {})).status, 200)
  await v.next((f) => f.type === 'state' && f.state === 'assigned')
  const [martaConsole, ivanConsole] = consoles as [Client, Client]
  martaConsole.send({ type: 'watch', conversation_id: v.conversationId })
  return { built, v, marta, ivan, martaConsole, ivanConsole }
}

/** Frames of `type` that came before the first frame matching `marker`. */
function before (c: Client, type: string, marker: (f: Record<string, any>) => boolean): number {
  const end = c.frames.findIndex(marker)
  return c.frames.slice(0, end === -1 ? undefined : end).filter((f) => f.type === type).length
}

const typingOf = (c: Client | Visitor) => c.frames.filter((f) => f.type === 'typing').length

t.test("a visitor's typing flood reaches the operator at most once a second", async (t) => {
  const { v, martaConsole } = await claimed(t)
  const start = Date.now()
  for (let i = 0; i < 5000; i++) v.send({ type: 'typing' })
  // Frames are handled in order: once this is acknowledged, every typing frame was handled.
  t.equal((await sendText(v, 'after', 'are you there?')).type, 'ack')
  const marker = (f: Record<string, any>) => f.type === 'message' && f.client_id === 'after'
  await martaConsole.next(marker, 10_000)
  const seconds = (Date.now() - start) / 1000
  const forwarded = before(martaConsole, 'typing', marker)
  t.ok(forwarded >= 1, 'the operator sees that the visitor types')
  t.ok(
    forwarded <= Math.ceil(seconds) + 1,
    `5,000 typing frames in ${seconds.toFixed(1)} s became ${forwarded} typing frames for the console`
  )
})

t.test("over HTTP too, a visitor's typing reaches the operator at most once a second", async (t) => {
  const { built, v, martaConsole } = await claimed(t)
  const start = Date.now()
  const headers = { 'x-resume-token': v.resumeToken }
  const path = `/api/v1/visitor/frames?conversation_id=${v.conversationId}`
  for (let i = 0; i < 60; i++) await httpFrom('127.0.0.1', built.url, 'POST', path, { type: 'typing' }, headers)
  t.equal((await sendText(v, 'after', 'are you there?')).type, 'ack')
  const marker = (f: Record<string, any>) => f.type === 'message' && f.client_id === 'after'
  await martaConsole.next(marker, 10_000)
  const seconds = (Date.now() - start) / 1000
  const forwarded = before(martaConsole, 'typing', marker)
  t.ok(
    forwarded >= 1 && forwarded <= Math.ceil(seconds) + 1,
    `60 typing requests in ${seconds.toFixed(1)} s became ${forwarded}`
  )
})

t.test("an operator's typing flood reaches the visitor at most once a second", async (t) => {
  const { v, martaConsole, marta } = await claimed(t)
  const start = Date.now()
  for (let i = 0; i < 5000; i++) martaConsole.send({ type: 'typing', conversation_id: v.conversationId })
  martaConsole.send({ type: 'text', client_id: 'reply', conversation_id: v.conversationId, text: 'Hello!' })
  await martaConsole.next((f) => f.type === 'ack' && f.client_id === 'reply', 20_000)
  // The visitor's copy of an operator's message carries no client id: found by author and text.
  const marker = (f: Record<string, any>) => f.type === 'message' && f.author === 'operator' && f.text === 'Hello!'
  await v.next(marker, 10_000)
  const seconds = (Date.now() - start) / 1000
  const forwarded = before(v, 'typing', marker)
  t.ok(forwarded >= 1, 'the visitor sees that the operator types')
  t.ok(forwarded <= Math.ceil(seconds) + 1, `5,000 typing frames in ${seconds.toFixed(1)} s became ${forwarded}`)
  t.ok(marta.cookie !== '', 'the owner stays logged in')
})

t.test('an operator who does not own the conversation cannot send typing to its visitor', async (t) => {
  const { v, ivanConsole, martaConsole } = await claimed(t)
  ivanConsole.send({ type: 'typing', conversation_id: v.conversationId })
  t.match(await ivanConsole.next((f) => f.type === 'error'), { code: 'FD_ERR_FORBIDDEN' })
  // The owner's reply comes after ivan's typing on the bus: had it been forwarded, it would be first.
  martaConsole.send({ type: 'text', client_id: 'reply', conversation_id: v.conversationId, text: 'Hello!' })
  await v.next((f) => f.type === 'message' && f.author === 'operator' && f.text === 'Hello!')
  t.equal(typingOf(v), 0, 'the visitor saw no typing indicator')
})
