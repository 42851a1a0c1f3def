import t from 'tap'
import type { FaqInput } from '../../../src/core/faq/build.js'
import { buildServable } from '../../../src/core/faq/serve.js'

const doc = (id: string, questions: string[], body = 'An answer.') => ({
  file: `faq/en/${id}.md`,
  lang: 'en',
  id,
  text: `---\nquestions:\n${questions.map((q) => `  - ${q}\n`).join('')}---\n${body}\n`,
})
const input = (...documents: FaqInput['documents']): FaqInput => ({
  folders: [{ lang: 'en', path: 'faq/en' }],
  documents,
  synonyms: [],
})

t.test('a valid FAQ is served whole', async (t) => {
  const r = buildServable(input(doc('returns', ['how do I return'])))
  t.ok(r.faq)
  t.same(r.held, [])
})

t.test('a broken file without a last good version is left out; the rest is served', async (t) => {
  const broken = { ...doc('empty', []), text: '' }
  const r = buildServable(input(doc('returns', ['how do I return']), broken))
  t.same(r.faq?.entries.get('en')?.map((e) => e.id), ['returns'])
  t.same(r.held, [{ file: 'faq/en/empty.md', as: 'left out' }])
  t.match(r.problems, [{ file: 'faq/en/empty.md', line: 1, severity: 'error' }])
})

t.test('a broken file with a last good version is served as it was', async (t) => {
  const good = input(doc('returns', ['how do I return']), doc('refunds', ['when is my refund']))
  const now = input(doc('returns', ['how do I return']), { ...doc('refunds', []), text: '---\nquestions: [\n---\nx\n' })
  const r = buildServable(now, good)
  t.same(r.faq?.entries.get('en')?.find((e) => e.id === 'refunds')?.questions, ['when is my refund'])
  t.same(r.held, [{ file: 'faq/en/refunds.md', as: 'last good version' }])
  t.equal(r.served?.documents.find((d) => d.id === 'refunds')?.text, good.documents[1]?.text, 'kept for next time')
})

t.test('of two files with the same question, the later one is held back', async (t) => {
  const r = buildServable(input(doc('returns', ['how do I return']), doc('swaps', ['how do I return'])))
  t.same(r.faq?.entries.get('en')?.map((e) => e.id), ['returns'])
  t.same(r.held, [{ file: 'faq/en/swaps.md', as: 'left out' }])
})

t.test('nothing valid: nothing served', async (t) => {
  const r = buildServable(input({ ...doc('empty', []), text: '' }))
  t.equal(r.faq, undefined)
})
