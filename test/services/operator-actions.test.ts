import t from 'tap'
import { handedOver, services } from './helpers.js'

t.test('claiming a queued conversation assigns it and tells the visitor who it is', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta', name: 'Marta Rossi', langs: ['it'] })
  const conv = await handedOver(s, 'it')
  s.clock.advance(30_000)
  const claimed = await s.operators.claim(conv.id, marta)
  t.match(claimed, { ok: true, conversation: { state: 'assigned', assignedTo: marta.id, assignedAt: s.clock() } })
  t.equal(claimed.ok && claimed.conversation.queuedAt, conv.queuedAt, 'the place in the queue is kept')
  const notice = (await s.store.messagesAfter(conv.id, conv.lastSeq)).at(-1)
  t.match(notice, { author: 'system', kind: 'assigned', lang: 'it' })
  t.match(notice?.text, /Marta Rossi/)
  t.match(s.events.slice(-2), [{ type: 'message' }, { type: 'conversation', conversationId: conv.id }])
})

t.test('an offline conversation can be claimed too, and is queued from the moment of the claim', async (t) => {
  const s = await services(t)
  const conv = await handedOver(s)
  t.equal(conv.state, 'offline')
  const marta = await s.addOperator({ username: 'marta' })
  s.clock.advance(60_000)
  t.match(await s.operators.claim(conv.id, marta), { ok: true, conversation: { queuedAt: s.clock() } })
})

t.test('a second operator cannot claim a conversation someone else took', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const luca = await s.addOperator({ username: 'luca' })
  const conv = await handedOver(s)
  await s.operators.claim(conv.id, marta)
  t.same(await s.operators.claim(conv.id, luca), {
    ok: false,
    code: 'FD_ERR_CONFLICT',
    message: 'someone else took it already',
  })
  t.equal((await s.store.getConversation(conv.id))?.assignedTo, marta.id)
})

t.test('of two operators claiming at the same moment, exactly one gets the conversation', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const luca = await s.addOperator({ username: 'luca' })
  const conv = await handedOver(s)
  const results = await Promise.all([s.operators.claim(conv.id, marta), s.operators.claim(conv.id, luca)])
  t.same(
    results.map((r) => r.ok).sort(),
    [false, true]
  )
  const winner = results.find((r) => r.ok)
  t.equal((await s.store.getConversation(conv.id))?.assignedTo, winner?.ok === true ? winner.conversation.assignedTo : '')
  const notices = (await s.store.messagesAfter(conv.id, 0)).filter((m) => m.kind === 'assigned')
  t.equal(notices.length, 1, 'the visitor is told once')
})

t.test('a conversation the bot is still answering cannot be claimed', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const opened = await s.conversations.open({ type: 'hello' })
  const id = opened.ok ? opened.conversation.id : ''
  t.match(await s.operators.claim(id, marta), { ok: false, code: 'FD_ERR_CONFLICT', message: /bot/ })
})

t.test('claiming a conversation that does not exist is refused as not found', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  t.match(await s.operators.claim('missing', marta), { ok: false, code: 'FD_ERR_NOT_FOUND' })
})

t.test('a reply from the operator who has the conversation is stored with their name and time', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta', name: 'Marta' })
  const conv = await handedOver(s)
  await s.operators.claim(conv.id, marta)
  s.clock.advance(12_000)
  const outcome = await s.operators.reply(conv.id, marta, 'op-1', 'Ciao! Your parcel left Milan this morning.')
  t.match(outcome, { ok: true, duplicate: false })
  const stored = (await s.store.messagesAfter(conv.id, 0)).at(-1)
  t.match(stored, { author: 'operator', operatorId: marta.id, data: { operatorName: 'Marta' }, at: s.clock() })
  t.equal((await s.store.getConversation(conv.id))?.lastOperatorAt, s.clock())
})

t.test('a resent operator reply is acknowledged with the same seq and stored once', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const conv = await handedOver(s)
  await s.operators.claim(conv.id, marta)
  const first = await s.operators.reply(conv.id, marta, 'op-1', 'Let me check that for you.')
  const again = await s.operators.reply(conv.id, marta, 'op-1', 'Let me check that for you.')
  t.same(again, { ok: true, seq: first.ok ? first.seq : -1, duplicate: true })
  const replies = (await s.store.messagesAfter(conv.id, 0)).filter((m) => m.author === 'operator')
  t.equal(replies.length, 1)
})

t.test('an operator cannot reply to a conversation they have not claimed', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const luca = await s.addOperator({ username: 'luca' })
  const conv = await handedOver(s)
  t.match(await s.operators.reply(conv.id, marta, 'op-1', 'hello'), { ok: false, code: 'FD_ERR_CONFLICT' })
  await s.operators.claim(conv.id, marta)
  t.match(await s.operators.reply(conv.id, luca, 'op-2', 'hello'), { ok: false, code: 'FD_ERR_CONFLICT' })
})

t.test('an operator reply over the length limit is refused', async (t) => {
  const s = await services(t, { maxTextLength: 100 })
  const marta = await s.addOperator({ username: 'marta' })
  const conv = await handedOver(s)
  await s.operators.claim(conv.id, marta)
  t.match(await s.operators.reply(conv.id, marta, 'op-1', 'x'.repeat(101)), {
    ok: false,
    code: 'FD_ERR_TEXT_TOO_LONG',
  })
})

t.test('the operator who has a conversation can transfer it, which restarts the silence timer', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const ivan = await s.addOperator({ username: 'ivan', name: 'Иван', langs: ['ru'] })
  const conv = await handedOver(s, 'ru')
  await s.operators.claim(conv.id, marta)
  await s.operators.reply(conv.id, marta, 'op-1', 'One moment')
  s.clock.advance(5000)
  const moved = await s.operators.transfer(conv.id, marta, 'ivan')
  t.match(moved, { ok: true, conversation: { assignedTo: ivan.id, assignedAt: s.clock(), lastOperatorAt: null } })
  t.match((await s.store.messagesAfter(conv.id, 0)).at(-1)?.text, /Иван/)
})

t.test('only the owner or an admin can transfer a conversation', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const luca = await s.addOperator({ username: 'luca' })
  const boss = await s.addOperator({ username: 'boss', role: 'admin' })
  const conv = await handedOver(s)
  await s.operators.claim(conv.id, marta)
  t.match(await s.operators.transfer(conv.id, luca, 'luca'), { ok: false, code: 'FD_ERR_FORBIDDEN' })
  t.match(await s.operators.transfer(conv.id, boss, 'luca'), { ok: true, conversation: { assignedTo: luca.id } })
})

t.test('a conversation cannot be transferred to someone who does not exist', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const conv = await handedOver(s)
  await s.operators.claim(conv.id, marta)
  t.match(await s.operators.transfer(conv.id, marta, 'nobody'), { ok: false, code: 'FD_ERR_NOT_FOUND', message: /nobody/ })
  t.equal((await s.store.getConversation(conv.id))?.assignedTo, marta.id)
})

t.test('a conversation cannot be transferred to a disabled account', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  await s.addOperator({ username: 'gone', disabled: true }, false)
  const conv = await handedOver(s)
  await s.operators.claim(conv.id, marta)
  t.match(await s.operators.transfer(conv.id, marta, 'gone'), { ok: false, code: 'FD_ERR_CONFLICT', message: /gone/ })
})

t.test('closing a conversation ends it and asks the visitor for a rating', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const conv = await handedOver(s, 'es')
  await s.operators.claim(conv.id, marta)
  s.clock.advance(240_000)
  t.match(await s.operators.close(conv.id, marta), { ok: true, conversation: { state: 'closed', closedAt: s.clock() } })
  const kinds = (await s.store.messagesAfter(conv.id, 0)).slice(-2).map((m) => [m.kind, m.lang])
  t.same(kinds, [['closed', 'es'], ['csat', 'es']])
})

t.test('a closed conversation cannot be closed again', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const conv = await handedOver(s)
  await s.operators.close(conv.id, marta)
  t.match(await s.operators.close(conv.id, marta), { ok: false, code: 'FD_ERR_CONFLICT', message: 'already closed' })
})

t.test("another operator cannot close a conversation that is someone else's", async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const luca = await s.addOperator({ username: 'luca' })
  const conv = await handedOver(s)
  await s.operators.claim(conv.id, marta)
  t.match(await s.operators.close(conv.id, luca), { ok: false, code: 'FD_ERR_FORBIDDEN' })
  t.equal((await s.store.getConversation(conv.id))?.state, 'assigned')
})

t.test('auto-assignment gives each waiting conversation to a free operator who speaks its language', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta', langs: ['it'] })
  const ivan = await s.addOperator({ username: 'ivan', langs: ['ru'] })
  const it = await handedOver(s, 'it')
  s.clock.advance(1000)
  const ru = await handedOver(s, 'ru')
  t.same(await s.operators.autoAssign(), [it.id, ru.id], 'oldest first')
  t.equal((await s.store.getConversation(it.id))?.assignedTo, marta.id)
  t.equal((await s.store.getConversation(ru.id))?.assignedTo, ivan.id)
})

t.test('auto-assignment stops when every operator is at capacity', async (t) => {
  const s = await services(t)
  await s.addOperator({ username: 'marta', capacity: 1 })
  const first = await handedOver(s)
  s.clock.advance(1000)
  const second = await handedOver(s)
  t.same(await s.operators.autoAssign(), [first.id])
  t.equal((await s.store.getConversation(second.id))?.state, 'queued')
})

t.test('auto-assignment does nothing once the last operator has left', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' }, false)
  const leave = s.presence.connect(marta.id)
  const conv = await handedOver(s)
  leave()
  t.same(await s.operators.autoAssign(), [])
  t.equal((await s.store.getConversation(conv.id))?.state, 'queued')
})

t.test('an operator silent after the visitor wrote is reminded once after a minute', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const conv = await handedOver(s)
  await s.operators.claim(conv.id, marta)
  s.clock.advance(59_000)
  t.same(await s.operators.sweepSilent(), { reminded: [], requeued: [] })
  s.clock.advance(1000)
  t.same(await s.operators.sweepSilent(), { reminded: [conv.id], requeued: [] })
  t.match(s.events.at(-1), { type: 'reminder', conversationId: conv.id, operatorId: marta.id })
  s.clock.advance(1000)
  t.same(await s.operators.sweepSilent(), { reminded: [], requeued: [] }, 'not twice')
})

t.test('a visitor who writes again after a reminder earns the operator another one', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const conv = await handedOver(s)
  await s.operators.claim(conv.id, marta)
  s.clock.advance(60_000)
  await s.operators.sweepSilent()
  s.clock.advance(30_000)
  await s.conversations.handle(conv.id, { type: 'text', client_id: 't2', text: 'hello? anyone?' })
  s.clock.advance(59_000)
  t.same(await s.operators.sweepSilent(), { reminded: [], requeued: [] })
  s.clock.advance(1000)
  t.same(await s.operators.sweepSilent(), { reminded: [conv.id], requeued: [] })
})

t.test('an operator who answers is not reminded', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const conv = await handedOver(s)
  await s.operators.claim(conv.id, marta)
  s.clock.advance(10_000)
  await s.operators.reply(conv.id, marta, 'op-1', 'Hello, I am looking at your order.')
  s.clock.advance(600_000)
  t.same(await s.operators.sweepSilent(), { reminded: [], requeued: [] })
})

t.test('a conversation whose operator stays silent goes back to the queue at its original place', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const conv = await handedOver(s)
  await s.operators.claim(conv.id, marta)
  s.clock.advance(180_000)
  t.same(await s.operators.sweepSilent(), { reminded: [], requeued: [conv.id] })
  t.match(await s.store.getConversation(conv.id), {
    state: 'queued',
    assignedTo: null,
    assignedAt: null,
    queuedAt: conv.queuedAt,
  })
})
