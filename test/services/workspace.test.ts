import t from 'tap'
import { createWorkspace } from '../../src/services/workspace.js'
import { handedOver, services, type Services } from './helpers.js'

const workspace = (s: Services) => createWorkspace({ store: s.store, presence: s.presence, clock: s.clock })

t.test('the queue lists waiting conversations oldest first, with the question and how long each waited', async (t) => {
  const s = await services(t)
  await s.addOperator({ username: 'marta' })
  const first = await handedOver(s, 'it')
  await s.conversations.handle(first.id, { type: 'text', client_id: 't1', text: 'il divano è arrivato rotto' })
  s.clock.advance(60_000)
  const second = await handedOver(s, 'ru')
  s.clock.advance(30_000)
  const { conversations: list, total } = await workspace(s).conversations({ states: ['queued'] })
  t.equal(total, 2)
  t.match(list, [
    { id: first.id, lang: 'it', waiting_seconds: 90, question: 'il divano è arrivato rotto' },
    { id: second.id, lang: 'ru', waiting_seconds: 30 },
  ])
})

t.test("an operator's own list holds only the conversations they have, with their name", async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta', name: 'Marta Rossi' })
  const mine = await handedOver(s)
  await handedOver(s)
  await s.operators.claim(mine.id, marta)
  const { conversations: list, total } = await workspace(s).conversations({
    states: ['assigned'],
    assignedTo: marta.id,
  })
  t.match(list, [{ id: mine.id, assigned_name: 'Marta Rossi' }])
  t.equal(list.length, 1)
  t.equal(total, 1)
})

t.test('closed conversations are listed without reading their questions', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const conv = await handedOver(s)
  await s.conversations.handle(conv.id, { type: 'text', client_id: 't1', text: 'grazie, tutto chiaro' })
  await s.operators.close(conv.id, marta)
  const [closed] = (await workspace(s).conversations({ states: ['closed'] })).conversations
  t.equal(closed?.id, conv.id)
  t.notOk(closed !== undefined && 'question' in closed)
})

t.test('a transcript is the conversation with its messages after a seq, as operators see them', async (t) => {
  const s = await services(t)
  await s.addOperator({ username: 'marta' })
  const conv = await handedOver(s, 'es', 'Lucía')
  const all = await workspace(s).transcript(conv.id)
  t.match(all?.conversation, { id: conv.id, visitor_name: 'Lucía', state: 'queued' })
  t.same(
    all?.messages.map((m) => m.seq),
    [1, 2, 3, 4]
  )
  t.same(
    (await workspace(s).transcript(conv.id, 2))?.messages.map((m) => m.kind),
    ['escalate', 'queue']
  )
})

t.test('the transcript of a conversation that does not exist is undefined', async (t) => {
  const s = await services(t)
  t.equal(await workspace(s).transcript('missing'), undefined)
})

t.test('the team lists enabled operators with who is online now', async (t) => {
  const s = await services(t)
  await s.addOperator({ username: 'marta' })
  await s.addOperator({ username: 'ivan' }, false)
  await s.addOperator({ username: 'gone', disabled: true }, false)
  const team = await workspace(s).team()
  t.same(
    team.map((m) => [m.operator.username, m.online]).sort(),
    [
      ['ivan', false],
      ['marta', true],
    ]
  )
})

t.test('an offline message moves from open to answered once, stamped by the clock', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' }, false)
  const conv = await handedOver(s)
  await s.conversations.handle(conv.id, {
    type: 'contact',
    client_id: 'm1',
    email: 'lucia@example.es',
    text: '¿Podéis llamarme mañana?',
  })
  const w = workspace(s)
  const [open] = await w.contacts(false)
  t.match(open, { email: 'lucia@example.es', handledBy: null })
  s.clock.advance(3600_000)
  t.equal(await w.handleContact(open?.id ?? '', marta.id), true)
  t.equal(await w.handleContact(open?.id ?? '', marta.id), false, 'not twice')
  t.same(await w.contacts(false), [])
  t.match(await w.contacts(true), [{ id: open?.id, handledBy: marta.id, handledAt: s.clock() }])
})
