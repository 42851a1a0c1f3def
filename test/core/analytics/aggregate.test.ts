import t from 'tap'
import {
  byDay,
  byEntry,
  byLang,
  byOperator,
  conversationFacts,
  percentile,
  reportRange,
  summarize,
} from '../../../src/core/analytics/index.js'
import { answered, conv, escalatedQuestion, H, script, T0 } from './fixtures.js'

const options = { recontactMs: 24 * H, now: T0 + 72 * H }

// Five conversations: deflected (returns), re-contacted (returns, then the same visitor again),
// an empty greeting, one handed to Marta after "no" to delivery-times, and an unverified one.
function sample () {
  const conversations = [
    conv('deflected', { visitorKey: 'k-1' }),
    conv('recontacted', { visitorKey: 'k-2', lang: 'es' }),
    conv('again', { visitorKey: 'k-2', lang: 'es', createdAt: T0 + 2 * H, state: 'queued', queuedAt: T0 + 1000 }),
    conv('empty', { visitorKey: 'k-3' }),
    conv('person', {
      visitorKey: 'k-4',
      state: 'closed',
      queuedAt: T0 + 2000,
      assignedTo: 'op-marta',
      closedAt: T0 + 600_000,
    }),
    conv('unverified', { visitorKey: null, lang: 'es' }),
  ]
  const messages = [
    ...script('deflected', answered('returns')),
    ...script('recontacted', answered('returns')),
    ...script('again', escalatedQuestion()),
    ...script('empty', []),
    ...script('person', [
      ...answered('delivery-times'),
      ['visitor', 'feedback', 2000, { data: { seq: 3, helpful: false } }],
      ['system', 'escalate', 2000],
      ['system', 'queue', 2000],
      ['system', 'assigned', 62_000],
      ['operator', null, 92_000, { operatorId: 'op-marta' }],
      ['system', 'closed', 600_000],
      ['visitor', 'rating', 610_000, { data: { score: 5 } }],
    ]),
    ...script('unverified', answered('payment-methods')),
  ]
  return conversationFacts(conversations, messages, [], options)
}

t.test('the deflection rate is deflected over conversations where the visitor wrote', async (t) => {
  const s = summarize(sample())
  t.equal(s.conversations, 6)
  t.equal(s.empty, 1)
  t.equal(s.engaged, 5)
  t.equal(s.deflected, 1)
  t.equal(s.recontacted, 1)
  t.equal(s.unverified, 1)
  t.equal(s.deflectionRate, 0.2)
})

t.test('the summary counts outcomes, feedback, times and ratings', async (t) => {
  const s = summarize(sample())
  t.match(s, {
    botAnswered: 4,
    escalated: 2,
    queued: 2,
    assigned: 1,
    abandoned: 0,
    waiting: 1,
    helpfulYes: 0,
    helpfulNo: 1,
    csatCount: 1,
    csatAverage: 5,
  })
  t.same(s.queueWait, { p50: 60, p90: 60 })
  t.same(s.firstResponse, { p50: 90, p90: 90 })
  t.same(s.handling, { p50: 538, p90: 538 })
})

t.test('without conversations the rates and times are null, not zero', async (t) => {
  const s = summarize([])
  t.equal(s.deflectionRate, null)
  t.same(s.queueWait, { p50: null, p90: null })
  t.equal(s.csatAverage, null)
})

t.test('nothing but empty greetings gives no rate at all', async (t) => {
  const facts = conversationFacts([conv('e1'), conv('e2')], [...script('e1', []), ...script('e2', [])], [], options)
  t.equal(summarize(facts).deflectionRate, null)
  t.equal(summarize(facts).empty, 2)
})

t.test('percentiles are nearest-rank, in seconds', async (t) => {
  const ms = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((s) => s * 1000)
  t.equal(percentile(ms, 50), 50)
  t.equal(percentile(ms, 90), 90)
  t.equal(percentile([7000], 90), 7)
  t.equal(percentile([], 50), null)
})

t.test("days are counted on the report's calendar, with every day of the range present", async (t) => {
  // 23:30 UTC on 1 March is already 2 March in Rome.
  const late = Date.parse('2026-03-01T23:30:00Z')
  const facts = conversationFacts([conv('late', { createdAt: late })], script('late', []), [], options)
  const r = reportRange({ from: '2026-03-01', to: '2026-03-03' }, 'Europe/Rome', T0)
  if (!r.ok) throw new Error(r.message)
  const days = byDay(facts, r.range.dayOf, r.range.firstDay, r.range.lastDay)
  t.same(
    days.map((d) => d.summary.conversations),
    [0, 1, 0]
  )
  const utc = reportRange({ from: '2026-03-01', to: '2026-03-03' }, 'UTC', T0)
  if (!utc.ok) throw new Error(utc.message)
  t.same(
    byDay(facts, utc.range.dayOf, utc.range.firstDay, utc.range.lastDay).map((d) => d.summary.conversations),
    [1, 0, 0]
  )
})

t.test("languages are grouped by the conversation's language, most conversations first", async (t) => {
  const langs = byLang(sample())
  t.same(
    langs.map((l) => [l.lang, l.summary.conversations]),
    [
      ['en', 3],
      ['es', 3],
    ]
  )
  t.equal(langs.find((l) => l.lang === 'en')?.summary.deflected, 1)
})

t.test('entries count answers, feedback, deflections and escalations after their answer', async (t) => {
  const entries = byEntry(sample())
  t.same(
    entries.find((e) => e.entryId === 'returns'),
    { entryId: 'returns', answers: 2, conversations: 2, helpfulYes: 0, helpfulNo: 0, deflected: 1, escalatedAfter: 0 }
  )
  t.same(
    entries.find((e) => e.entryId === 'delivery-times'),
    {
      entryId: 'delivery-times',
      answers: 1,
      conversations: 1,
      helpfulYes: 0,
      helpfulNo: 1,
      deflected: 0,
      escalatedAfter: 1,
    }
  )
  t.equal(entries.find((e) => e.entryId === 'payment-methods')?.deflected, 0, 'unverified is not deflected')
})

t.test('a deflection is attributed to the last entry answered only', async (t) => {
  const facts = conversationFacts(
    [conv('a')],
    script('a', [...answered('returns', 0), ...answered('refund-time', 1000)]),
    [],
    options
  )
  const entries = byEntry(facts)
  t.equal(entries.find((e) => e.entryId === 'refund-time')?.deflected, 1)
  t.equal(entries.find((e) => e.entryId === 'returns')?.deflected, 0)
})

t.test('operators get the conversations they handled, their first responses, handling times and ratings', async (t) => {
  const ops = byOperator(sample())
  t.same(ops, [
    {
      operatorId: 'op-marta',
      conversations: 1,
      firstResponse: { p50: 90, p90: 90 },
      handling: { p50: 538, p90: 538 },
      csatCount: 1,
      csatAverage: 5,
    },
  ])
})
