import t from 'tap'
import { createEscalation } from '../../src/services/escalation.js'
import { handedOver, Hours, services, SundayEvening } from './helpers.js'

const Minute = 60_000

t.test('a hand-over with someone online queues the conversation and says its place and wait', async (t) => {
  const s = await services(t)
  await s.addOperator({ username: 'marta' })
  const conv = await handedOver(s)
  const plan = await createEscalation(s.deps).plan(conv, s.clock())
  t.same(plan.patch, { state: 'queued', queuedAt: conv.queuedAt })
  t.same(
    plan.messages.map((m) => m.kind),
    ['escalate', 'queue']
  )
  t.match(plan.messages[1]?.text, /number 1 in the queue\. The wait is 4 minutes\./)
})

t.test('a hand-over with nobody online sends the visitor to the offline form', async (t) => {
  const s = await services(t)
  const conv = await handedOver(s, 'ru')
  const plan = await createEscalation(s.deps).plan(conv, s.clock())
  t.same(plan.patch, { state: 'offline' })
  t.match(plan.messages, [{ kind: 'offline', lang: 'ru' }])
})

t.test('a hand-over outside business hours goes offline even with an operator online', async (t) => {
  const s = await services(t, { hours: Hours })
  await s.addOperator({ username: 'marta' })
  const conv = await handedOver(s)
  const plan = await createEscalation(s.deps).plan(conv, SundayEvening)
  t.same(plan.patch, { state: 'offline' })
})

t.test('a queued visitor sees their place behind those who came first', async (t) => {
  const s = await services(t)
  await s.addOperator({ username: 'marta', capacity: 1 })
  await handedOver(s, 'en')
  s.clock.advance(Minute)
  const second = await handedOver(s, 'es')
  const frame = await s.conversations.state(second)
  t.same(frame, { type: 'state', state: 'queued', queue_position: 2, eta_seconds: 480 })
})

t.test('the wait estimate follows how long people took recently, refreshed every 30 seconds', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta', capacity: 1 })
  const served = await handedOver(s)
  await s.operators.claim(served.id, marta)
  const waiting = await handedOver(s)
  s.clock.advance(2 * Minute)
  t.match(await s.conversations.state(waiting), { eta_seconds: 240 }, 'no history yet: four minutes')
  await s.operators.close(served.id, marta)
  t.match(await s.conversations.state(waiting), { eta_seconds: 240 }, 'the history is read at most every 30 s')
  s.clock.advance(30_001)
  t.match(await s.conversations.state(waiting), { eta_seconds: 120 })
})

t.test('an assigned visitor sees the name of the operator who has the conversation', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta', name: 'Marta' })
  const conv = await handedOver(s)
  const claimed = await s.operators.claim(conv.id, marta)
  if (!claimed.ok) throw new Error(claimed.code)
  t.same(await s.conversations.state(claimed.conversation), { type: 'state', state: 'assigned', operator_name: 'Marta' })
})

t.test('an offline visitor is told when people are back, in their language', async (t) => {
  const s = await services(t, { hours: Hours })
  s.clock.set(SundayEvening)
  const conv = await handedOver(s, 'it')
  const frame = await s.conversations.state(conv)
  t.match(frame, { type: 'state', state: 'offline', back_at: '2026-03-09T08:00:00.000Z' })
  t.match(frame.back_at_text, /^domani alle 9:00/)
})

t.test('an offline visitor without business hours is not promised a time', async (t) => {
  const s = await services(t)
  const conv = await handedOver(s)
  t.same(await s.conversations.state(conv), { type: 'state', state: 'offline' })
})

t.test('the hours as templates see them say whether the team is in and when it is back', async (t) => {
  const s = await services(t, { hours: Hours })
  const hours = s.conversations.hoursContext
  t.match(hours(SundayEvening, 'en'), { open: false, nextOpen: 'tomorrow at 09:00' })
  t.match(hours(SundayEvening + 14 * 3600_000, 'en'), { open: true, nextOpen: '' })
  t.match(hours(SundayEvening, 'es').summary, /lunes/i)
})

t.test('a queued visitor whose operators all left keeps their place but is promised no wait', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' }, false)
  const leave = s.presence.connect(marta.id)
  const conv = await handedOver(s)
  leave()
  t.same(await s.conversations.state(conv), { type: 'state', state: 'queued', queue_position: 1 })
})
