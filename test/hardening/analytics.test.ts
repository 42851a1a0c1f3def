import { monitorEventLoopDelay } from 'node:perf_hooks'
import t, { type Test } from 'tap'
import type { NewMessage, Store } from '../../src/store/types.js'
import { addOperator, build, login, type Built, type Session } from '../server/helpers.js'
import { percentile, sendText, visitor } from './helpers.js'

const Day = 86_400_000
// The report's year: 2025-03-01 to 2026-02-28 (UTC), asked for a week later.
const From = Date.parse('2025-03-01T00:00:00Z')
const Now = From + 372 * Day
const Year = '/api/v1/analytics?from=2025-03-01&to=2026-02-28'

/** A year of conversations, each with the messages a busy shop's would have (questions with triage, answers). */
async function year (store: Store, conversations: number, exchanges: number): Promise<void> {
  for (let i = 0; i < conversations; i++) {
    const createdAt = From + Math.floor((i / conversations) * 365 * Day)
    const queued = i % 4 === 0
    const id = `year-${i}`
    await store.createConversation({
      id,
      state: queued ? 'closed' : 'bot',
      lang: i % 3 === 0 ? 'it' : 'en',
      visitorName: null,
      pageUrl: null,
      userAgent: null,
      browserLang: 'en',
      tokenHash: 'h'.repeat(64),
      createdAt,
      updatedAt: createdAt,
      queuedAt: queued ? createdAt + 60_000 : null,
      assignedTo: queued ? 'op-marta' : null,
      assignedAt: queued ? createdAt + 90_000 : null,
      lastVisitorAt: null,
      lastOperatorAt: null,
      remindedAt: null,
      closedAt: queued ? createdAt + 600_000 : null,
      visitorKey: `visitor-${i % 700}`,
    })
    const messages: NewMessage[] = []
    for (let k = 0; k < exchanges; k++) {
      const at = createdAt + k * 5000
      const base = { html: null, lang: 'en', at, operatorId: null }
      messages.push({
        ...base,
        author: 'visitor',
        text: `question ${k}: how long does delivery to Germany take?`,
        kind: null,
        clientId: `q${k}`,
        entryId: null,
        data: {
          triage: {
            decision: 'answer',
            entryId: 'delivery-times',
            confidence: 0.9,
            candidates: [1, 2, 3, 4, 5].map((n) => ({ entryId: `entry-${n}`, title: `Entry ${n}`, confidence: n / 10 })),
            terms: ['delivery', 'germany'],
          },
        },
      })
      messages.push({
        ...base,
        author: 'bot',
        text: 'Delivery to Germany takes 3 to 5 working days.',
        kind: 'answer',
        clientId: null,
        entryId: 'delivery-times',
        data: { confidence: 0.9 },
      })
    }
    if (queued) {
      const system = { html: null, lang: 'en', author: 'system' as const, clientId: null, entryId: null, data: null }
      messages.push({ ...system, text: 'queued', at: createdAt + 60_000, kind: 'queue', operatorId: null })
      messages.push({ ...system, text: 'assigned', at: createdAt + 90_000, kind: 'assigned', operatorId: 'op-marta' })
    }
    await store.appendMessages(id, messages)
  }
}

async function seeded (t: Test): Promise<Built & { people: Session[] }> {
  const built = await build(t, { limits: { messagesPerMinute: 100_000 } }, { clock: () => Now })
  await year(built.store, 1200, 15)
  const names = ['marta', 'elena', 'pablo', 'ines']
  for (const username of names) await addOperator(built.store, { username, role: 'editor' })
  return { ...built, people: await Promise.all(names.map((n) => login(built.url, n))) }
}

t.test("four operators' year reports at once leave a bystander's round trip and /healthz fast", async (t) => {
  const built = await seeded(t)
  const v = await visitor(t, built)
  let n = 0
  const roundTrip = async (): Promise<number> => {
    const start = performance.now()
    const answer = await sendText(v, `b${n++}`, 'how long does delivery to Germany take?')
    if (answer.type !== 'ack') throw new Error(`not acknowledged: ${JSON.stringify(answer)}`)
    const health = await fetch(`${built.url}/healthz`)
    if (health.status !== 200) throw new Error(`healthz ${health.status}`)
    return performance.now() - start
  }
  const quietDelay = monitorEventLoopDelay({ resolution: 10 })
  quietDelay.enable()
  const quiet: number[] = []
  for (let i = 0; i < 10; i++) quiet.push(await roundTrip())
  quietDelay.disable()
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  let pending = built.people.length
  const started = performance.now()
  const reports = built.people.map(async (p) => {
    const res = await p.call('GET', Year)
    pending--
    return res
  })
  const during: number[] = []
  while (pending > 0 || during.length < 5) during.push(await roundTrip())
  const answers = await Promise.all(reports)
  const reportMs = performance.now() - started
  delay.disable()
  t.same(
    answers.map((a) => a.status),
    [200, 200, 200, 200],
    'every report answered'
  )
  t.equal(answers[0]?.body.totals.conversations, 1200)
  const [q50, q99] = [percentile(quiet, 50), percentile(quiet, 99)]
  const [d50, d99] = [percentile(during, 50), percentile(during, 99)]
  t.comment(
    `message + /healthz: quiet p50 ${q50.toFixed(1)} ms p99 ${q99.toFixed(1)} ms; ` +
      `during 4 reports (${reportMs.toFixed(0)} ms) ` +
      `p50 ${d50.toFixed(1)} ms p99 ${d99.toFixed(1)} ms; longest event-loop stall ${(delay.max / 1e6).toFixed(0)} ms ` +
      `(quiet: ${(quietDelay.max / 1e6).toFixed(0)} ms)`
  )
  // The goal is 2x; a shared 2-core runner adds noise, hence the 200 ms on top. Before the fix
  // each report held the main thread for its whole computation, and the four queued behind each other.
  t.ok(d99 <= 2 * q99 + 200, `p99 during the reports ${d99.toFixed(1)} ms ≤ 2 × ${q99.toFixed(1)} ms + 200 ms`)
})

t.test("one operator's second report while the first runs is refused with 429; a colleague's is not", async (t) => {
  const built = await seeded(t)
  const [marta, elena] = built.people as [Session, Session]
  const [first, second, colleague] = await Promise.all([marta.call('GET', Year), marta.call('GET', Year), elena.call('GET', Year)])
  t.same(
    [first.status, second.status].sort(),
    [200, 429],
    'one of the two at once is computed, the other refused'
  )
  const refused = first.status === 429 ? first : second
  t.equal(refused.body.code, 'FD_ERR_RATE_LIMITED')
  t.match(refused.body.message, /still/)
  t.equal(colleague.status, 200, "a colleague's report runs meanwhile")
  t.equal((await marta.call('GET', Year)).status, 200, 'once the first is done, the next one runs')
})
