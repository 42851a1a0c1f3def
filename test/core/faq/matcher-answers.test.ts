import t from 'tap'
import { answerText } from '../../../src/core/faq/answer-text.js'
import { createMatcher, type MatcherEntry } from '../../../src/core/faq/matcher.js'

// A shop FAQ as it really is: one or two questions per entry, and an answer in the words
// visitors use.
const en: MatcherEntry[] = [
  {
    id: 'returns',
    questions: ['How do I return an item?'],
    answer: answerText(
      'Print the **prepaid label** from [My account](https://shop.example/account), stick it on the box ' +
        'and drop the parcel at any post office. Questions? Write to {{shop.email}}.'
    ),
  },
  {
    id: 'delivery-time',
    questions: ['How long does delivery take?'],
    answer: 'Orders leave our warehouse within one working day; the courier brings them in 2 to 4 days.',
  },
]

const es: MatcherEntry[] = [
  {
    id: 'devoluciones',
    questions: ['¿Cómo devuelvo un artículo?'],
    answer: 'Imprime la etiqueta prepagada desde tu cuenta y lleva el paquete a cualquier oficina de correos.',
  },
  {
    id: 'plazos-de-entrega',
    questions: ['¿Cuánto tarda el envío?'],
    answer: 'Los pedidos salen del almacén en un día laborable; el mensajero tarda de 2 a 4 días.',
  },
]

t.test('answer text keeps the prose and drops markdown, links and template variables', async (t) => {
  const text = answerText('## Returns\n\n- Use the **label** from [your account](https://x.example/a).\n- Mail {{shop.email}}')
  t.equal(text, 'Returns Use the label from your account. Mail')
})

t.test('a question worded like the answer finds its entry through the answer text', async (t) => {
  const best = createMatcher(en, { lang: 'en' }).match('where do I get the prepaid label?').candidates[0]
  t.equal(best?.entryId, 'returns')
  t.same(best?.answerTerms, ['prepaid', 'label'])
})

t.test('a spanish question worded like the answer finds its entry through the answer text', async (t) => {
  const best = createMatcher(es, { lang: 'es' }).match('¿dónde imprimo la etiqueta?').candidates[0]
  t.equal(best?.entryId, 'devoluciones')
  t.ok((best?.answerTerms ?? []).length > 0, 'the evidence says the answer carried the match')
})

t.test('a match on the questions does not list answer terms', async (t) => {
  const best = createMatcher(en, { lang: 'en' }).match('how long does delivery take').candidates[0]
  t.equal(best?.entryId, 'delivery-time')
  t.equal(best?.answerTerms, undefined)
})

t.test('answers count as evidence of their own, apart from the questions', async (t) => {
  const evidence = createMatcher(en, { lang: 'en' }).match('prepaid label for the post office').evidence
  t.ok((evidence?.answerCoverage ?? 0) > 0.5)
  t.equal(evidence?.entryCoverage, 0)
})

t.test('an index boost of 0 leaves the answers out of the keyword search', async (t) => {
  const matcher = createMatcher(en, { lang: 'en', answers: { indexBoost: 0 } })
  t.equal(matcher.match('where do I get the prepaid label?').candidates[0]?.answerTerms, undefined)
})

t.test('a negative answer weight is rejected at build time, by name', async (t) => {
  t.throws(() => createMatcher(en, { lang: 'en', answers: { indexBoost: -1 } }), {
    code: 'FD_ERR_CONFIG_INVALID',
    message: /answers\.indexBoost/,
  })
})

t.test('answer passages can train the classifier too, when asked for', async (t) => {
  const matcher = createMatcher(en, { lang: 'en', answers: { classifierWeight: 0.5 } })
  t.equal(matcher.match('the courier brings it in a few days').candidates[0]?.entryId, 'delivery-time')
  t.equal(matcher.questions, 2, 'passages are not counted as questions')
})
