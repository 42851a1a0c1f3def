import t from 'tap'
import { reportRange } from '../../src/core/analytics/index.js'
import { analyticsReport, MaxReportConversations } from '../../src/services/analytics.js'
import type { Conversation } from '../../src/store/types.js'
import { services, type Services } from './helpers.js'

const Hour = 3600_000
const Recontact = 24 * Hour

/** The day of the sample clock (10 March 2026, Rome) and the one before. */
function range () {
  const r = reportRange({ from: '2026-03-09', to: '2026-03-10' }, 'Europe/Rome', 0)
  if (!r.ok) throw new Error(r.message)
  return r.range
}

async function ask (s: Services, visitor: string, lang: string, question: string): Promise<Conversation> {
  const opened = await s.conversations.open({ type: 'hello', lang, visitor_id: visitor })
  if (!opened.ok) throw new Error(opened.code)
  await s.conversations.handle(opened.conversation.id, { type: 'text', client_id: 't1', text: question })
  return opened.conversation
}

async function report (s: Services, now: number, lang?: string) {
  const r = await analyticsReport(s.store, { range: range(), recontactMs: Recontact, now, lang })
  if (!r.ok) throw new Error(r.message)
  return r.report
}

t.test('an answered visitor counts as deflected once the re-contact window has passed', async (t) => {
  const s = await services(t)
  await ask(s, 'visitor-anna-0001', 'en', 'how long does delivery take')
  t.match((await report(s, s.clock() + Hour)).totals, { engaged: 1, botAnswered: 1, pending: 1, deflected: 0 })
  t.match((await report(s, s.clock() + Recontact + Hour)).totals, {
    engaged: 1,
    deflected: 1,
    pending: 0,
    deflectionRate: 1,
  })
})

t.test('an answered visitor who comes back within the window was not deflected', async (t) => {
  const s = await services(t)
  await ask(s, 'visitor-anna-0001', 'en', 'how long does delivery take')
  s.clock.advance(10 * Hour)
  await ask(s, 'visitor-anna-0001', 'en', 'do you accept Google Pay')
  const totals = (await report(s, s.clock() + 2 * Recontact)).totals
  t.match(totals, { conversations: 2, recontacted: 1, deflected: 1 }, 'the second visit itself was deflected')
})

t.test('a visitor who comes back after the range ends is still found', async (t) => {
  const s = await services(t)
  s.clock.set(range().to - Hour)
  await ask(s, 'visitor-ivan-0002', 'ru', 'сколько стоит доставка во Францию')
  s.clock.advance(3 * Hour)
  await ask(s, 'visitor-ivan-0002', 'ru', 'мою посылку уже отправили?')
  const totals = (await report(s, s.clock() + 2 * Recontact)).totals
  t.match(totals, { conversations: 1, recontacted: 1, deflected: 0 })
})

t.test('conversations handed to a person are not deflected, and their waits are measured from the queue', async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  const conv = await ask(s, 'visitor-lucia-003', 'es', '¿cuál es la capital de Francia?')
  s.clock.advance(90_000)
  await s.operators.claim(conv.id, marta)
  s.clock.advance(30_000)
  await s.operators.reply(conv.id, marta, 'op-1', 'Madrid no, ¡París! ¿Puedo ayudarte con tu pedido?')
  s.clock.advance(120_000)
  await s.operators.close(conv.id, marta)
  const { totals, operators } = await report(s, s.clock() + 2 * Recontact)
  t.match(totals, { escalated: 1, assigned: 1, deflected: 0, queueWait: { p50: 90 }, handling: { p50: 150 } })
  t.match(operators, [{ operatorId: marta.id, conversations: 1, firstResponse: { p50: 120 } }])
})

t.test('a report is split by language and can be limited to one', async (t) => {
  const s = await services(t)
  await ask(s, 'visitor-anna-0001', 'en', 'how long does delivery take')
  await ask(s, 'visitor-lucia-003', 'es', '¿se puede pagar con Google Pay?')
  await ask(s, 'visitor-gina-0004', 'it', 'quanto costa spedire in Francia')
  const all = await report(s, s.clock() + Hour)
  t.same(
    all.langs.map((l) => [l.lang, l.summary.conversations]),
    [
      ['en', 1],
      ['es', 1],
      ['it', 1],
    ]
  )
  const spanish = await report(s, s.clock() + Hour, 'es')
  t.equal(spanish.totals.conversations, 1)
  t.same(
    spanish.entries.map((e) => e.entryId),
    ['payment-methods']
  )
})

t.test('every day of the range has a row, quiet days included', async (t) => {
  const s = await services(t)
  await ask(s, 'visitor-anna-0001', 'en', 'how long does delivery take')
  const { days } = await report(s, s.clock() + Hour)
  t.same(
    days.map((d) => d.summary.conversations),
    [0, 1]
  )
})

t.test('a range with more conversations than a report can hold is refused, not cut short', async (t) => {
  const s = await services(t)
  const conv = await ask(s, 'visitor-anna-0001', 'en', 'how long does delivery take')
  const crowded = {
    ...s.store,
    conversationsCreated: async () => Array.from({ length: MaxReportConversations + 1 }, () => conv),
  }
  const r = await analyticsReport(crowded, { range: range(), recontactMs: Recontact, now: s.clock() })
  t.same(r, { ok: false, message: 'more than 100,000 conversations in this range: ask for fewer days' })
})
