import t from 'tap'
import type { Test } from 'tap'
import type { Decision } from '../../src/core/triage/engine.js'
import { createConversationService } from '../../src/services/conversations.js'
import { Hours, services, SundayEvening, type Services } from './helpers.js'

/** A new conversation, as the widget starts one; fails the test when it is refused. */
async function start (t: Test, s: Services, hello: Record<string, string> = {}, acceptLanguage?: string[]) {
  const opened = await s.conversations.open({ type: 'hello', ...hello }, { acceptLanguage, userAgent: 'Firefox' })
  if (!opened.ok) throw new Error(`not opened: ${opened.code}`)
  t.ok(opened.created)
  return opened
}

const text = (clientId: string, body: string) => ({ type: 'text' as const, client_id: clientId, text: body })

t.test('a new conversation is greeted by the bot in the language the widget asks for', async (t) => {
  const s = await services(t)
  const { conversation } = await start(t, s, { lang: 'it-IT', name: 'Giulia' })
  t.equal(conversation.lang, 'it')
  t.equal(conversation.state, 'bot')
  t.equal(conversation.visitorName, 'Giulia')
  const [greeting] = await s.conversations.messagesAfter(conversation.id, 0)
  t.match(greeting, { seq: 1, author: 'bot', kind: 'greeting', lang: 'it' })
  t.match(greeting?.text, /Ciao Giulia/)
})

t.test('a conversation takes the first browser language the FAQ has, else the default', async (t) => {
  const s = await services(t)
  t.equal((await start(t, s, {}, ['de', 'ru'])).conversation.lang, 'ru')
  const german = await start(t, s, {}, ['de-CH'])
  t.equal(german.conversation.lang, 'en')
  t.equal(german.conversation.browserLang, 'de', 'the browser language is kept as a hint')
})

t.test("a new conversation keeps the browser's hints, but the visitor id only as a hash", async (t) => {
  const s = await services(t)
  const { conversation } = await start(t, s, {
    lang: 'es-ES',
    visitor_id: 'visitor-7Hq2mZ9xLp4w',
    page_url: 'https://shop.example/es/sofas?color=azul',
  })
  t.match(conversation, {
    browserLang: 'es',
    userAgent: 'Firefox',
    pageUrl: 'https://shop.example/es/sofas?color=azul',
    visitorKey: /^[0-9a-f]{64}$/,
    createdAt: s.clock(),
  })
  t.notMatch(JSON.stringify(conversation), /7Hq2mZ9xLp4w/)
  const again = await start(t, s, { visitor_id: 'visitor-7Hq2mZ9xLp4w' })
  t.equal(again.conversation.visitorKey, conversation.visitorKey, 'the same visitor is recognised')
})

t.test('a start retried with the same start key opens the same conversation once', async (t) => {
  const s = await services(t)
  const first = await start(t, s, { start_key: 'k-7f3a9c2e1b' })
  const again = await s.conversations.open({ type: 'hello', start_key: 'k-7f3a9c2e1b' })
  t.match(again, { ok: true, created: false, resumeToken: first.resumeToken })
  t.equal(again.ok && again.conversation.id, first.conversation.id)
  t.equal((await s.conversations.messagesAfter(first.conversation.id, 0)).length, 1, 'one greeting')
})

t.test('a conversation resumes with its token and refuses a wrong one as not found', async (t) => {
  const s = await services(t)
  const { conversation, resumeToken } = await start(t, s)
  const resumed = await s.conversations.open({
    type: 'hello',
    conversation_id: conversation.id,
    resume_token: resumeToken,
  })
  t.match(resumed, { ok: true, created: false })
  const wrong = await s.conversations.open({ type: 'hello', conversation_id: conversation.id, resume_token: 'guess' })
  const unknown = await s.conversations.open({ type: 'hello', conversation_id: 'nope', resume_token: resumeToken })
  t.match(wrong, { ok: false, code: 'FD_ERR_NOT_FOUND' })
  t.same(unknown, wrong, 'a wrong id and a wrong token get the same answer')
})

t.test('a question the FAQ answers gets the answer and a "did this help?" prompt', async (t) => {
  const s = await services(t)
  const { conversation } = await start(t, s, { lang: 'en' })
  const outcome = await s.conversations.handle(conversation.id, text('c1', 'how long does delivery take'))
  t.same(outcome, { ok: true, seq: 2, duplicate: false })
  const [question, answer, prompt] = await s.conversations.messagesAfter(conversation.id, 1)
  t.match(question, { author: 'visitor', clientId: 'c1', data: { triage: { decision: 'answer' } } })
  t.match(answer, { author: 'bot', kind: 'answer', entryId: 'delivery-times-and-costs' })
  t.match(prompt, { author: 'bot', kind: 'feedback' })
  t.match(s.events, [{ type: 'message', conversationId: conversation.id, seq: 4 }])
})

t.test('a question close to several entries offers them as choices', async (t) => {
  const s = await services(t)
  const { conversation } = await start(t, s, { lang: 'en' })
  await s.conversations.handle(conversation.id, text('c1', "how do I send back a lamp I don't like"))
  const [, prompt] = await s.conversations.messagesAfter(conversation.id, 1)
  t.match(prompt, { author: 'bot', kind: 'clarify', data: { choices: [{ entryId: String }, { entryId: String }] } })
  t.equal((await s.conversations.get(conversation.id))?.state, 'bot', 'nobody is paged')
})

t.test('a question the FAQ cannot answer goes to a person', async (t) => {
  const s = await services(t)
  await s.addOperator({ username: 'marta' })
  const { conversation } = await start(t, s, { lang: 'en' })
  await s.conversations.handle(conversation.id, text('c1', 'what is the capital of France'))
  const [question] = await s.conversations.messagesAfter(conversation.id, 1)
  t.match(question?.data, { triage: { decision: 'escalate', reason: 'low_confidence' } })
  t.equal((await s.conversations.get(conversation.id))?.state, 'queued')
})

t.test('a question in another FAQ language is answered in that language', async (t) => {
  const s = await services(t)
  const { conversation } = await start(t, s, { lang: 'en' })
  await s.conversations.handle(conversation.id, text('c1', 'сколько стоит доставка во Францию'))
  const answer = (await s.conversations.messagesAfter(conversation.id, 0)).find((m) => m.kind === 'answer')
  t.match(answer, { lang: 'ru', entryId: 'delivery-times-and-costs' })
  t.equal((await s.conversations.get(conversation.id))?.lang, 'ru', 'the conversation follows the visitor')
})

t.test('a resent text with the same client id is acknowledged again and stored once', async (t) => {
  const s = await services(t)
  const { conversation } = await start(t, s, { lang: 'es' })
  const frame = text('c-42', '¿cuánto tarda el envío a España?')
  const first = await s.conversations.handle(conversation.id, frame)
  const events = s.events.length
  const resent = await s.conversations.handle(conversation.id, frame)
  t.same(resent, { ok: true, seq: first.ok ? first.seq : -1, duplicate: true })
  const stored = await s.conversations.messagesAfter(conversation.id, 0)
  t.equal(stored.filter((m) => m.clientId === 'c-42').length, 1)
  t.equal(stored.filter((m) => m.kind === 'answer').length, 1, 'the bot answered once')
  t.equal(s.events.length, events, 'a resend wakes nobody')
})

t.test('a text over the configured length is refused and nothing is stored', async (t) => {
  const s = await services(t, { maxTextLength: 100 })
  const { conversation } = await start(t, s)
  const outcome = await s.conversations.handle(conversation.id, text('c1', 'é'.repeat(101)))
  t.match(outcome, { ok: false, code: 'FD_ERR_TEXT_TOO_LONG' })
  t.equal((await s.conversations.get(conversation.id))?.lastSeq, 1)
})

t.test('a text with nothing visible in it is refused as empty', async (t) => {
  const s = await services(t)
  const { conversation } = await start(t, s)
  t.match(await s.conversations.handle(conversation.id, text('c1', ' \u200B\n\t ')), {
    ok: false,
    code: 'FD_ERR_TEXT_EMPTY',
  })
})

t.test('a frame for a conversation that does not exist is refused as not found', async (t) => {
  const s = await services(t)
  t.match(await s.conversations.handle('missing', text('c1', 'hello')), { ok: false, code: 'FD_ERR_NOT_FOUND' })
})

t.test('a card number is removed before the message is stored, and the visitor is told', async (t) => {
  const s = await services(t)
  const { conversation } = await start(t, s, { lang: 'en' })
  await s.conversations.handle(conversation.id, text('c1', 'my card 4111 1111 1111 1111 was declined'))
  const [question, notice] = await s.conversations.messagesAfter(conversation.id, 1)
  t.notMatch(question?.text, /4111/)
  t.match(question?.data, { redactions: 1 })
  t.match(notice, { author: 'system', kind: 'redacted' })
})

t.test('asking for a person queues the conversation with its place when an operator is online', async (t) => {
  const s = await services(t)
  await s.addOperator({ username: 'marta', langs: ['it'] })
  const { conversation } = await start(t, s, { lang: 'it' })
  await s.conversations.handle(conversation.id, text('c1', 'voglio parlare con un operatore'))
  const after = await s.conversations.get(conversation.id)
  t.match(after, { state: 'queued', queuedAt: s.clock() })
  const kinds = (await s.conversations.messagesAfter(conversation.id, 2)).map((m) => m.kind)
  t.same(kinds, ['escalate', 'queue'])
  t.match(s.events, [{ type: 'message' }, { type: 'conversation', conversationId: conversation.id }])
})

t.test('asking for a person with nobody online offers to leave a message', async (t) => {
  const s = await services(t)
  const { conversation } = await start(t, s, { lang: 'en' })
  await s.conversations.handle(conversation.id, { type: 'handoff', client_id: 'h1' })
  t.equal((await s.conversations.get(conversation.id))?.state, 'offline')
  const [ask, offline] = await s.conversations.messagesAfter(conversation.id, 1)
  t.match(ask, { author: 'visitor', kind: 'handoff', text: 'Talk to a person' })
  t.match(offline, { kind: 'offline' })
})

t.test('outside business hours an online operator is not paged and the visitor hears when people are back', async (t) => {
  const s = await services(t, { hours: Hours })
  s.clock.set(SundayEvening)
  await s.addOperator({ username: 'marta' })
  const { conversation } = await start(t, s, { lang: 'en' })
  await s.conversations.handle(conversation.id, { type: 'handoff', client_id: 'h1' })
  const after = await s.conversations.get(conversation.id)
  t.equal(after?.state, 'offline')
  const offline = (await s.conversations.messagesAfter(conversation.id, 0)).find((m) => m.kind === 'offline')
  t.match(offline?.text, /back tomorrow at 09:00/)
})

t.test('text typed while a person has the conversation is stored without a bot reply', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const { conversation } = await start(t, s, { lang: 'en' })
  await s.conversations.handle(conversation.id, { type: 'handoff', client_id: 'h1' })
  await s.operators.claim(conversation.id, marta)
  const before = (await s.conversations.get(conversation.id))?.lastSeq ?? 0
  s.clock.advance(5000)
  await s.conversations.handle(conversation.id, text('c2', 'how much is delivery to France'))
  const added = await s.conversations.messagesAfter(conversation.id, before)
  t.equal(added.length, 1)
  t.match(added[0], { author: 'visitor', data: null })
  t.equal((await s.conversations.get(conversation.id))?.lastVisitorAt, s.clock())
})

t.test('choosing an offered entry answers it with full confidence', async (t) => {
  const s = await services(t)
  const { conversation } = await start(t, s, { lang: 'en' })
  await s.conversations.handle(conversation.id, { type: 'choose', client_id: 'p1', entry_id: 'gift-cards' })
  const [choice, answer] = await s.conversations.messagesAfter(conversation.id, 1)
  t.match(choice, { author: 'visitor', kind: 'choice', data: { entryId: 'gift-cards' } })
  t.match(answer, { kind: 'answer', entryId: 'gift-cards', data: { confidence: 1 } })
})

t.test('choosing an entry that does not exist is stored without an answer', async (t) => {
  const s = await services(t)
  const { conversation } = await start(t, s, { lang: 'en' })
  await s.conversations.handle(conversation.id, { type: 'choose', client_id: 'p1', entry_id: 'no-such-entry' })
  const added = await s.conversations.messagesAfter(conversation.id, 1)
  t.match(added, [{ kind: 'choice', text: 'no-such-entry' }])
  t.equal(added.length, 1)
})

t.test('"yes, it helped" is recorded in the visitor\'s language and thanked for, and nobody is paged', async (t) => {
  const s = await services(t)
  const { conversation } = await start(t, s, { lang: 'es' })
  await s.conversations.handle(conversation.id, text('c1', '¿se puede pagar con Google Pay?'))
  const answer = (await s.conversations.messagesAfter(conversation.id, 0)).find((m) => m.kind === 'answer')
  const seq = answer?.seq ?? 0
  await s.conversations.handle(conversation.id, { type: 'feedback', client_id: 'f1', seq, helpful: true })
  const [said, thanks] = (await s.conversations.messagesAfter(conversation.id, 0)).slice(-2)
  t.match(said, { author: 'visitor', kind: 'feedback', data: { seq, helpful: true }, text: 'Sí, gracias' })
  t.match(thanks, { author: 'bot', kind: 'feedback_yes', lang: 'es' })
  t.equal((await s.conversations.get(conversation.id))?.state, 'bot')
})

t.test('a typed "no" after "did this help?" is feedback, and hands the conversation to a person', async (t) => {
  const s = await services(t)
  await s.addOperator({ username: 'marta', langs: ['it'] })
  const { conversation } = await start(t, s, { lang: 'it' })
  await s.conversations.handle(conversation.id, text('c1', 'quanto costa spedire in Francia'))
  const answer = (await s.conversations.messagesAfter(conversation.id, 0)).find((m) => m.kind === 'answer')
  t.ok(answer, 'answered')
  await s.conversations.handle(conversation.id, text('c2', 'no'))
  const said = (await s.conversations.messagesAfter(conversation.id, 0)).find((m) => m.clientId === 'c2')
  t.match(said, { kind: 'feedback', data: { seq: answer?.seq, helpful: false } })
  t.equal((await s.conversations.get(conversation.id))?.state, 'queued')
})

t.test('a greeting alone gets a short reply from the bot and pages nobody', async (t) => {
  const s = await services(t)
  await s.addOperator({ username: 'ivan', langs: ['ru'] })
  const { conversation } = await start(t, s, { lang: 'ru' })
  await s.conversations.handle(conversation.id, text('c1', 'Привет!'))
  const [, reply] = await s.conversations.messagesAfter(conversation.id, 1)
  t.match(reply, { author: 'bot', kind: 'smalltalk_greeting', lang: 'ru' })
  t.equal((await s.conversations.get(conversation.id))?.state, 'bot')
})

t.test('"no, it did not help" hands the conversation to a person', async (t) => {
  const s = await services(t)
  await s.addOperator({ username: 'marta' })
  const { conversation } = await start(t, s, { lang: 'en' })
  await s.conversations.handle(conversation.id, text('c1', 'do you accept Google Pay'))
  await s.conversations.handle(conversation.id, { type: 'feedback', client_id: 'f1', seq: 2, helpful: false })
  t.equal((await s.conversations.get(conversation.id))?.state, 'queued')
})

t.test('a message left offline is stored as a contact once, however often it is resent', async (t) => {
  const s = await services(t)
  const { conversation } = await start(t, s, { lang: 'en' })
  const frame = {
    type: 'contact' as const,
    client_id: 'm1',
    email: ' anna@example.com ',
    text: 'Please call me about order 1182',
    name: 'Anna',
  }
  t.match(await s.conversations.handle(conversation.id, frame), { ok: true, duplicate: false })
  t.match(await s.conversations.handle(conversation.id, frame), { ok: true, duplicate: true })
  const contacts = await s.store.listContacts({})
  t.match(contacts, [{ email: 'anna@example.com', conversationId: conversation.id, at: s.clock() }])
  t.equal(contacts.length, 1)
  t.match(await s.conversations.get(conversation.id), { state: 'offline', visitorName: 'Anna' })
})

t.test('a message left with an address that is not an e-mail is refused and not stored', async (t) => {
  const s = await services(t)
  const { conversation } = await start(t, s)
  const outcome = await s.conversations.handle(conversation.id, {
    type: 'contact',
    client_id: 'm1',
    email: 'anna at example',
    text: 'call me',
  })
  t.match(outcome, { ok: false, code: 'FD_ERR_EMAIL_INVALID' })
  t.same(await s.store.listContacts({}), [])
})

t.test('closing a conversation stamps the clock and asks for a rating', async (t) => {
  const s = await services(t)
  const { conversation } = await start(t, s, { lang: 'it' })
  s.clock.advance(90_000)
  await s.conversations.handle(conversation.id, { type: 'close', client_id: 'x1' })
  t.match(await s.conversations.get(conversation.id), { state: 'closed', closedAt: s.clock() })
  const kinds = (await s.conversations.messagesAfter(conversation.id, 1)).map((m) => m.kind)
  t.same(kinds, ['close', 'closed', 'csat'])
  await s.conversations.handle(conversation.id, { type: 'rating', client_id: 'r1', score: 4 })
  t.match((await s.conversations.messagesAfter(conversation.id, 0)).at(-1), { kind: 'rating', text: '★★★★' })
})

t.test('typing is published on the bus and stores nothing', async (t) => {
  const s = await services(t)
  const { conversation } = await start(t, s)
  s.conversations.typing(conversation.id)
  t.same(s.events, [{ type: 'typing', conversationId: conversation.id, author: 'visitor' }])
  t.equal((await s.conversations.get(conversation.id))?.lastSeq, 1)
})

t.test('a text that loses a race with an operator claim is decided again, without a bot reply', async (t) => {
  let race: (() => Promise<unknown>) | undefined
  const s = await services(t, {}, undefined, (store) => ({
    ...store,
    async appendMessages (...args) {
      // The operator's claim commits between the service's read and its write.
      const first = race
      race = undefined
      await first?.()
      return await store.appendMessages(...args)
    },
  }))
  const marta = await s.addOperator({ username: 'marta' })
  const { conversation } = await start(t, s, { lang: 'en' })
  race = () => s.store.updateConversation(conversation.id, { state: 'assigned', assignedTo: marta.id })
  const outcome = await s.conversations.handle(conversation.id, text('c1', 'how long does delivery take'))
  t.same(outcome, { ok: true, seq: 2, duplicate: false })
  const added = await s.conversations.messagesAfter(conversation.id, 1)
  t.match(added, [{ author: 'visitor', clientId: 'c1', data: null }])
  t.equal(added.length, 1, 'the bot does not answer over the operator')
})

t.test('a conversation that keeps changing under a frame refuses it as a conflict, storing nothing', async (t) => {
  const s = await services(t, {}, undefined, (store) => ({
    ...store,
    appendMessages: async (id, messages, patch, guard) =>
      guard === undefined ? await store.appendMessages(id, messages, patch) : undefined,
  }))
  const { conversation } = await start(t, s)
  t.match(await s.conversations.handle(conversation.id, text('c1', 'hello?')), {
    ok: false,
    code: 'FD_ERR_CONFLICT',
  })
  t.equal((await s.conversations.get(conversation.id))?.lastSeq, 1)
})

t.test('a configured redaction rule removes its pattern too', async (t) => {
  const s = await services(t, {
    redaction: [{ name: 'codice-fiscale', pattern: '[A-Z]{6}\\d{2}[A-Z]\\d{2}[A-Z]\\d{3}[A-Z]' }],
  })
  const { conversation } = await start(t, s, { lang: 'it' })
  await s.conversations.handle(conversation.id, text('c1', 'il mio codice fiscale è RSSMRA85T10A562S, serve?'))
  const [question] = await s.conversations.messagesAfter(conversation.id, 1)
  t.notMatch(question?.text, /RSSMRA85T10A562S/)
  t.match(question?.data, { redactions: 1 })
})

t.test('each bot decision is told to metrics once, however often its text is resent', async (t) => {
  const s = await services(t)
  const decisions: Decision[] = []
  const conversations = createConversationService({ ...s.deps, observe: { decision: (d) => decisions.push(d) } })
  const opened = await conversations.open({ type: 'hello', lang: 'es' })
  const id = opened.ok ? opened.conversation.id : ''
  const frame = text('c1', '¿se puede pagar con Google Pay?')
  await conversations.handle(id, frame)
  await conversations.handle(id, frame)
  t.match(decisions, [{ decision: 'answer', lang: 'es', entry: { id: 'payment-methods' } }])
  t.equal(decisions.length, 1)
})
