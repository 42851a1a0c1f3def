import t from 'tap'
import { createMatcher, type MatcherEntry } from '../../../src/core/faq/matcher.js'
import { DefaultThresholds, verdictFor } from '../../../src/core/triage/thresholds.js'

// A small shop's FAQ, as its editors would write it: a handful of ways to ask each question.
const en: MatcherEntry[] = [
  {
    id: 'shipping-cost',
    title: 'Shipping costs',
    questions: [
      'How much does shipping cost?',
      'What are the delivery charges?',
      'Is shipping free?',
      'Do you charge for delivery?',
      'How much is postage to Germany?',
    ],
  },
  {
    id: 'delivery-time',
    title: 'Delivery times',
    questions: [
      'How long does delivery take?',
      'When will my order arrive?',
      'How many days until my parcel is delivered?',
      'What is the delivery time?',
      'How fast do you ship?',
    ],
  },
  {
    id: 'returns',
    title: 'Returning an item',
    questions: [
      'How do I return an item?',
      'Can I send back a product?',
      'What is your return policy?',
      'How can I return my order?',
      'I want to return something I bought',
    ],
  },
  {
    id: 'refund-status',
    title: 'Refunds',
    questions: [
      'When will I get my refund?',
      'My refund has not arrived yet',
      'How long do refunds take?',
      'Where is my money back?',
      'Have you processed my refund?',
    ],
  },
  {
    id: 'order-tracking',
    title: 'Tracking an order',
    questions: [
      'Where is my order?',
      'How can I track my parcel?',
      'Can I get a tracking number?',
      'Track my package',
      'My order has not arrived',
    ],
  },
  {
    id: 'payment-methods',
    title: 'Payment methods',
    questions: [
      'Which payment methods do you accept?',
      'Can I pay with PayPal?',
      'Do you take credit cards?',
      'Can I pay by bank transfer?',
      'Is cash on delivery possible?',
    ],
  },
  {
    id: 'change-address',
    title: 'Changing the delivery address',
    questions: [
      'How do I change my delivery address?',
      'I entered the wrong address',
      'Can I update the shipping address of my order?',
      'Change the address on my order',
    ],
  },
  {
    id: 'cancel-order',
    title: 'Cancelling an order',
    questions: [
      'How do I cancel my order?',
      'Can I cancel an order I just placed?',
      'I want to cancel my purchase',
      'Cancel my order please',
    ],
  },
  {
    id: 'opening-hours',
    title: 'Opening hours',
    questions: [
      'What are your opening hours?',
      'When is your shop open?',
      'Are you open on Sunday?',
      'What time do you close?',
    ],
  },
  {
    id: 'size-guide',
    title: 'Size guide',
    questions: [
      'How do I find my size?',
      'Do your shoes run small?',
      'Where is the size chart?',
      'What size should I order?',
    ],
  },
  {
    id: 'gift-cards',
    title: 'Gift cards',
    questions: [
      'Do you sell gift cards?',
      'Can I redeem a gift card online?',
      'How do I use a gift card?',
      'Does my gift card expire?',
    ],
  },
  {
    id: 'warranty',
    title: 'Warranty',
    questions: [
      'Is there a warranty?',
      'My product broke, is it covered?',
      'How long is the guarantee?',
      'What does the warranty cover?',
    ],
  },
]

const es: MatcherEntry[] = [
  {
    id: 'gastos-envio',
    title: 'Gastos de envío',
    questions: [
      '¿Cuánto cuesta el envío?',
      '¿El envío es gratis?',
      '¿Cobráis gastos de envío?',
      '¿Cuál es el precio del envío a Canarias?',
    ],
  },
  {
    id: 'devoluciones',
    title: 'Devoluciones',
    questions: [
      '¿Cómo devuelvo un producto?',
      '¿Puedo devolver mi pedido?',
      '¿Cuál es la política de devoluciones?',
      'Quiero devolver algo que compré',
    ],
  },
  {
    id: 'seguimiento',
    title: 'Seguimiento del pedido',
    questions: [
      '¿Dónde está mi pedido?',
      '¿Cómo puedo seguir mi paquete?',
      '¿Me dais un número de seguimiento?',
      'Mi pedido no ha llegado',
    ],
  },
  {
    id: 'formas-pago',
    title: 'Formas de pago',
    questions: [
      '¿Qué formas de pago aceptáis?',
      '¿Puedo pagar con PayPal?',
      '¿Aceptáis tarjeta de crédito?',
      '¿Se puede pagar contra reembolso?',
    ],
  },
  {
    id: 'horario',
    title: 'Horario',
    questions: [
      '¿Cuál es vuestro horario?',
      '¿A qué hora abre la tienda?',
      '¿Abrís los domingos?',
      '¿Cuándo cierra la tienda?',
    ],
  },
  {
    id: 'tallas',
    title: 'Guía de tallas',
    questions: [
      '¿Cómo sé mi talla?',
      '¿Dónde está la tabla de tallas?',
      '¿Qué talla debo pedir?',
      '¿Las zapatillas tallan pequeño?',
    ],
  },
]

const it: MatcherEntry[] = [
  {
    id: 'costi-spedizione',
    title: 'Costi di spedizione',
    questions: [
      'Quanto costa la spedizione?',
      'La spedizione è gratuita?',
      'Quali sono le spese di consegna?',
      'Quanto si paga per spedire in Svizzera?',
    ],
  },
  {
    id: 'resi',
    title: 'Resi',
    questions: [
      'Come posso restituire un prodotto?',
      'Qual è la politica di reso?',
      'Voglio rendere un articolo',
      'Posso restituire il mio ordine?',
    ],
  },
  {
    id: 'rimborsi',
    title: 'Rimborsi',
    questions: [
      'Quando arriva il rimborso?',
      'Il mio rimborso non è ancora arrivato',
      'Quanto tempo ci vuole per il rimborso?',
      'Avete elaborato il mio rimborso?',
    ],
  },
  {
    id: 'tracciamento',
    title: 'Tracciamento',
    questions: [
      "Dov'è il mio ordine?",
      'Come posso tracciare il pacco?',
      'Avete un numero di tracciamento?',
      'Il mio pacco non è arrivato',
    ],
  },
  {
    id: 'pagamenti',
    title: 'Metodi di pagamento',
    questions: [
      'Quali metodi di pagamento accettate?',
      'Posso pagare con PayPal?',
      'Accettate carte di credito?',
      'Si può pagare con bonifico?',
    ],
  },
  {
    id: 'orari',
    title: 'Orari di apertura',
    questions: [
      'Quali sono gli orari di apertura?',
      'Siete aperti la domenica?',
      'A che ora chiude il negozio?',
      'Quando apre il negozio?',
    ],
  },
]

const ru: MatcherEntry[] = [
  {
    id: 'dostavka',
    title: 'Стоимость доставки',
    questions: [
      'Сколько стоит доставка?',
      'Доставка бесплатная?',
      'Какая цена доставки в Казань?',
      'Вы берёте деньги за доставку?',
    ],
  },
  {
    id: 'vozvrat',
    title: 'Возврат товара',
    questions: ['Как вернуть товар?', 'Можно ли вернуть заказ?', 'Какие условия возврата?', 'Хочу вернуть покупку'],
  },
  {
    id: 'otslezhivanie',
    title: 'Отслеживание заказа',
    questions: ['Где мой заказ?', 'Как отследить посылку?', 'Дайте трек-номер', 'Мой заказ не пришёл'],
  },
  {
    id: 'oplata',
    title: 'Способы оплаты',
    questions: [
      'Какие способы оплаты вы принимаете?',
      'Можно оплатить картой?',
      'Можно ли оплатить при получении?',
      'Принимаете ли вы оплату переводом?',
    ],
  },
  {
    id: 'chasy',
    title: 'Часы работы',
    questions: [
      'Какие у вас часы работы?',
      'Вы работаете в воскресенье?',
      'Во сколько закрывается магазин?',
      'Когда открывается магазин?',
    ],
  },
]

const matchers = {
  en: createMatcher(en, { lang: 'en' }),
  es: createMatcher(es, { lang: 'es' }),
  it: createMatcher(it, { lang: 'it' }),
  ru: createMatcher(ru, { lang: 'ru' }),
}
const best = (lang: keyof typeof matchers, text: string): string | undefined =>
  matchers[lang].match(text).candidates[0]?.entryId

t.test('the matcher counts what it learned from, titles included', async (t) => {
  t.equal(matchers.en.lang, 'en')
  t.equal(matchers.en.entries, 12)
  t.equal(matchers.en.questions, 12 + en.reduce((n, e) => n + e.questions.length, 0))
})

t.test('an english paraphrase finds the right entry', async (t) => {
  t.equal(best('en', 'how much do you charge for shipping to France'), 'shipping-cost')
  t.equal(best('en', 'where is my parcel'), 'order-tracking')
  t.equal(best('en', 'i would like to send my shoes back'), 'returns')
  t.equal(best('en', 'is the shop open on saturday'), 'opening-hours')
  t.equal(best('en', 'can i pay with visa card'), 'payment-methods')
})

t.test('a spanish question without accents finds the accented entry', async (t) => {
  t.equal(best('es', 'cuanto cuesta enviar a canarias'), 'gastos-envio')
  t.equal(best('es', 'quiero devolver unas zapatillas'), 'devoluciones')
  t.equal(best('es', 'donde esta mi paquete'), 'seguimiento')
})

t.test('an italian paraphrase with other inflections finds the right entry', async (t) => {
  t.equal(best('it', 'quanto costano le spedizioni'), 'costi-spedizione')
  t.equal(best('it', 'quando mi rimborsate'), 'rimborsi')
  t.equal(best('it', 'il negozio è aperto domenica?'), 'orari')
})

t.test('a russian question in another case finds the right entry', async (t) => {
  t.equal(best('ru', 'сколько стоит доставка в москву'), 'dostavka')
  t.equal(best('ru', 'где моя посылка'), 'otslezhivanie')
  t.equal(best('ru', 'можно оплатить картой при получении'), 'oplata')
})

t.test('a question asked the way the FAQ asks it is answered with the default thresholds', async (t) => {
  for (const [lang, text] of [
    ['en', 'Where is my order?'],
    ['es', '¿Puedo pagar con PayPal?'],
    ['it', 'Accettate carte di credito?'],
    ['ru', 'Как вернуть товар?'],
  ] as const) {
    t.equal(verdictFor(matchers[lang].match(text).candidates, DefaultThresholds), 'answer', text)
  }
})

t.test('an unrelated question gets a low confidence and is escalated', async (t) => {
  for (const [lang, text] of [
    ['en', 'who won the football match yesterday'],
    ['en', 'what is the weather tomorrow'],
    ['es', 'quién ganó el partido ayer'],
    ['it', 'che tempo fa domani'],
    ['ru', 'какая погода завтра'],
  ] as const) {
    const { candidates } = matchers[lang].match(text)
    t.ok((candidates[0]?.confidence ?? 0) < DefaultThresholds.clarify, text)
  }
})

t.test('gibberish finds nothing to answer', async (t) => {
  const { candidates } = matchers.en.match('asdf qwerty zxcv')
  t.ok(candidates.length === 0 || candidates[0]!.confidence < 0.1)
})

t.test('confidences are in [0, 1] and candidates come best first', async (t) => {
  for (const text of [
    'refund',
    'where is my parcel',
    'can I change my password',
    'do you ship to canada',
    'the thing i bought is broken',
  ]) {
    const { candidates } = matchers.en.match(text)
    t.ok(candidates.length > 0, text)
    for (const [i, c] of candidates.entries()) {
      t.ok(c.confidence >= 0 && c.confidence <= 1, `${text}: ${c.entryId} in [0, 1]`)
      if (i > 0) t.ok(c.confidence <= candidates[i - 1]!.confidence, `${text}: ordered at ${i}`)
    }
  }
})

t.test('the confidences of all candidates add up to at most 1', async (t) => {
  const { candidates } = matchers.en.match('when does my package get here')
  t.ok(candidates.reduce((s, c) => s + c.confidence, 0) <= 1 + 1e-9)
})

t.test('an empty or stop-word-only query returns no candidates', async (t) => {
  for (const text of ['', '   ', '?!', 'how do I', 'the and of it']) {
    const result = matchers.en.match(text)
    t.same(result.candidates, [], JSON.stringify(text))
    t.equal(result.coverage, 0)
    t.equal(result.evidence, undefined)
  }
  t.same(matchers.ru.match('где мой').candidates, [])
})

t.test('a 10,000-character message returns candidates', async (t) => {
  const long = 'I ordered a pair of shoes and a jacket last week and nothing came, '.repeat(150).slice(0, 10_000)
  const result = matchers.en.match(long)
  t.ok(result.candidates.length > 0)
  t.ok(result.candidates.length <= 5)
})

t.test('limit caps the number of candidates', async (t) => {
  t.equal(matchers.en.match('my order', 2).candidates.length, 2)
  t.equal(matchers.en.match('my order', 0).candidates.length, 0)
  t.equal(matchers.en.match('my order', 2.7).candidates.length, 2)
  t.equal(matchers.en.match('my order').candidates.length, 5, 'five by default')
  t.equal(createMatcher(en, { lang: 'en', limit: 3 }).match('my order').candidates.length, 3)
})

t.test('a tuning option out of range is rejected at build time, by name', async (t) => {
  t.throws(() => createMatcher(en, { lang: 'en', classifier: { epochs: -1 } }), {
    code: 'FD_ERR_CONFIG_INVALID',
    message: /classifier\.epochs must be a whole number >= 0, got -1/,
  })
  t.throws(() => createMatcher(en, { lang: 'en', bm25: { k: 1.2, b: 2, d: 0.5 } }), { message: /bm25\.b/ })
  t.throws(() => createMatcher(en, { lang: 'en', keywordWeight: Number.NaN }), { message: /keywordWeight/ })
  t.doesNotThrow(() =>
    createMatcher(en, { lang: 'en', classifier: { epochs: 0, neighbours: 5 }, features: { charGram: 0 } })
  )
})

t.test('matched terms are the query terms found in that entry', async (t) => {
  const { candidates, terms } = matchers.en.match('how much does delivery to Germany cost')
  t.same(terms, ['deliveri', 'germani', 'cost'])
  t.equal(candidates[0]?.entryId, 'shipping-cost')
  t.same([...(candidates[0]?.matchedTerms ?? [])].sort(), ['cost', 'deliveri', 'germani'])
})

t.test('coverage is the share of query terms the FAQ knows', async (t) => {
  t.equal(matchers.en.match('refund banana').coverage, 0.5)
  t.equal(matchers.en.match('refund').coverage, 1)
})

t.test('synonyms let a word the FAQ never uses find its entry', async (t) => {
  const query = 'are vouchers valid forever'
  const plain = createMatcher(en, { lang: 'en' }).match(query)
  const withSynonyms = createMatcher(en, { lang: 'en', synonyms: [['gift card', 'voucher']] }).match(query)
  t.equal(withSynonyms.candidates[0]?.entryId, 'gift-cards')
  t.ok(
    withSynonyms.candidates[0]!.confidence >
      (plain.candidates.find((c) => c.entryId === 'gift-cards')?.confidence ?? 0)
  )
})

t.test('the evidence behind the confidence is returned with the result', async (t) => {
  const { evidence } = matchers.en.match('how long does delivery take')
  t.ok(evidence)
  t.equal(evidence?.agreement, 1)
  t.ok(evidence!.margin > 0 && evidence!.margin <= 1)
})

t.test('building twice gives the same answers', async (t) => {
  const again = createMatcher(en, { lang: 'en' })
  for (const text of ['when does my package get here', 'is shipping free', 'do your shoes run small']) {
    t.same(again.match(text), matchers.en.match(text), text)
  }
})

t.test('a duplicate entry id is rejected at build time', async (t) => {
  t.throws(() => createMatcher([...en, { id: 'returns', questions: ['again'] }], { lang: 'en' }), {
    code: 'FD_ERR_FAQ_INVALID',
    message: /duplicate entry id "returns"/,
  })
})

t.test('an FAQ without entries matches nothing', async (t) => {
  const empty = createMatcher([], { lang: 'en' })
  t.equal(empty.entries, 0)
  t.same(empty.match('where is my order').candidates, [])
})

t.test('an FAQ with one entry still ranks it with a confidence', async (t) => {
  const one = createMatcher([{ id: 'returns', questions: ['How do I return an item?'] }], { lang: 'en' })
  const { candidates } = one.match('return my item')
  t.equal(candidates.length, 1)
  t.equal(candidates[0]?.entryId, 'returns')
  t.ok(candidates[0]!.confidence > 0 && candidates[0]!.confidence < 1)
})

t.test('an entry known only by its title can be found', async (t) => {
  const m = createMatcher([...en, { id: 'loyalty', title: 'Loyalty points programme', questions: [] }], { lang: 'en' })
  t.equal(m.match('how do loyalty points work').candidates[0]?.entryId, 'loyalty')
})

t.test('a language without a stemmer still matches', async (t) => {
  const pl = createMatcher(
    [
      { id: 'dostawa', questions: ['Ile kosztuje dostawa?', 'Czy dostawa jest darmowa?'] },
      { id: 'zwroty', questions: ['Jak zwrócić produkt?', 'Czy mogę zwrócić zamówienie?'] },
    ],
    { lang: 'pl' }
  )
  t.equal(pl.match('ile kosztuje dostawa do Krakowa').candidates[0]?.entryId, 'dostawa')
})
