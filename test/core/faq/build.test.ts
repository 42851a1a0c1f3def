import t from 'tap'
import { buildFaq, questionKey, type FaqInput } from '../../../src/core/faq/build.js'

const entry = (questions: string[], body = 'You can return anything within 30 days.') =>
  `---\nquestions:\n${questions.map((q) => `  - ${q}`).join('\n')}\n---\n${body}\n`

function input (docs: Record<string, Record<string, string>>, synonyms: Record<string, string> = {}): FaqInput {
  return {
    folders: Object.keys(docs).map((lang) => ({ lang, path: `faq/${lang}` })),
    documents: Object.entries(docs).flatMap(([lang, files]) =>
      Object.entries(files).map(([id, text]) => ({ file: `faq/${lang}/${id}.md`, lang, id, text }))
    ),
    synonyms: Object.entries(synonyms).map(([lang, text]) => ({ lang, file: `faq/${lang}/_synonyms.yaml`, text })),
  }
}

t.test('a valid FAQ in two languages builds with entries sorted by id', async (t) => {
  const { faq, problems } = buildFaq(
    input({
      en: { returns: entry(['How do I return an item?']), 'order-tracking': entry(['Where is my order?']) },
      es: { returns: entry(['¿Cómo devuelvo un artículo?']), 'order-tracking': entry(['¿Dónde está mi pedido?']) },
    })
  )
  t.same(problems, [])
  t.same(faq?.langs, ['en', 'es'])
  t.same(
    faq?.entries.get('es')?.map((e) => e.id),
    ['order-tracking', 'returns']
  )
})

t.test('a question listed under two entries is an error naming both files and lines', async (t) => {
  const { faq, problems } = buildFaq(
    input({
      en: {
        returns: entry(['How do I return an item?', 'refund please']),
        refunds: entry(['When do I get my money?', 'Refund, please!']),
      },
    })
  )
  t.equal(faq, undefined)
  t.match(problems, [
    {
      file: 'faq/en/refunds.md',
      line: 4,
      field: 'questions',
      message: /also a question of "returns" \(faq\/en\/returns.md:4\)/,
    },
  ])
})

t.test('a folder that is not a language code is an error', async (t) => {
  const { faq, problems } = buildFaq(
    input({ en: { returns: entry(['return']) }, english: { returns: entry(['return']) } })
  )
  t.equal(faq, undefined)
  t.match(problems, [{ file: 'faq/english', severity: 'error', message: /not a language code/ }])
})

t.test('an entry missing in one language is a warning and the FAQ still builds', async (t) => {
  const { faq, problems } = buildFaq(
    input({
      en: { returns: entry(['return']), warranty: entry(['warranty']) },
      it: { returns: entry(['reso']) },
    })
  )
  t.ok(faq)
  t.match(problems, [
    {
      file: 'faq/it/warranty.md',
      severity: 'warning',
      message: /missing translation: "warranty" exists in en but not in it/,
    },
  ])
})

t.test('two files with the same id in one language (sub-folders) are an error', async (t) => {
  const docs = input({ en: { returns: entry(['return']) } })
  docs.documents.push({ file: 'faq/en/old/returns.md', lang: 'en', id: 'returns', text: entry(['send back']) })
  const { faq, problems } = buildFaq(docs)
  t.equal(faq, undefined)
  t.match(problems, [{ file: 'faq/en/old/returns.md', message: /duplicate entry id "returns": faq\/en\/returns.md/ }])
})

t.test('a template error in an answer is reported at its line in the file', async (t) => {
  const { faq, problems } = buildFaq(
    input({ en: { contact: entry(['contact'], 'Write to us.\n\nMail {{shop.email}} or {{#if hours.open}}call') } })
  )
  t.equal(faq, undefined)
  t.match(problems, [{ file: 'faq/en/contact.md', severity: 'error' }])
  t.ok((problems[0]?.line ?? 0) >= 5, 'the line is inside the body')
})

t.test('an unknown template variable in an answer is an error', async (t) => {
  const { faq, problems } = buildFaq(input({ en: { contact: entry(['contact'], 'Call {{shop.fax}}.') } }))
  t.equal(faq, undefined)
  t.match(problems, [{ file: 'faq/en/contact.md', line: 5, message: /shop\.fax/ }])
})

t.test('synonym files are parsed per language and their errors reported', async (t) => {
  const ok = buildFaq(input({ en: { returns: entry(['return']) } }, { en: '- [parcel, package, shipment]\n' }))
  t.same(ok.faq?.synonyms.get('en'), [['parcel', 'package', 'shipment']])
  const bad = buildFaq(
    input({ en: { returns: entry(['return']) } }, { en: '- [parcel, package]\n- [money back, refund]\n' })
  )
  t.equal(bad.faq, undefined)
  t.match(bad.problems, [{ file: 'faq/en/_synonyms.yaml', line: 2, message: /several words/ }])
})

t.test('an FAQ with no entries is an error', async (t) => {
  const { faq, problems } = buildFaq(input({}))
  t.equal(faq, undefined)
  t.match(problems, [{ severity: 'error', message: /no entries/ }])
})

t.test('questions that differ only in case and punctuation have the same key', async (t) => {
  t.equal(questionKey('Where is my order?'), questionKey('where is  my ORDER'))
  t.not(questionKey('Where is my order?'), questionKey('Where is my refund?'))
})
