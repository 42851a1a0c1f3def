import t from 'tap'
import type { Test } from 'tap'
import { createController, type WidgetModel } from '../../src/web/widget/controller.js'
import type { WidgetOptions } from '../../src/web/widget/options.js'
import { createSessionStore } from '../../src/web/widget/session-store.js'
import { fakeServer, installBrowser, message, useFakeTimers, welcome } from './widget-fakes.js'

const Options: WidgetOptions = {
  base: 'https://support.example',
  lang: 'it-IT',
  position: 'right',
  colour: '#0b5f63',
  transport: 'auto',
}

/** The model is painted after the current task's changes: let them land. */
const settle = (): Promise<void> => new Promise((resolve) => queueMicrotask(resolve))

/**
 * A widget on a fake server. `storage` is what localStorage holds: pass the one of an
 * earlier widget to reload the page.
 */
function widget (t: Test, over: Partial<WidgetOptions> = {}, storage?: Map<string, string>) {
  const browser = installBrowser()
  for (const [key, value] of storage ?? []) browser.storage.set(key, value)
  const timers = useFakeTimers(t)
  const server = fakeServer()
  const paints: WidgetModel[] = []
  const store = createSessionStore(Options.base)
  const controller = createController({ ...Options, ...over }, store, (m) => paints.push(m), {
    openTransport: server.open,
  })
  return { controller, model: controller.model, server, timers, paints, storage: browser.storage }
}

/** A widget whose panel was opened and that the server welcomed. */
async function connected (t: Test, over: Partial<WidgetOptions> = {}) {
  const w = widget(t, over)
  w.controller.setVisible(true)
  w.server.current.push(welcome())
  w.server.current.push(message(1, { kind: 'greeting' }))
  await settle()
  return w
}

const texts = (sent: Record<string, unknown>[]) => sent.filter((f) => f.type === 'text')

t.test('a widget without a conversation does not connect until its panel opens', async (t) => {
  const w = widget(t)
  w.controller.boot()
  t.equal(w.server.opened.length, 0)
  w.controller.setVisible(true)
  t.equal(w.server.opened.length, 1)
  t.equal(w.model.connection, 'connecting')
})

t.test('the first hello starts a conversation in the page language, with a start key and visitor id', async (t) => {
  const w = widget(t, { visitorName: 'Giulia' })
  w.controller.setVisible(true)
  t.match(w.server.current.hello, {
    type: 'hello',
    lang: 'it-IT',
    page_url: 'https://shop.example/divani/milano',
    visitor_id: /^[A-Za-z0-9_-]{16,100}$/,
    start_key: /^[A-Za-z0-9_-]{22}$/,
    name: 'Giulia',
  })
  t.notOk('conversation_id' in w.server.current.hello)
})

t.test('a welcome opens the conversation, saves its resume token and shows the greeting', async (t) => {
  const w = await connected(t)
  t.match(w.model, { conversationId: 'c-0f5e', lang: 'it', state: { state: 'bot' }, connection: 'online', lastSeq: 1 })
  t.match(w.model.messages, [{ seq: 1, kind: 'greeting' }])
  const saved = JSON.parse(w.storage.get(`frontdesk:${Options.base}`) ?? '{}')
  t.match(saved, { conversationId: 'c-0f5e', resumeToken: 'token-Qm9uZ2lvcm5v', outbox: [] })
  t.ok(w.paints.length > 0, 'the view was told')
})

t.test('a text is sent with a fresh client id and shown as pending until its ack', async (t) => {
  const w = await connected(t)
  w.controller.submit({ type: 'text', text: 'quanto costa spedire in Francia' })
  w.controller.submit({ type: 'text', text: 'e in Spagna?' })
  await settle()
  const [first, second] = w.model.outbox
  t.match(first, { status: 'pending', frame: { type: 'text', client_id: /^text-/ } })
  t.match(second, { status: 'pending', frame: { type: 'text', text: 'e in Spagna?' } })
  t.not(first?.frame.client_id, second?.frame.client_id)
  t.match(texts(w.server.current.sent), [{ client_id: first?.frame.client_id, text: 'quanto costa spedire in Francia' }])
  w.server.current.push({ type: 'ack', client_id: first?.frame.client_id ?? '', seq: 2 })
  await settle()
  t.same(w.model.outbox, [second])
})

t.test('a new text does not send again the texts still waiting for their ack', async (t) => {
  const w = await connected(t)
  w.controller.submit({ type: 'text', text: 'quanto costa spedire in Francia' })
  w.controller.submit({ type: 'text', text: 'e in Spagna?' })
  w.controller.submit({ type: 'text', text: 'e in Portogallo?' })
  t.same(
    texts(w.server.current.sent).map((f) => f.text),
    ['quanto costa spedire in Francia', 'e in Spagna?', 'e in Portogallo?'],
    'each resend would count against the visitor\'s messages per minute'
  )
})

t.test('a text typed before the welcome waits and goes out once the server answers', async (t) => {
  const w = widget(t)
  w.controller.submit({ type: 'text', text: 'dove è il mio ordine?' })
  t.equal(w.server.opened.length, 1, 'submitting connects')
  t.same(w.server.current.sent, [])
  w.server.current.push(welcome())
  t.match(texts(w.server.current.sent), [{ text: 'dove è il mio ordine?' }])
})

t.test('the stored message with its client id acknowledges a frame whose ack was lost', async (t) => {
  const w = await connected(t)
  w.controller.submit({ type: 'text', text: 'ciao' })
  const [sent] = texts(w.server.current.sent)
  w.server.current.push(message(2, { author: 'visitor', text: 'ciao', client_id: String(sent?.client_id) }))
  await settle()
  t.same(w.model.outbox, [])
})

t.test('after a dropped connection the widget resumes with its last seq and resends what was not acked', async (t) => {
  const w = await connected(t)
  w.controller.submit({ type: 'text', text: 'avete la consegna al piano?' })
  const [lost] = texts(w.server.current.sent)
  w.server.current.drop(1006)
  await settle()
  t.equal(w.model.connection, 'reconnecting')
  w.timers.advance(500)
  t.equal(w.server.opened.length, 2, 'reconnected after the backoff')
  t.match(w.server.current.hello, { conversation_id: 'c-0f5e', resume_token: 'token-Qm9uZ2lvcm5v', last_seq: 1 })
  w.server.current.push(welcome({ last_seq: 1 }))
  t.same(
    texts(w.server.current.sent).map((f) => f.client_id),
    [lost?.client_id],
    'the same frame, with the same client id'
  )
})

t.test('messages replayed after a reconnect are not shown twice', async (t) => {
  const w = await connected(t)
  w.controller.submit({ type: 'text', text: 'avete la consegna al piano?' })
  const [sent] = texts(w.server.current.sent)
  const question = message(2, { author: 'visitor', text: 'avete la consegna al piano?', client_id: String(sent?.client_id) })
  w.server.current.push(question)
  w.server.current.drop(1001)
  w.timers.advance(300)
  w.server.current.push(welcome({ last_seq: 3 }))
  // The server stored the resend once and sends what came after the last seq; a stale repeat is ignored.
  w.server.current.push(question)
  w.server.current.push(message(3, { kind: 'answer', text: 'Sì, consegniamo al piano.' }))
  await settle()
  t.same(
    w.model.messages.map((m) => m.seq),
    [1, 2, 3]
  )
  t.same(w.model.outbox, [])
})

t.test('after a reload the widget resumes the saved conversation and resends the saved outbox', async (t) => {
  const before = await connected(t)
  before.controller.submit({ type: 'text', text: 'il divano arriva montato?' })
  before.controller.submit({ type: 'close' })
  const [pending] = texts(before.server.current.sent)
  const after = widget(t, {}, before.storage)
  after.controller.boot()
  t.equal(after.server.opened.length, 1, 'a saved conversation connects at once')
  const hello = after.server.current.hello
  t.match(hello, { conversation_id: 'c-0f5e', resume_token: 'token-Qm9uZ2lvcm5v' })
  t.notOk('last_seq' in hello, 'nothing shown yet: the whole history is asked for')
  after.server.current.push(welcome({ last_seq: 1 }))
  t.same(
    after.server.current.sent.map((f) => [f.type, f.client_id]),
    [['text', pending?.client_id]],
    'a pending close is not resent after a reload'
  )
})

t.test('a refused frame is shown as not sent, and is resent unchanged when retried', async (t) => {
  const w = await connected(t)
  w.controller.submit({ type: 'contact', email: 'giulia@example', text: 'richiamatemi' })
  const [sent] = w.server.current.sent
  const clientId = String(sent?.client_id)
  w.server.current.push({ type: 'error', code: 'FD_ERR_EMAIL_INVALID', message: 'bad', client_id: clientId })
  await settle()
  t.match(w.model.outbox, [{ status: 'failed', error: 'FD_ERR_EMAIL_INVALID' }])
  w.controller.retry(clientId)
  t.same(w.server.current.sent.at(-1), sent)
  await settle()
  t.match(w.model.outbox, [{ status: 'pending' }])
})

t.test('a refused frame can be discarded', async (t) => {
  const w = await connected(t)
  w.controller.submit({ type: 'text', text: 'x'.repeat(20) })
  const clientId = String(w.server.current.sent[0]?.client_id)
  w.server.current.push({ type: 'error', code: 'FD_ERR_TEXT_TOO_LONG', message: 'too long', client_id: clientId })
  w.controller.discard(clientId)
  await settle()
  t.same(w.model.outbox, [])
})

t.test('a visitor who sends too fast is asked to slow down, and the frame is resent later', async (t) => {
  const w = await connected(t)
  w.controller.submit({ type: 'text', text: 'ciao?' })
  const clientId = String(w.server.current.sent[0]?.client_id)
  w.server.current.push({ type: 'error', code: 'FD_ERR_RATE_LIMITED', message: 'slow down', client_id: clientId })
  await settle()
  t.equal(w.model.slowDown, true)
  t.match(w.model.outbox, [{ status: 'pending' }])
  w.timers.advance(8999)
  t.equal(texts(w.server.current.sent).length, 1)
  w.timers.advance(1)
  t.equal(texts(w.server.current.sent).length, 2)
  w.server.current.push({ type: 'ack', client_id: clientId, seq: 2 })
  await settle()
  t.equal(w.model.slowDown, false)
})

t.test('a connection that stops acknowledging is dropped and opened again', async (t) => {
  const w = await connected(t)
  w.controller.submit({ type: 'text', text: 'pronto?' })
  const silent = w.server.current
  w.timers.advance(11_999)
  t.equal(w.server.opened.length, 1)
  w.timers.advance(1)
  t.equal(silent.closedByClient, true)
  t.equal(w.server.opened.length, 2)
})

t.test('a saved conversation that is gone starts a new one and keeps what was typed', async (t) => {
  const w = await connected(t)
  w.controller.submit({ type: 'text', text: 'ci siete?' })
  w.controller.submit({ type: 'rating', score: 5 })
  const oldKey = w.server.opened[0]?.hello.start_key
  w.server.current.drop(4403)
  t.equal(w.server.opened.length, 2)
  const hello = w.server.current.hello
  t.notOk('conversation_id' in hello)
  t.ok(hello.start_key !== undefined && hello.start_key !== oldKey, 'a new start key')
  await settle()
  t.same(w.model.messages, [])
  t.match(w.model.outbox, [{ frame: { type: 'text', text: 'ci siete?' } }])
  t.equal(w.model.outbox.length, 1)
})

t.test('the operator typing shows for a few seconds, or until their message arrives', async (t) => {
  const w = await connected(t)
  w.server.current.push({ type: 'typing', author: 'operator' })
  await settle()
  t.equal(w.model.operatorTyping, true)
  w.timers.advance(6000)
  await settle()
  t.equal(w.model.operatorTyping, false)
  w.server.current.push({ type: 'typing', author: 'operator' })
  w.server.current.push(message(2, { author: 'operator', text: 'Eccomi!', operator_name: 'Marta' }))
  await settle()
  t.equal(w.model.operatorTyping, false)
})

t.test('messages that arrive while the panel is closed are counted as unread until it opens', async (t) => {
  const w = widget(t)
  w.controller.setVisible(true)
  w.server.current.push(welcome({ last_seq: 2 }))
  w.server.current.push(message(1))
  w.server.current.push(message(2, { author: 'visitor', text: 'ciao' }))
  w.controller.setVisible(false)
  w.server.current.push(message(3, { author: 'operator', text: 'Buongiorno!' }))
  w.server.current.push(message(4, { author: 'visitor', text: 'grazie' }))
  await settle()
  t.equal(w.model.unread, 1, 'only new messages from the team')
  w.controller.setVisible(true)
  await settle()
  t.equal(w.model.unread, 0)
})

t.test('the visitor typing is told to a person at most every three seconds, never to the bot', async (t) => {
  const w = await connected(t)
  w.controller.typing()
  t.same(w.server.current.sent, [], 'the bot does not need to know')
  w.server.current.push({ type: 'state', state: 'assigned', operator_name: 'Marta' })
  w.controller.typing()
  w.controller.typing()
  w.timers.advance(3000)
  w.controller.typing()
  t.same(w.server.current.sent, [{ type: 'typing' }, { type: 'typing' }])
})

t.test('a new chat forgets the conversation and starts another', async (t) => {
  const w = await connected(t)
  w.controller.newChat()
  await settle()
  t.equal(w.model.conversationId, undefined)
  t.same(w.model.messages, [])
  t.equal(w.server.opened[0]?.closedByClient, true)
  t.notOk('conversation_id' in w.server.current.hello)
  t.same(JSON.parse(w.storage.get(`frontdesk:${Options.base}`) ?? '{}'), { outbox: [] }, 'no conversation saved')
})
