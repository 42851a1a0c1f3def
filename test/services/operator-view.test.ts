import t from 'tap'
import {
  conversationSummaries,
  conversationView,
  latestQuestion,
  operatorMessageView,
  operatorView,
} from '../../src/services/operator-view.js'
import { handedOver, services } from './helpers.js'

t.test('a queued conversation shows how long the visitor has waited, by the clock given', async (t) => {
  const s = await services(t)
  await s.addOperator({ username: 'marta' })
  const conv = await handedOver(s, 'es', 'Lucía')
  const view = conversationView(conv, s.clock() + 95_400)
  t.match(view, { id: conv.id, state: 'queued', lang: 'es', visitor_name: 'Lucía', waiting_seconds: 95 })
  t.equal(view.queued_at, new Date(s.clock()).toISOString())
  t.equal(conversationView(conv, s.clock() - 5000).waiting_seconds, 0, 'never negative')
})

t.test('an assigned conversation has no waiting time', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const conv = await handedOver(s)
  const claimed = await s.operators.claim(conv.id, marta)
  if (!claimed.ok) throw new Error(claimed.code)
  t.match(conversationView(claimed.conversation, s.clock() + 60_000), { waiting_seconds: null, assigned_to: marta.id })
})

t.test("the latest question is the visitor's last typed message, with the bot's guesses", async (t) => {
  const s = await services(t)
  const opened = await s.conversations.open({ type: 'hello', lang: 'en' })
  if (!opened.ok) throw new Error(opened.code)
  const id = opened.conversation.id
  await s.conversations.handle(id, { type: 'text', client_id: 't1', text: 'do you accept Google Pay' })
  await s.conversations.handle(id, { type: 'text', client_id: 't2', text: "how do I send back a lamp I don't like" })
  await s.conversations.handle(id, { type: 'handoff', client_id: 'h1' })
  const latest = latestQuestion(await s.store.messagesAfter(id, 0))
  t.equal(latest.question, "how do I send back a lamp I don't like")
  t.match(latest.guesses, [{ entryId: String, title: String, confidence: Number }])
})

t.test('a conversation without a typed question has no latest question', async (t) => {
  const s = await services(t)
  const conv = await handedOver(s)
  t.same(latestQuestion(await s.store.messagesAfter(conv.id, 0)), {})
})

t.test('summaries name the operator who has each conversation and the question where asked', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta', name: 'Marta Rossi' })
  const mine = await handedOver(s)
  await s.operators.claim(mine.id, marta)
  const waiting = await handedOver(s)
  await s.conversations.handle(waiting.id, { type: 'text', client_id: 't1', text: 'is my sofa on its way?' })
  const list = await s.store.listConversations({ states: ['assigned', 'queued'] })
  const rows = await conversationSummaries(s.store, list, s.clock(), (c) => c.state === 'queued')
  const byId = new Map(rows.map((r) => [r.id, r]))
  t.match(byId.get(mine.id), { assigned_name: 'Marta Rossi' })
  t.notOk('question' in (byId.get(mine.id) ?? {}), 'no question where not asked for')
  t.match(byId.get(waiting.id), { assigned_name: null, question: 'is my sofa on its way?' })
})

t.test("operators see every message's data, but HTML only for the bot's", async (t) => {
  const s = await services(t)
  const opened = await s.conversations.open({ type: 'hello', lang: 'ru' })
  if (!opened.ok) throw new Error(opened.code)
  await s.conversations.handle(opened.conversation.id, {
    type: 'text',
    client_id: 't1',
    text: 'сколько стоит доставка во Францию',
  })
  const [, question, answer] = (await s.store.messagesAfter(opened.conversation.id, 0)).map(operatorMessageView)
  t.match(question, { author: 'visitor', html: null, client_id: 't1', data: { triage: { decision: 'answer' } } })
  t.match(answer, { author: 'bot', html: /<p>/, entry_id: 'delivery-times-and-costs', lang: 'ru' })
})

t.test("the bot's guesses go to the console in snake_case", async (t) => {
  const s = await services(t)
  const conv = await handedOver(s)
  const guesses = [{ entryId: 'returns', title: 'How do I return an item?', confidence: 0.41 }]
  t.same(conversationView(conv, s.clock(), { guesses }).guesses, [
    { entry_id: 'returns', title: 'How do I return an item?', confidence: 0.41 },
  ])
})

t.test('a member of the team is shown without their password hash or lockout', async (t) => {
  const s = await services(t)
  const ivan = await s.addOperator({ username: 'ivan', name: 'Иван', langs: ['ru', 'en'], failedLogins: 2 })
  t.same(operatorView(ivan, true), {
    id: ivan.id,
    username: 'ivan',
    name: 'Иван',
    role: 'operator',
    langs: ['ru', 'en'],
    capacity: 3,
    online: true,
  })
  t.notOk('online' in operatorView(ivan))
})
