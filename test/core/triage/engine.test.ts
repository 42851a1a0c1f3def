import t from 'tap'
import type { Faq, FaqEntry } from '../../../src/core/faq/types.js'
import { createTriageEngine } from '../../../src/core/triage/engine.js'

const entry = (lang: string, id: string, title: string, questions: string[]): FaqEntry => ({
  id,
  lang,
  title,
  questions,
  tags: [],
  body: `${title}: see our policy.`,
  file: `faq/${lang}/${id}.md`,
  bodyLine: 5,
  questionLines: questions.map((_, i) => 3 + i),
})

const faq: Faq = {
  langs: ['en', 'es'],
  entries: new Map([
    [
      'en',
      [
        entry('en', 'returns', 'Returning an item', [
          'How do I return an item?',
          'return policy',
          'can I send something back',
          'I want to return my order',
          'how many days do I have to return',
        ]),
        entry('en', 'refunds', 'When is my refund paid?', [
          'when will I get my refund',
          'refund not received',
          'how long does a refund take',
          'where is my money back',
          'refund status',
        ]),
        entry('en', 'shipping', 'Delivery times and costs', [
          'how long does delivery take',
          'shipping costs',
          'delivery to Germany',
          'when will my parcel arrive',
          'do you ship abroad',
        ]),
        entry('en', 'payment', 'Ways to pay', [
          'which payment methods do you accept',
          'can I pay with PayPal',
          'do you take credit cards',
          'pay by bank transfer',
          'payment options',
        ]),
      ],
    ],
    [
      'es',
      [
        entry('es', 'returns', 'Devolver un artículo', [
          '¿Cómo devuelvo un artículo?',
          'política de devoluciones',
          'quiero devolver mi pedido',
          'cuántos días tengo para devolver',
          'puedo devolver algo',
        ]),
        entry('es', 'refunds', '¿Cuándo recibo el reembolso?', [
          'cuándo recibo mi reembolso',
          'no me ha llegado el reembolso',
          'cuánto tarda el reembolso',
          'estado del reembolso',
          'dónde está mi dinero',
        ]),
        entry('es', 'shipping', 'Plazos y costes de envío', [
          'cuánto tarda el envío',
          'gastos de envío',
          'envío a Alemania',
          'cuándo llega mi paquete',
          'enviáis al extranjero',
        ]),
        entry('es', 'payment', 'Formas de pago', [
          'qué métodos de pago aceptáis',
          'puedo pagar con PayPal',
          'aceptáis tarjeta de crédito',
          'pagar por transferencia',
          'opciones de pago',
        ]),
      ],
    ],
  ]),
  synonyms: new Map(),
}
const engine = createTriageEngine(faq, { defaultLang: 'en' })

t.test("a clear FAQ question is answered with its entry in the visitor's language", async (t) => {
  const d = engine.triage('¿cuánto tarda el envío a Alemania?', { browser: 'es' })
  t.equal(d.decision, 'answer')
  t.equal(d.lang, 'es')
  if (d.decision === 'answer') t.equal(d.entry.id, 'shipping')
  t.equal(d.evidence.candidates[0]?.title, 'Plazos y costes de envío', 'candidates carry titles in that language')
})

t.test('asking for a person escalates at once, whatever the FAQ would match', async (t) => {
  const d = engine.triage('I want to talk to a human about my refund', { conversation: 'en' })
  t.match(d, { decision: 'escalate', reason: 'asked_for_person', evidence: { handoff: { lang: 'en' } } })
})

t.test('a question sharing no word with the FAQ escalates as no match', async (t) => {
  t.match(engine.triage('xylophone zebra quantum', { conversation: 'en' }), {
    decision: 'escalate',
    reason: 'no_match',
  })
})

t.test('an unrelated question with common words is not answered', async (t) => {
  const d = engine.triage('what is the capital of France', { conversation: 'en' })
  t.not(d.decision, 'answer')
})

t.test('a message in a language the FAQ does not have escalates as unsupported', async (t) => {
  const d = engine.triage('Wie lange dauert die Lieferung nach Österreich und was kostet der Versand?', {
    conversation: 'en',
  })
  t.match(d, { decision: 'escalate', reason: 'unsupported_language', evidence: { lang: { foreign: 'de' } } })
})

t.test('a short reply keeps the conversation language', async (t) => {
  t.equal(engine.triage('ok', { conversation: 'es' }).lang, 'es')
})

t.test('a clarify offers two or three of the closest entries, best first', async (t) => {
  const low = createTriageEngine(faq, { defaultLang: 'en', thresholds: { answer: 0.999, clarify: 0.01 } })
  const d = low.triage('refund for my return', { conversation: 'en' })
  t.equal(d.decision, 'clarify')
  if (d.decision === 'clarify') {
    t.ok(d.choices.length >= 1 && d.choices.length <= 3)
    t.same(
      d.choices.map((c) => c.confidence),
      [...d.choices.map((c) => c.confidence)].sort((a, b) => b - a)
    )
    t.ok(['refunds', 'returns'].includes(d.choices[0]?.entryId ?? ''))
  }
})

t.test('thresholds out of order are refused when the engine is built', async (t) => {
  t.throws(() => createTriageEngine(faq, { defaultLang: 'en', thresholds: { answer: 0.3, clarify: 0.6 } }), {
    code: 'FD_ERR_CONFIG_INVALID',
  })
})

t.test('suggestions for operators rank the entries of the given language', async (t) => {
  t.equal(engine.suggest('gastos de envío', 'es')[0]?.entryId, 'shipping')
  t.equal(engine.entry('es', 'payment')?.title, 'Formas de pago')
})

t.test('a small-talk opening does not lower the confidence of the question after it', async (t) => {
  const plain = engine.triage('¿cuánto tarda el envío a Alemania?', { conversation: 'es' })
  const thanked = engine.triage('gracias, pero ¿cuánto tarda el envío a Alemania?', { conversation: 'es' })
  t.equal(thanked.decision, 'answer')
  t.same(thanked.evidence.terms, plain.evidence.terms, 'the thanks is not searched')
})

t.test('a question whose first clause is not small talk is matched whole', async (t) => {
  const d = engine.triage('refund, how long does it take?', { conversation: 'en' })
  t.ok(d.evidence.terms.includes('refund'))
})
