import { cpSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import t from 'tap'
import type { Test } from 'tap'
import { configFrom } from '../../src/config/load.js'
import { loadContent, type Content } from '../../src/content/load.js'
import { createRedactor } from '../../src/core/redact/index.js'
import { createLearning } from '../../src/services/learning.js'
import type { Message } from '../../src/store/types.js'
import { sampleContent, services, type Services } from './helpers.js'

const root = join(import.meta.dirname, '..', '..')
const Day = 86_400_000

/**
 * The learning loop on a copy of the sample FAQ (accepted proposals write into it). `live`
 * reloads the copy after an accepted edit, as the server does; otherwise the reloads are counted.
 */
async function setup (t: Test, options: { live?: boolean } = {}) {
  const s = await services(t)
  const faqDir = join(t.testdir(), 'faq')
  cpSync(join(root, 'faq'), faqDir, { recursive: true })
  let content: Content = await sampleContent()
  const reloads: number[] = []
  const learning = createLearning({
    store: s.store,
    clock: s.clock,
    faqDir,
    redactor: createRedactor(),
    content: () => content,
    reload: async () => {
      reloads.push(s.clock())
      if (options.live !== true) return []
      const loaded = await loadContent(configFrom({ faqDir }, {}))
      if (loaded.content !== undefined) content = loaded.content
      return loaded.problems
    },
  })
  const marta = await s.addOperator({ username: 'marta' })
  return { ...s, faqDir, learning, reloads, marta, content: () => content }
}

/** A visitor asks `text` in a new conversation; resolves with the stored question. */
async function ask (s: Services, text: string, lang = 'en'): Promise<Message> {
  const opened = await s.conversations.open({ type: 'hello', lang })
  if (!opened.ok) throw new Error(opened.code)
  const outcome = await s.conversations.handle(opened.conversation.id, { type: 'text', client_id: 'q1', text })
  if (!outcome.ok) throw new Error(outcome.code)
  const [question] = await s.store.messagesAfter(opened.conversation.id, outcome.seq - 1, 1)
  if (question === undefined) throw new Error('the question was not stored')
  return question
}

t.test('escalated questions are reported grouped for editors, with the closest entries', async (t) => {
  const s = await setup(t)
  const since = s.clock()
  await ask(s, 'do you sell christmas hampers')
  s.clock.advance(60_000)
  await ask(s, 'are there hampers for christmas')
  await ask(s, 'can I pay by bank transfer')
  const report = await s.learning.report({ since })
  t.match(report, { since, until: s.clock() + 1, lang: null, questions: 2 })
  t.equal(report.groups.length, 1)
  t.match(report.groups[0], {
    lang: 'en',
    count: 2,
    conversations: 2,
    reasons: { low_confidence: 2 },
    lastAt: s.clock(),
    questions: [{ text: 'are there hampers for christmas' }, { text: 'do you sell christmas hampers' }],
  })
})

t.test('a visitor who asked for a person is not an unanswered question', async (t) => {
  const s = await setup(t)
  await ask(s, 'voglio parlare con un operatore', 'it')
  t.equal((await s.learning.report({ since: 0 })).questions, 0)
})

t.test('an answer the visitor said did not help reports the question it answered', async (t) => {
  const s = await setup(t)
  const question = await ask(s, 'the courier never came')
  await s.conversations.handle(question.conversationId, {
    type: 'feedback',
    client_id: 'f1',
    seq: question.seq + 1,
    helpful: false,
  })
  const report = await s.learning.report({ since: 0 })
  t.match(report.groups, [{ reasons: { unhelpful: 1 }, questions: [{ text: 'the courier never came' }] }])
})

t.test('the report can be limited to one language and to a period', async (t) => {
  const s = await setup(t)
  await ask(s, 'do you sell car insurance')
  s.clock.advance(Day)
  const later = s.clock()
  await ask(s, '¿me recomiendas un buen abogado?', 'es')
  t.equal((await s.learning.report({ since: 0, lang: 'es' })).questions, 1)
  t.equal((await s.learning.report({ since: 0, lang: 'en' })).questions, 1)
  t.equal((await s.learning.report({ since: later })).questions, 1)
  t.equal((await s.learning.report({ since: 0, until: later })).questions, 1)
})

t.test('a question with personal data is reported as personal', async (t) => {
  const s = await setup(t)
  await ask(s, 'my sofa never showed up, call me on 333 123 4567')
  t.match((await s.learning.report({ since: 0 })).groups, [{ questions: [{ personal: true }] }])
})

t.test('an operator linking a question to an entry proposes it as a new way of asking', async (t) => {
  const s = await setup(t)
  const question = await ask(s, 'my sofa never showed up')
  const linked = await s.learning.linked(question, 'order-tracking', s.marta.id)
  t.match(linked.proposal, {
    kind: 'question',
    lang: 'en',
    entryId: 'order-tracking',
    questions: ['my sofa never showed up'],
    support: 1,
    status: 'open',
    sources: [{ conversationId: question.conversationId, seq: question.seq, operatorId: s.marta.id, at: s.clock() }],
  })
})

t.test('the same question linked from another conversation adds support, not a proposal', async (t) => {
  const s = await setup(t)
  const first = await ask(s, 'my sofa never showed up')
  const second = await ask(s, 'my sofa never showed up')
  await s.learning.linked(first, 'order-tracking', s.marta.id)
  const again = await s.learning.linked(second, 'order-tracking', s.marta.id)
  t.equal(again.proposal?.support, 2)
  t.equal((await s.learning.proposals({ status: 'open' })).length, 1)
})

t.test('questions with personal data, or already in the entry, are never proposed', async (t) => {
  const s = await setup(t)
  const phone = await ask(s, 'my sofa never showed up, call me on 333 123 4567')
  const card = await ask(s, 'card 4111 1111 1111 1111 was charged twice')
  const listed = await ask(s, 'How do I return something?')
  t.same(await s.learning.linked(phone, 'order-tracking', s.marta.id), { skipped: 'personal' })
  t.same(await s.learning.linked(card, 'payment-declined', s.marta.id), { skipped: 'redacted' })
  t.same(await s.learning.linked(listed, 'returns', s.marta.id), { skipped: 'already_listed' })
  t.same(await s.learning.proposals({}), [])
})

t.test('a question linked to an entry that does not exist is not proposed', async (t) => {
  const s = await setup(t)
  const question = await ask(s, 'my sofa never showed up')
  t.same(await s.learning.linked(question, 'no-such-entry', s.marta.id), { skipped: 'no_terms' })
})

t.test('the sweep proposes the question of a visitor who picked an offered entry, once', async (t) => {
  const s = await setup(t)
  const question = await ask(s, 'has my sofa shipped yet?')
  t.match(question.data, { triage: { decision: 'clarify' } })
  await s.conversations.handle(question.conversationId, {
    type: 'choose',
    client_id: 'p1',
    entry_id: 'order-tracking',
  })
  s.clock.advance(60_000)
  t.same(await s.learning.sweep(), { proposed: 1 })
  await s.learning.sweep()
  t.match(await s.learning.proposals({}), [
    { kind: 'question', entryId: 'order-tracking', questions: ['has my sofa shipped yet?'], support: 1 },
  ])
})

t.test('the sweep reads only the last 30 days', async (t) => {
  const s = await setup(t)
  const question = await ask(s, 'has my sofa shipped yet?')
  await s.conversations.handle(question.conversationId, { type: 'choose', client_id: 'p1', entry_id: 'order-tracking' })
  s.clock.advance(31 * Day)
  t.same(await s.learning.sweep(), { proposed: 0 })
})

t.test('the same reply to three escalated questions proposes a draft entry', async (t) => {
  const s = await setup(t)
  const replies = [
    'Yes: our Christmas hampers are sold from 1 November, with free gift wrap.',
    'Christmas hampers are on sale from 1 November and gift wrap is free.',
    'From 1 November we sell Christmas hampers; the gift wrap is free.',
  ]
  const questions = ['do you sell christmas hampers', 'christmas hamper for my team', 'are there hampers for christmas']
  for (const [i, text] of questions.entries()) {
    const question = await ask(s, text)
    await s.operators.claim(question.conversationId, s.marta)
    await s.operators.reply(question.conversationId, s.marta, `r${i}`, replies[i] ?? '')
    s.clock.advance(60_000)
  }
  t.same(await s.learning.sweep(), { proposed: 1 })
  const [draft] = await s.learning.proposals({})
  t.match(draft, { kind: 'entry', lang: 'en', support: 3, answer: /Christmas hampers/ })
  t.same(draft?.questions.slice().sort(), questions.slice().sort())
})

t.test("an operator's reply that says what an entry says proposes the question for that entry", async (t) => {
  const s = await setup(t)
  const question = await ask(s, 'got a slip through the door')
  t.match(question.data, { triage: { decision: 'escalate' } })
  await s.operators.claim(question.conversationId, s.marta)
  await s.operators.reply(
    question.conversationId,
    s.marta,
    'r1',
    'No problem: the carrier leaves a notice and tries again on the next working day. After two failed ' +
      'attempts the parcel waits at the local depot or pick-up point for 7 days; take the notice and an ID.'
  )
  s.clock.advance(60_000)
  t.same(await s.learning.sweep(), { proposed: 1 })
  t.match(await s.learning.proposals({}), [
    {
      kind: 'question',
      entryId: 'missed-delivery',
      questions: ['got a slip through the door'],
      sources: [{ operatorId: s.marta.id }],
    },
  ])
})

t.test('an accepted question is one more line in the entry, loaded at once', async (t) => {
  const s = await setup(t, { live: true })
  const question = await ask(s, 'my sofa never showed up')
  const { proposal } = await s.learning.linked(question, 'order-tracking', s.marta.id)
  s.clock.advance(3600_000)
  const accepted = await s.learning.accept(proposal?.id ?? '', 'op-editor')
  t.match(accepted, { ok: true, proposal: { status: 'accepted', decidedBy: 'op-editor', decidedAt: s.clock() } })
  const file = join(s.faqDir, 'en', 'order-tracking.md')
  t.equal(accepted.ok && accepted.file, file)
  t.match(readFileSync(file, 'utf8'), /\n {2}- my sofa never showed up\n/)
  t.same(s.reloads, [s.clock()])
  const decision = s.content().engine.triage('my sofa never showed up', { conversation: 'en' })
  t.match(decision, { decision: 'answer', entry: { id: 'order-tracking' } })
})

t.test('a proposal cannot be accepted twice', async (t) => {
  const s = await setup(t)
  const question = await ask(s, 'my sofa never showed up')
  const { proposal } = await s.learning.linked(question, 'order-tracking', s.marta.id)
  await s.learning.accept(proposal?.id ?? '', 'op-editor')
  t.match(await s.learning.accept(proposal?.id ?? '', 'op-editor'), {
    ok: false,
    code: 'FD_ERR_CONFLICT',
    message: 'this proposal was already accepted',
  })
  t.match(await s.learning.accept('nope', 'op-editor'), { ok: false, code: 'FD_ERR_NOT_FOUND' })
})

t.test('two proposals for one file accepted at the same time both land', async (t) => {
  const s = await setup(t)
  const ids: string[] = []
  for (const text of ['my sofa never showed up', 'still waiting for the table']) {
    ids.push((await s.learning.linked(await ask(s, text), 'order-tracking', s.marta.id)).proposal?.id ?? '')
  }
  const results = await Promise.all(ids.map((id) => s.learning.accept(id, 'op-editor')))
  t.match(results, [{ ok: true }, { ok: true }])
  const text = readFileSync(join(s.faqDir, 'en', 'order-tracking.md'), 'utf8')
  t.match(text, /- my sofa never showed up\n/)
  t.match(text, /- still waiting for the table\n/)
})

t.test('a draft entry is refused an id that exists or is not an id, and written as a new file', async (t) => {
  const s = await setup(t)
  const { proposal } = await s.store.upsertProposal({
    id: 'p-hampers',
    kind: 'entry',
    lang: 'en',
    entryId: 'do-you-sell-christmas-hampers',
    dedupeKey: 'entry|en|hampers',
    questions: ['do you sell christmas hampers'],
    title: 'do you sell christmas hampers',
    answer: 'Our Christmas hampers are sold from 1 November.',
    sources: [],
    createdAt: s.clock(),
  })
  t.match(await s.learning.accept(proposal.id, 'op-editor', { entryId: 'returns' }), {
    ok: false,
    code: 'FD_ERR_CONFLICT',
  })
  t.match(await s.learning.accept(proposal.id, 'op-editor', { entryId: 'Bad Id' }), {
    ok: false,
    code: 'FD_ERR_REQUEST_INVALID',
  })
  t.match(await s.learning.accept(proposal.id, 'op-editor', { answer: ' ' }), {
    ok: false,
    code: 'FD_ERR_REQUEST_INVALID',
  })
  const accepted = await s.learning.accept(proposal.id, 'op-editor', {
    entryId: 'christmas-hampers',
    title: 'Christmas hampers',
  })
  t.match(accepted, { ok: true, file: join(s.faqDir, 'en', 'christmas-hampers.md') })
  t.match(
    readFileSync(join(s.faqDir, 'en', 'christmas-hampers.md'), 'utf8'),
    /^---\ntitle: Christmas hampers\nquestions:\n {2}- do you sell christmas hampers\n/
  )
})

t.test('an edit that would break the FAQ is refused with the loader\'s problems and not written', async (t) => {
  const s = await setup(t)
  const question = await ask(s, 'my sofa never showed up')
  const { proposal } = await s.learning.linked(question, 'order-tracking', s.marta.id)
  const before = readFileSync(join(s.faqDir, 'en', 'order-tracking.md'), 'utf8')
  // "return policy" is already a question of the returns entry.
  const refused = await s.learning.accept(proposal?.id ?? '', 'op-editor', { question: 'return policy' })
  t.match(refused, { ok: false, code: 'FD_ERR_FAQ_INVALID', problems: [{ severity: 'error' }] })
  t.equal(readFileSync(join(s.faqDir, 'en', 'order-tracking.md'), 'utf8'), before)
  t.same(s.reloads, [])
  t.match(await s.store.getProposal(proposal?.id ?? ''), { status: 'open' })
})

t.test('a rejected proposal keeps the editor\'s note and cannot be decided again', async (t) => {
  const s = await setup(t)
  const question = await ask(s, 'my sofa never showed up')
  const { proposal } = await s.learning.linked(question, 'order-tracking', s.marta.id)
  const id = proposal?.id ?? ''
  t.match(await s.learning.reject(id, 'op-editor', 'too vague'), {
    ok: true,
    proposal: { status: 'rejected', note: 'too vague', decidedAt: s.clock() },
  })
  t.match(await s.learning.reject(id, 'op-editor', null), { ok: false, code: 'FD_ERR_CONFLICT' })
  t.match(await s.learning.accept(id, 'op-editor'), { ok: false, code: 'FD_ERR_CONFLICT' })
  t.match(await s.learning.reject('nope', 'op-editor', null), { ok: false, code: 'FD_ERR_NOT_FOUND' })
})
