import t from 'tap'
import { createAnalyzer } from '../../../src/core/text/analyzer.js'

const terms = (lang: string, text: string, synonyms?: string[][]): string[] =>
  createAnalyzer(lang, { synonyms }).terms(text)

t.test('english inflections stem to one term', async (t) => {
  t.same(terms('en', 'Shipping shipped ships'), ['ship', 'ship', 'ship'])
  t.same(terms('en', 'refunds refunded'), ['refund', 'refund'])
})

t.test('english contractions keep their negation and leave no stray letters', async (t) => {
  t.same(terms('en', "I haven't received my parcels, where's the box?"), ['not', 'receiv', 'parcel', 'box'])
})

t.test('spanish with and without accents gives the same terms', async (t) => {
  t.same(terms('es', '¿Cuánto cuesta el envío?'), terms('es', 'cuanto cuesta el envio'))
  t.same(terms('es', 'devolución devolucion devoluciones'), ['devolu', 'devolu', 'devolu'])
})

t.test('italian plurals and accents fold together', async (t) => {
  t.same(terms('it', 'spedizione spedizioni'), ['spedizion', 'spedizion'])
  t.same(terms('it', 'Perché il rimborso non è arrivato?'), terms('it', 'perche il rimborso non e arrivato'))
})

t.test('russian keeps й, folds ё to е and stems case endings', async (t) => {
  t.same(terms('ru', 'доставка доставки доставку'), ['доставк', 'доставк', 'доставк'])
  t.same(terms('ru', 'отчёт'), terms('ru', 'отчет'))
  t.same(terms('ru', 'йогурт'), ['йогурт'], 'й is a letter, not и with an accent')
  t.same(terms('ru', 'Где мой заказ?'), ['заказ'], 'stop words are dropped')
})

t.test('german, french, portuguese and dutch are stemmed too', async (t) => {
  t.same(terms('de', 'Rückgabe Ruckgabe'), ['ruckgab', 'ruckgab'])
  t.same(terms('de', 'Welche Größe?'), ['gross'], 'size is a content word even though stopword lists it')
  t.same(terms('fr', 'livraison livraisons remboursé'), ['livraison', 'livraison', 'rembours'])
  t.same(terms('pt', 'informação informacao informações'), ['inform', 'inform', 'inform'])
  t.same(terms('nl', 'bestelling bestellingen'), ['bestell', 'bestell'])
})

t.test('a language without a stemmer is folded and tokenised only', async (t) => {
  const pl = createAnalyzer('pl')
  t.equal(pl.stemming, false)
  t.same(pl.terms('Zamówienie ZAMÓWIENIA'), ['zamowienie', 'zamowienia'])
})

t.test('chinese and japanese text is cut into character pairs', async (t) => {
  t.same(terms('ja', '注文をキャンセル'), ['注文', '文を', 'をキ', 'キャ', 'ャン', 'ンセ', 'セル'])
  t.same(terms('zh', '退货'), ['退货'])
})

t.test('full-width letters and ligatures are folded', async (t) => {
  t.same(terms('en', 'ＦＵＬＬ ﬁnal'), ['full', 'final'])
})

t.test('normalize lowercases, folds accents and collapses spaces', async (t) => {
  t.equal(createAnalyzer('es').normalize('  ¿Cuánto   CUESTA\tel envío? '), '¿cuanto cuesta el envio?')
  t.equal(createAnalyzer('ru').normalize('Мой ЙОГУРТ ещё'), 'мой йогурт еще')
})

t.test('a synonym is read as the first word of its group', async (t) => {
  t.same(terms('en', 'Where is my parcel?', [['package', 'parcel', 'box']]), ['packag'])
  t.same(terms('en', 'boxes', [['package', 'parcel', 'box']]), ['packag'], 'after stemming')
})

t.test('a synonym may be a phrase', async (t) => {
  t.same(terms('en', 'do you sell gift cards', [['voucher', 'gift card']]), ['sell', 'voucher'])
  t.same(terms('es', 'tarjeta regalo', [['vale', 'tarjeta regalo', 'cupón']]), ['val'])
  t.same(terms('es', 'cupones', [['vale', 'tarjeta regalo', 'cupón']]), ['val'])
})

t.test('stems keep stop words for the classifier, terms drop them', async (t) => {
  const en = createAnalyzer('en')
  t.same(en.stems('How do I return it'), ['how', 'do', 'i', 'return', 'it'])
  t.same(en.terms('How do I return it'), ['return'])
  t.same(en.analyze('How do I return it').words, ['how', 'do', 'i', 'return', 'it'])
})

t.test('empty and stop-word-only text has no terms', async (t) => {
  t.same(terms('en', ''), [])
  t.same(terms('en', '?!  ...'), [])
  t.same(terms('en', 'how do I'), [])
  t.same(terms('es', 'el de la que'), [])
})
