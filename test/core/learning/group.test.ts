import { join } from 'node:path'
import t from 'tap'
import { createRedactor } from '../../../src/core/redact/index.js'
import { loadContent } from '../../../src/content/load.js'
import { cosine, createGrouper, groupQuestions, sharedConfidence, tfidf } from '../../../src/core/learning/group.js'
import {
  personalReason,
  proposalsFromReplies,
  questionFromLink,
  type AnsweredQuestion,
} from '../../../src/core/learning/proposals.js'

const root = join(import.meta.dirname, '..', '..', '..')
const { content } = await loadContent({
  faqDir: join(root, 'faq'),
  templatesDir: join(root, 'templates'),
  defaultLang: 'en',
  thresholds: undefined,
  shop: { name: 'Test' },
} as never)
if (content === undefined) throw new Error('the sample FAQ does not load')
const matcher = content.engine.matchers.get('en')
const view = (key: string, text: string) => {
  const r = matcher?.match(text, 8) ?? { terms: [], candidates: [] }
  return {
    key,
    text,
    terms: r.terms,
    candidates: r.candidates.map((c) => ({ entryId: c.entryId, title: c.entryId, confidence: c.confidence })),
  }
}

t.test('vector helpers', async (t) => {
  const [a, b, c] = tfidf([
    ['parcel', 'arriv'],
    ['parcel', 'late'],
    ['sofa', 'colour'],
  ])
  t.ok(cosine(a!, b!) > 0 && cosine(a!, b!) < 1)
  t.equal(cosine(a!, c!), 0)
  t.equal(cosine(a!, a!), 1)
  t.equal(cosine(new Map(), a!), 0)
  t.equal(
    sharedConfidence(
      new Map([
        ['x', 0.1],
        ['y', 0.05],
      ]),
      new Map([['x', 0.9]])
    ),
    0.1,
    'weak matches share little'
  )
})

t.test('"where is my parcel" and "my package hasn\'t arrived" form one group; other topics stay apart', async (t) => {
  const groups = groupQuestions([
    view('1', 'where is my parcel'),
    view('2', 'do you sell garden furniture'),
    view('3', "my package hasn't arrived"),
    view('4', 'parcel still not here after two weeks'),
    view('5', 'can I pay with bitcoin'),
    view('6', 'do you have outdoor furniture for gardens'),
  ])
  const keys = groups.map((g) => g.questions.map((q) => q.key).sort())
  t.same(keys[0], ['1', '3', '4'], 'the parcel questions, biggest group first')
  t.ok(
    keys.some((k) => k.join() === '2,6'),
    `garden furniture together: ${JSON.stringify(keys)}`
  )
  t.ok(
    keys.some((k) => k.join() === '5'),
    'bitcoin alone'
  )
  t.equal(groups[0]?.closest[0]?.entryId, 'order-tracking', 'closest entry of the parcel group')
  t.equal(groups[0]?.id, '1')
})

t.test('an empty list gives no groups; a strict threshold splits everything', async (t) => {
  t.same(groupQuestions([]), [])
  t.equal(
    groupQuestions([view('a', 'where is my parcel'), view('b', "my package hasn't arrived")], { minSimilarity: 1.01 })
      .length,
    2
  )
})

t.test('a linked question is proposed unless it is personal, too long, empty or already listed', async (t) => {
  const base = {
    lang: 'en',
    entryId: 'order-tracking',
    redactions: 0,
    found: [],
    entryQuestions: ['Where is my order?'],
  }
  const found = (text: string) => ({ text, found: createRedactor().personal(text) })
  const ok = questionFromLink({ ...base, text: '  parcel   not here yet ', terms: ['parcel', 'yet'] })
  t.same(ok, { ok: true, question: 'parcel not here yet', dedupeKey: 'question|en|order-tracking|parcel yet' })
  const again = questionFromLink({ ...base, text: 'parcel not here yet!', terms: ['yet', 'parcel'] })
  t.equal(again.ok && again.dedupeKey, 'question|en|order-tracking|parcel yet', 'same terms, same key')
  t.same(questionFromLink({ ...base, text: 'my card [card number removed]', terms: ['card'], redactions: 1 }), {
    ok: false,
    reason: 'redacted',
  })
  t.same(questionFromLink({ ...base, ...found('order 123 456 78 missing'), terms: ['order'] }), {
    ok: false,
    reason: 'personal',
  })
  t.same(questionFromLink({ ...base, ...found('mail me at a@b.co'), terms: ['mail'] }), { ok: false, reason: 'personal' })
  t.same(questionFromLink({ ...base, text: 'x'.repeat(301), terms: ['x'] }), { ok: false, reason: 'too_long' })
  t.same(questionFromLink({ ...base, text: 'the', terms: [] }), { ok: false, reason: 'no_terms' })
  t.same(questionFromLink({ ...base, text: 'where is my ORDER', terms: ['order'] }), {
    ok: false,
    reason: 'already_listed',
  })
  t.same(questionFromLink({ ...base, ...found('pay with 4111.1111.1111.1111?'), terms: ['pay'] }), {
    ok: false,
    reason: 'redacted',
  }, 'a card the redactor finds now, though nothing was removed when it was stored')
  t.equal(personalReason(0, createRedactor().personal('order 12345 is late')), undefined, 'five digits are not personal')
})

t.test('operators answering alike: variants of an entry, and a draft entry from three conversations', async (t) => {
  const a = (
    i: number,
    question: string,
    reply: string,
    conversationId = `c${i}`,
    redactions = 0
  ): AnsweredQuestion => ({
    key: `${conversationId}:1`,
    conversationId,
    seq: 1,
    lang: 'en',
    question,
    questionTerms: question.split(' '),
    redactions,
    found: createRedactor().personal(question),
    reply,
    replyTerms: reply.toLowerCase().split(/\W+/).filter(Boolean),
    operatorId: 'op',
    at: i,
  })
  const entries = [
    {
      entryId: 'returns',
      title: 'Returns',
      questions: ['how do I return'],
      answerTerms: 'you can return any item within 30 days using the prepaid label'.split(' '),
    },
  ]
  const out = proposalsFromReplies(
    [
      a(1, 'can I swap a lamp', 'you can return any item within 30 days using the prepaid label'),
      a(2, 'gift wrap for christmas hampers', 'we sell christmas hampers from november with free gift wrap'),
      a(3, 'do you do hampers', 'christmas hampers are sold from november, gift wrap free'),
      a(4, 'hamper for my boss', 'from november we sell christmas hampers with gift wrap for free'),
      a(5, 'hamper to 1234567 street', 'christmas hampers from november, free gift wrap', 'c5', 0),
      a(6, 'how do I return', 'you can return any item within 30 days using the prepaid label'),
    ],
    entries
  )
  t.same(
    out.variants.map((v) => [v.entryId, v.answered.question]),
    [['returns', 'can I swap a lamp']],
    'a listed question is not proposed again'
  )
  t.equal(out.drafts.length, 1)
  t.same(
    out.drafts[0]?.answered.map((x) => x.conversationId).sort(),
    ['c2', 'c3', 'c4'],
    'the personal question is left out'
  )
  t.match(out.drafts[0]?.answer.reply, /hampers/)
  t.match(out.drafts[0]?.dedupeKey, /^entry\|en\|/)
  const two = proposalsFromReplies(
    [a(2, 'hampers?', 'we sell christmas hampers from november'), a(3, 'hampers', 'christmas hampers from november')],
    entries
  )
  t.same(two.drafts, [], 'two conversations are not enough')
  const same = proposalsFromReplies(
    [
      a(2, 'h1', 'christmas hampers from november', 'c1'),
      a(3, 'h2', 'christmas hampers from november', 'c1'),
      a(4, 'h3', 'christmas hampers from november', 'c1'),
    ],
    entries
  )
  t.same(same.drafts, [], 'one conversation three times is not three')
})

t.test('a grouper fed one question at a time groups exactly as groupQuestions does', async (t) => {
  const questions = [
    view('1', 'where is my parcel'),
    view('2', "my package hasn't arrived"),
    view('3', 'do you sell gift cards'),
    view('4', 'where is my parcel now'),
  ]
  const grouper = createGrouper<(typeof questions)[number]>(questions.map((q) => q.terms))
  for (const q of questions) grouper.add(q)
  t.same(grouper.groups(), groupQuestions(questions))
})
