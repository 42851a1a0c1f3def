import t from 'tap'
import { parseFaqDocument } from '../../../src/core/faq/parse.js'
import { addQuestion, newEntryDocument, slugFor, titleFrom, yamlItem } from '../../../src/core/learning/edit.js'

const source = (text: string) => ({ file: 'faq/en/returns.md', lang: 'en', id: 'returns', text })
const block = `---
title: Returns
# editors' comment stays
questions:
  - How do I return something?
  - "Can I send it back?"
tags: [returns]
---

Send it back within **30 days**.
`

t.test('a question goes after the last one of a block list, and nothing else changes', async (t) => {
  const r = addQuestion(source(block), 'where do I post a return')
  t.ok(r.ok)
  if (!r.ok) return
  t.equal(
    r.text,
    block.replace('  - "Can I send it back?"\n', '  - "Can I send it back?"\n  - where do I post a return\n')
  )
  t.same(parseFaqDocument(source(r.text)).entry?.questions, [
    'How do I return something?',
    'Can I send it back?',
    'where do I post a return',
  ])
})

t.test('text YAML would misread is quoted, and comes back exactly', async (t) => {
  for (const q of [
    'refund: how long?',
    'yes',
    '#1 question',
    '"quoted" already',
    "it's broken",
    '12345',
    'tab\there',
    '  spaced  ',
    '{{constructor}}',
    '- dash first',
    'ok?',
    '¿Dónde está mi pedido?',
  ]) {
    const r = addQuestion(source(block), q)
    t.ok(r.ok, q)
    if (r.ok) {
      t.equal(parseFaqDocument(source(r.text)).entry?.questions.at(-1), q.trim(), `round trip of ${JSON.stringify(q)}`)
    }
  }
  t.equal(yamlItem('where is my parcel?'), 'where is my parcel?', 'plain when safe')
  t.equal(yamlItem('a: b'), '"a: b"')
})

t.test('continuation lines of the last item, CRLF files and flow lists', async (t) => {
  const wrapped = block.replace('  - "Can I send it back?"\n', '  - Can I send it\n    back please?\n')
  const r1 = addQuestion(source(wrapped), 'new one')
  t.ok(r1.ok)
  if (r1.ok) {
    t.same(parseFaqDocument(source(r1.text)).entry?.questions, [
      'How do I return something?',
      'Can I send it back please?',
      'new one',
    ])
  }
  const crlf = block.replace(/\n/g, '\r\n')
  const r2 = addQuestion(source(crlf), 'new one')
  t.ok(r2.ok)
  if (r2.ok) {
    t.notOk(/[^\r]\n/.test(r2.text), 'stays CRLF')
    t.equal(parseFaqDocument(source(r2.text)).entry?.questions.at(-1), 'new one')
  }
  const flow = '---\ntitle: Returns\nquestions: [How do I return something?, send it back]\n---\nAnswer.\n'
  const r3 = addQuestion(source(flow), 'new one')
  t.ok(r3.ok)
  if (r3.ok) {
    t.same(parseFaqDocument(source(r3.text)).entry?.questions, [
      'How do I return something?',
      'send it back',
      'new one',
    ])
  }
})

t.test(
  'refused: a question already listed, empty, multi-line or too long, or a file that does not parse',
  async (t) => {
    t.match(addQuestion(source(block), 'how do i RETURN something'), { ok: false, message: /already lists/ })
    t.match(addQuestion(source(block), '   '), { ok: false, message: /empty/ })
    t.match(addQuestion(source(block), 'two\nlines'), { ok: false, message: /one line/ })
    t.match(addQuestion(source(block), 'x'.repeat(301)), { ok: false, message: /300/ })
    t.match(addQuestion(source('no front matter'), 'q'), { ok: false, message: /does not parse now/ })
  }
)

t.test('a new entry document parses back to what was given', async (t) => {
  const text = newEntryDocument({
    title: 'Gift receipts: how?',
    questions: ['can I get a gift receipt', 'yes'],
    answer: 'Tick **gift** at checkout.',
  })
  const parsed = parseFaqDocument({ file: 'faq/en/gift-receipts.md', lang: 'en', id: 'gift-receipts', text })
  t.same(parsed.problems, [])
  t.equal(parsed.entry?.title, 'Gift receipts: how?')
  t.same(parsed.entry?.questions, ['can I get a gift receipt', 'yes'])
  t.equal(parsed.entry?.body, 'Tick **gift** at checkout.')
  t.match(text, /\nquestions:\n {2}- can I get a gift receipt\n/)
})

t.test('entry ids from titles', async (t) => {
  t.equal(slugFor('Gift receipts: how?'), 'gift-receipts-how')
  t.equal(slugFor('¿Envío a Canarias?'), 'envio-a-canarias')
  t.equal(slugFor('Доставка'), '')
})

t.test('a draft title is one line, without control characters, at most 200 characters', async (t) => {
  t.equal(titleFrom('hampers\n---\nquestions: [x]'), 'hampers --- questions: [x]')
  t.equal(titleFrom('Hampers\u0000\u001b[31m'), 'Hampers[31m')
  const long = titleFrom(`do you sell ${'very '.repeat(800)}big hampers`)
  t.ok([...long].length <= 200, `${[...long].length} characters`)
  t.match(long, /^do you sell very .* very…$/, 'cut at a word, with an ellipsis')
  t.equal(titleFrom('x'.repeat(250)).length, 200, 'one long word is cut where it must')
})

t.test('a title with a "---" line still gives a document that parses', async (t) => {
  const text = newEntryDocument({ title: titleFrom('a\n---\nb'), questions: ['q one'], answer: 'Yes.' })
  t.equal(parseFaqDocument(source(text)).entry?.title, 'a --- b')
})
