import t from 'tap'
import { conversationFacts } from '../../../src/core/analytics/index.js'
import { answered, conv, escalatedQuestion, H, script, T0 } from './fixtures.js'

const window = { recontactMs: 24 * H, now: T0 + 72 * H }
const one = (
  c: ReturnType<typeof conv>,
  messages: ReturnType<typeof script>,
  later: ReturnType<typeof conv>[] = [],
  options = window
) => conversationFacts([c], messages, later, options)[0]!

t.test('an answered question from a visitor who does not come back within the window is deflected', async (t) => {
  const f = one(conv('a'), script('a', answered('delivery-times')))
  t.equal(f.deflection, 'deflected')
  t.same(f.answers, ['delivery-times'])
  t.equal(f.lastEntry, 'delivery-times')
})

t.test(
  'the same visitor opening another conversation inside the window is a re-contact, not a deflection',
  async (t) => {
    const f = one(conv('a'), script('a', answered('delivery-times')), [conv('b', { createdAt: T0 + 1 * H })])
    t.equal(f.deflection, 'recontacted')
  }
)

t.test("the window starts at the conversation's last message, not at its start", async (t) => {
  // Answered at T0, another question answered 10 h later; the visitor comes back 30 h after T0: 20 h after the last
  // message.
  const messages = script('a', [...answered('returns', 0), ...answered('refund-time', 10 * H)])
  t.equal(one(conv('a'), messages, [conv('b', { createdAt: T0 + 30 * H })]).deflection, 'recontacted')
  t.equal(one(conv('a'), messages, [conv('b', { createdAt: T0 + 35 * H })]).deflection, 'deflected')
})

t.test('coming back after the window ends does not undo a deflection', async (t) => {
  const f = one(conv('a'), script('a', answered('delivery-times')), [conv('b', { createdAt: T0 + 25 * H })])
  t.equal(f.deflection, 'deflected')
})

t.test("another visitor's conversation is no re-contact", async (t) => {
  const f = one(conv('a'), script('a', answered('delivery-times')), [
    conv('b', { createdAt: T0 + H, visitorKey: 'k-bruno' }),
  ])
  t.equal(f.deflection, 'deflected')
})

t.test('a conversation whose window has not ended is pending, not deflected', async (t) => {
  const f = one(conv('a'), script('a', answered('delivery-times')), [], { recontactMs: 24 * H, now: T0 + 5 * H })
  t.equal(f.deflection, 'pending')
})

t.test('a re-contact seen before the window ends is final at once', async (t) => {
  const f = one(conv('a'), script('a', answered('delivery-times')), [conv('b', { createdAt: T0 + 2 * H })], {
    recontactMs: 24 * H,
    now: T0 + 3 * H,
  })
  t.equal(f.deflection, 'recontacted')
})

t.test('without a visitor key an answered conversation is unverified, never deflected', async (t) => {
  const f = one(conv('a', { visitorKey: null }), script('a', answered('delivery-times')), [
    conv('b', { createdAt: T0 + H, visitorKey: null }),
  ])
  t.equal(f.deflection, 'unverified')
})

t.test('"no, it did not help" goes to a person: not deflected, and counted against the entry', async (t) => {
  const messages = script('a', [
    ...answered('delivery-times'),
    ['visitor', 'feedback', 2000, { data: { seq: 3, helpful: false } }],
    ['system', 'escalate', 2000],
    ['system', 'queue', 2000],
  ])
  const f = one(conv('a', { state: 'queued', queuedAt: T0 + 2000 }), messages)
  t.equal(f.deflection, 'person')
  t.same(f.helpful, [{ entryId: 'delivery-times', helpful: false }])
})

t.test('"yes, it helped" is counted for the entry and keeps the deflection', async (t) => {
  const f = one(
    conv('a'),
    script('a', [...answered('returns'), ['visitor', 'feedback', 2000, { data: { seq: 3, helpful: true } }]])
  )
  t.same(f.helpful, [{ entryId: 'returns', helpful: true }])
  t.equal(f.deflection, 'deflected')
})

t.test('only the last "did this help?" per answer counts', async (t) => {
  const f = one(
    conv('a'),
    script('a', [
      ...answered('returns'),
      ['visitor', 'feedback', 2000, { data: { seq: 3, helpful: true } }],
      ['visitor', 'feedback', 3000, { data: { seq: 3, helpful: true } }],
    ])
  )
  t.equal(f.helpful.length, 1)
})

t.test('a greeting alone (or a greeting and a close) is empty: the visitor never wrote', async (t) => {
  t.equal(one(conv('a'), script('a', [])).deflection, 'empty')
  const f = one(
    conv('a', { state: 'closed', closedAt: T0 + 5000 }),
    script('a', [
      ['visitor', 'close', 5000],
      ['system', 'closed', 5000],
      ['system', 'csat', 5000],
    ])
  )
  t.equal(f.deflection, 'empty')
  t.notOk(f.engaged)
})

t.test('a conversation whose last bot reply offered choices is unanswered, even after an earlier answer', async (t) => {
  const messages = script('a', [
    ...answered('returns'),
    ['visitor', null, 5000, { data: { triage: { decision: 'clarify' } } }],
    ['bot', 'clarify', 5000],
  ])
  const f = one(conv('a'), messages)
  t.equal(f.deflection, 'unanswered')
  t.ok(f.clarified)
})

t.test('a choice picked after a clarification is an answer like any other', async (t) => {
  const messages = script('a', [
    ['visitor', null, 1000, { data: { triage: { decision: 'clarify' } } }],
    ['bot', 'clarify', 1000],
    ['visitor', 'choice', 2000, { data: { entryId: 'returns' } }],
    ['bot', 'answer', 2000, { entryId: 'returns' }],
    ['bot', 'feedback', 2000],
  ])
  const f = one(conv('a'), messages)
  t.equal(f.deflection, 'deflected')
  t.ok(f.clarified)
})

t.test('a visitor who leaves the queue before any operator writes has abandoned it', async (t) => {
  const messages = script('a', [
    ...escalatedQuestion(),
    ['visitor', 'close', 60_000],
    ['system', 'closed', 60_000],
    ['system', 'csat', 60_000],
  ])
  const f = one(conv('a', { state: 'closed', queuedAt: T0 + 1000, closedAt: T0 + 60_000 }), messages)
  t.ok(f.abandoned)
  t.notOk(f.waiting)
  t.equal(f.deflection, 'person')
  t.equal(f.queueWaitMs, null)
})

t.test('a conversation still in the queue is waiting, not abandoned', async (t) => {
  const f = one(conv('a', { state: 'queued', queuedAt: T0 + 1000 }), script('a', escalatedQuestion()))
  t.ok(f.waiting)
  t.notOk(f.abandoned)
})

t.test(
  'queue wait, first response and handling come from the first claim, the first operator message and the close',
  async (t) => {
    const messages = script('a', [
      ...escalatedQuestion(1000),
      ['system', 'assigned', 31_000],
      ['operator', null, 61_000, { operatorId: 'op-marta' }],
      ['system', 'assigned', 100_000],
      ['operator', null, 120_000, { operatorId: 'op-ivan' }],
      ['system', 'closed', 301_000],
      ['system', 'csat', 301_000],
      ['visitor', 'rating', 310_000, { data: { score: 2 } }],
      ['visitor', 'rating', 311_000, { data: { score: 4 } }],
    ])
    const f = one(
      conv('a', { state: 'closed', queuedAt: T0 + 1000, assignedTo: 'op-ivan', closedAt: T0 + 301_000 }),
      messages
    )
    t.equal(f.queueWaitMs, 30_000)
    t.equal(f.firstResponseMs, 60_000)
    t.equal(f.handlingMs, 270_000)
    t.equal(f.operatorId, 'op-ivan', "the transfer's receiver handled it")
    t.equal(f.firstResponderId, 'op-marta')
    t.equal(f.csat, 4, 'the last rating counts')
    t.notOk(f.abandoned)
  }
)

t.test('the offline form and an offline message reach a person and are counted', async (t) => {
  const messages = script('a', [
    ['visitor', 'handoff', 1000],
    ['system', 'offline', 1000],
    ['visitor', 'contact', 5000, { data: { email: 'x@example.com' } }],
    ['system', 'offline_thanks', 5000],
  ])
  const f = one(conv('a', { state: 'offline' }), messages)
  t.ok(f.offline)
  t.ok(f.escalated)
  t.notOk(f.queued)
  t.equal(f.offlineMessages, 1)
  t.equal(f.deflection, 'person')
  t.equal(f.queueWaitMs, null, 'the offline inbox is not the live queue')
})

t.test('an offline conversation an operator claims later has no queue wait or first response', async (t) => {
  const messages = script('a', [
    ['visitor', 'handoff', 1000],
    ['system', 'offline', 1000],
    ['system', 'assigned', 10 * H],
    ['operator', null, 10 * H + 5000, { operatorId: 'op-marta' }],
  ])
  const f = one(conv('a', { state: 'assigned', queuedAt: T0 + 10 * H, assignedTo: 'op-marta' }), messages)
  t.ok(f.assigned)
  t.equal(f.queueWaitMs, null)
  t.equal(f.firstResponseMs, null)
  t.equal(f.operatorId, 'op-marta')
})

t.test('a request for a person after an answer is not a deflection', async (t) => {
  const f = one(
    conv('a', { state: 'queued', queuedAt: T0 + 2000 }),
    script('a', [
      ...answered('returns'),
      ['visitor', 'handoff', 2000],
      ['system', 'escalate', 2000],
      ['system', 'queue', 2000],
    ])
  )
  t.equal(f.deflection, 'person')
})

t.test('messages of several conversations, in any order, are each given to their own conversation', async (t) => {
  const messages = [...script('b', escalatedQuestion()), ...script('a', answered('returns'))].reverse()
  const facts = conversationFacts(
    [conv('a'), conv('b', { visitorKey: 'k-bruno', state: 'queued', queuedAt: T0 + 1000 })],
    messages,
    [],
    window
  )
  t.same(
    facts.map((f) => [f.id, f.deflection]),
    [
      ['a', 'deflected'],
      ['b', 'person'],
    ]
  )
})

t.test('a conversation of small talk alone asked nothing: it is empty, outside the deflection rate', async (t) => {
  const hello: Parameters<typeof script>[1] = [
    ['visitor', null, 1000, { data: { triage: { decision: 'smalltalk', act: 'greeting', confidence: 1 } } }],
    ['bot', 'smalltalk_greeting', 1000],
  ]
  t.match(one(conv('a'), script('a', hello)), { engaged: false, deflection: 'empty' })
})

t.test('thanks after an answer leaves it deflected', async (t) => {
  const thanks: Parameters<typeof script>[1] = [
    ...answered('delivery-times'),
    ['visitor', null, 2000, { data: { triage: { decision: 'smalltalk', act: 'thanks', confidence: 1 } } }],
    ['bot', 'smalltalk_thanks', 2000],
  ]
  t.match(one(conv('a'), script('a', thanks)), { engaged: true, deflection: 'deflected' })
})
