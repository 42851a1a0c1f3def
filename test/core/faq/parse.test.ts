import t from 'tap'
import { parseFaqDocument } from '../../../src/core/faq/parse.js'

const doc = (text: string, id = 'returns') => parseFaqDocument({ file: 'faq/en/returns.md', lang: 'en', id, text })

t.test('a well-formed document becomes an entry with its questions, tags and title', async (t) => {
  const { entry, problems } = doc(
    '---\ntitle: Returns\nquestions:\n  - How do I return an item?\n  - return policy\ntags: [returns]\n---\n\nYou have **30 days**.\n'
  )
  t.same(problems, [])
  t.equal(entry?.title, 'Returns')
  t.same(entry?.questions, ['How do I return an item?', 'return policy'])
  t.same(entry?.tags, ['returns'])
  t.equal(entry?.body, 'You have **30 days**.')
  t.equal(entry?.bodyLine, 9)
})

t.test('a file without front matter is reported at line 1', async (t) => {
  const { entry, problems } = doc('Just an answer, no questions.\n')
  t.equal(entry, undefined)
  t.match(problems, [{ file: 'faq/en/returns.md', line: 1, severity: 'error', message: /missing front matter/ }])
})

t.test('missing questions are reported with the field name', async (t) => {
  const { problems } = doc('---\ntitle: Returns\n---\nAnswer.\n')
  t.match(problems, [{ field: 'questions', severity: 'error', message: /missing/ }])
})

t.test('an empty item in questions is reported at its own line', async (t) => {
  const { problems } = doc('---\nquestions:\n  - How do I return an item?\n  -\n  - refund\n---\nAnswer.\n')
  t.match(problems, [{ line: 4, field: 'questions', message: /non-empty text/ }])
})

t.test('questions given as a single text instead of a list are refused', async (t) => {
  const { problems } = doc('---\nquestions: How do I return an item?\n---\nAnswer.\n')
  t.match(problems, [{ line: 2, field: 'questions', message: /list of texts/ }])
})

t.test('invalid YAML is reported at the real file line', async (t) => {
  const { problems } = doc('---\ntitle: Returns\nquestions:\n  - a\n  - b: c: d\n---\nAnswer.\n')
  t.equal(problems[0]?.severity, 'error')
  t.match(problems[0]?.message, /invalid YAML/)
  t.ok((problems[0]?.line ?? 0) >= 4, 'points inside the front matter, not at line 1')
})

t.test('a duplicated key is an error, not a silent overwrite', async (t) => {
  const { problems } = doc('---\nquestions:\n  - a\nquestions:\n  - b\n---\nAnswer.\n')
  t.match(problems, [{ severity: 'error', message: /invalid YAML/ }])
})

t.test('an unknown field is a warning and the entry still loads', async (t) => {
  const { entry, problems } = doc('---\nquestions: [refund]\ncategory: money\n---\nAnswer.\n')
  t.ok(entry)
  t.match(problems, [{ line: 3, field: 'category', severity: 'warning' }])
})

t.test('an empty answer body is an error', async (t) => {
  const { problems } = doc('---\nquestions: [refund]\n---\n\n   \n')
  t.match(problems, [{ severity: 'error', message: /answer is empty/ }])
})

t.test('a file name that is not a valid id is reported', async (t) => {
  const { problems } = doc('---\nquestions: [refund]\n---\nAnswer.\n', 'Returns Policy')
  t.match(problems, [{ line: 1, message: /not a valid entry id/ }])
})

t.test('the title defaults to the first question and numbers are taken as text', async (t) => {
  const { entry } = doc('---\nquestions:\n  - 404\n  - page not found\n---\nAnswer.\n')
  t.equal(entry?.title, '404')
  t.same(entry?.questions, ['404', 'page not found'])
})

t.test('Windows line endings and a byte order mark are accepted', async (t) => {
  const { entry, problems } = doc('\uFEFF---\r\nquestions:\r\n  - refund\r\n---\r\nAnswer.\r\n')
  t.same(problems, [])
  t.same(entry?.questions, ['refund'])
})

t.test('an overlong question is refused', async (t) => {
  const { problems } = doc(`---\nquestions:\n  - ${'why '.repeat(100)}\n---\nAnswer.\n`)
  t.match(problems, [{ line: 3, message: /characters long/ }])
})
