import t from 'tap'
import { createLanguageDetector } from '../../../src/core/lang/detect.js'
import { FrontdeskError } from '../../../src/core/errors.js'

// The demo shop's FAQ languages.
const detector = createLanguageDetector({ langs: ['en', 'es', 'it', 'ru'], defaultLang: 'en' })

t.test('a message without words keeps the conversation language', async (t) => {
  for (const text of [
    'ok',
    'OK!!',
    'DHL?',
    '12345',
    'A-2024-00017',
    'mario.rossi@example.com',
    'https://shop.example.com/orders/17',
    'shop.example.it',
    '👍🙏',
    '?',
    '',
  ]) {
    const d = detector.detect(text, { conversation: 'es' })
    t.same([d.lang, d.method, d.confidence], ['es', 'conversation', 0], text)
  }
})

t.test('a single word of another FAQ language keeps the conversation language', async (t) => {
  t.equal(detector.detect('yes', { conversation: 'it' }).lang, 'it')
  t.equal(detector.detect('gracias!', { conversation: 'it' }).lang, 'it')
  t.equal(detector.detect('grazie', { conversation: 'es' }).method, 'conversation')
  t.equal(detector.detect('Tracking', { conversation: 'es' }).lang, 'es')
})

t.test('a short message in the conversation language is detected as such', async (t) => {
  const d = detector.detect('¿Y el envío?', { conversation: 'es' })
  t.same([d.lang, d.method], ['es', 'detected'])
})

t.test('a real sentence in another FAQ language switches the conversation', async (t) => {
  t.same(pick(detector.detect('¿Dónde está mi pedido?', { conversation: 'en' })), ['es', 'detected'])
  t.same(pick(detector.detect('Where is my order?', { conversation: 'es' })), ['en', 'detected'])
  t.same(pick(detector.detect('Quanto costa la spedizione in Spagna?', { conversation: 'es' })), ['it', 'detected'])
  t.same(pick(detector.detect('Mi pedido no ha llegado todavía', { conversation: 'it' })), ['es', 'detected'])
  t.same(pick(detector.detect('ciao, vorrei sapere i tempi di consegna', { conversation: 'en' })), ['it', 'detected'])
})

t.test('a sentence typed without accents is still recognised', async (t) => {
  t.same(pick(detector.detect('cuanto cuesta el envio a canarias', { conversation: 'en' })), ['es', 'detected'])
  t.same(pick(detector.detect('perche il mio ordine non e ancora arrivato', { conversation: 'es' })), [
    'it',
    'detected',
  ])
})

t.test('Cyrillic is Russian among these languages, even one word', async (t) => {
  t.same(pick(detector.detect('спасибо', { conversation: 'en' })), ['ru', 'detected'])
  t.same(pick(detector.detect('Где мой заказ? Это срочно')), ['ru', 'detected'])
})

t.test('a Latin sentence with one Russian word is not Russian', async (t) => {
  t.equal(detector.detect('I want to buy a самовар please').lang, 'en')
  t.equal(detector.detect('Vorrei ordinare una матрёшка grande', { conversation: 'ru' }).lang, 'it')
})

t.test('without a conversation, the first supported browser language is the fallback', async (t) => {
  t.same(pick(detector.detect('ok', { browser: 'es-ES,es;q=0.9,en;q=0.8' })), ['es', 'browser'])
  t.same(pick(detector.detect('ok', { browser: ['de-DE', 'ru'] })), ['ru', 'browser'])
  t.same(pick(detector.detect('12345', { browser: 'it-IT' })), ['it', 'browser'])
})

t.test('a clear first message beats the browser language', async (t) => {
  t.same(pick(detector.detect('hola, ¿tenéis tienda física?', { browser: 'en-US' })), ['es', 'detected'])
})

t.test('with no hint at all, a message without words gets the default language', async (t) => {
  t.same(pick(detector.detect('👍')), ['en', 'default'])
  t.same(pick(detector.detect('ok', { browser: 'de-DE' })), ['en', 'default'])
})

t.test('a conversation language the FAQ does not have is ignored', async (t) => {
  t.same(pick(detector.detect('ok', { conversation: 'de', browser: 'it' })), ['it', 'browser'])
})

t.test('hints are read as tags whatever their case and region', async (t) => {
  t.same(pick(detector.detect('ok', { conversation: 'ES-mx' })), ['es', 'conversation'])
})

t.test('scores give every FAQ language, best first, as probabilities', async (t) => {
  const d = detector.detect('Il mio ordine non è ancora arrivato')
  t.same(d.scores.map((s) => s.lang).sort(), ['en', 'es', 'it', 'ru'])
  t.equal(d.scores[0]?.lang, 'it')
  t.ok(d.scores.every((s, i) => i === 0 || s.score <= (d.scores[i - 1]?.score ?? 1)))
  t.ok(Math.abs(d.scores.reduce((sum, s) => sum + s.score, 0) - 1) < 0.01)
  t.equal(d.confidence, d.scores[0]?.score)
})

t.test('a sentence in a language the FAQ lacks is foreign, and keeps the conversation language', async (t) => {
  const d = detector.detect('Ich möchte meine Bestellung stornieren, bitte', { conversation: 'es' })
  t.same([d.lang, d.method, d.foreign], ['es', 'conversation', 'de'])
  t.equal(detector.detect('Je voudrais annuler ma commande').foreign, 'fr')
  t.equal(detector.detect('Dziękuję bardzo za pomoc z zamówieniem').foreign, 'pl')
  t.equal(detector.detect('Merhaba, siparişim nerede?').foreign, 'tr')
})

t.test('a message in a script the FAQ does not write is foreign whatever its length', async (t) => {
  t.equal(detector.detect('我的订单在哪里？').foreign, 'zh')
  t.equal(detector.detect('注文はどこですか').foreign, 'ja')
  t.equal(detector.detect('أين طلبي؟').foreign, 'ar')
})

t.test('short words of other languages and the FAQ languages themselves are not foreign', async (t) => {
  for (const text of [
    'danke',
    'merci beaucoup',
    'Olá',
    'Tom Jones',
    'Where is my parcel?',
    '¿Hacéis envíos a Canarias?',
    'Posso pagare alla consegna?',
    'Можно оплатить картой?',
    'Hola, mi pedido llegó roto',
  ]) {
    t.equal(detector.detect(text).foreign, undefined, text)
  }
})

t.test('an FAQ that has the language does not call it foreign', async (t) => {
  const wide = createLanguageDetector({ langs: ['en', 'de'], defaultLang: 'en' })
  const d = wide.detect('Ich möchte meine Bestellung stornieren, bitte')
  t.same([d.lang, d.method, d.foreign], ['de', 'detected', undefined])
})

t.test('extra words let a language without built-in lists be recognised', async (t) => {
  const words = { sv: ['jag', 'vill', 'min', 'beställning', 'avbryta', 'var', 'är', 'hej', 'tack'] }
  const sv = createLanguageDetector({ langs: ['en', 'sv'], defaultLang: 'en', words })
  t.equal(sv.detect('Hej, var är min beställning?').lang, 'sv')
  t.equal(sv.detect('Hi, where is my order?').lang, 'en')
})

t.test('langs are normalised to primary tags', async (t) => {
  t.same(createLanguageDetector({ langs: ['EN', 'es-ES'], defaultLang: 'en-GB' }).langs, ['en', 'es'])
})

t.test('bad options fail when the detector is created, naming the bad value', async (t) => {
  const error = (code: string, pattern: RegExp) => ({ constructor: FrontdeskError, code, message: pattern })
  t.throws(
    () => createLanguageDetector({ langs: ['en', 'es'], defaultLang: 'it' }),
    error('FD_ERR_LANG_UNSUPPORTED', /"it"/)
  )
  t.throws(
    () => createLanguageDetector({ langs: ['en', '*'], defaultLang: 'en' }),
    error('FD_ERR_LANG_UNSUPPORTED', /"\*"/)
  )
  t.throws(() => createLanguageDetector({ langs: [], defaultLang: 'en' }), error('FD_ERR_CONFIG_INVALID', /langs/))
  t.throws(
    () => createLanguageDetector({ langs: ['en'], defaultLang: 'en', switchMargin: -1 }),
    error('FD_ERR_CONFIG_INVALID', /switchMargin/)
  )
  t.throws(
    () => createLanguageDetector({ langs: ['en'], defaultLang: 'en', temperature: 0 }),
    error('FD_ERR_CONFIG_INVALID', /temperature/)
  )
})

t.test('pathological input is read without trouble', async (t) => {
  const inputs = [
    'a'.repeat(10_000),
    'hola '.repeat(2_000),
    "l'".repeat(5_000),
    '.'.repeat(10_000),
    'x.'.repeat(5_000),
    '!a'.repeat(5_000),
    '¿'.repeat(10_000),
    'спасибо '.repeat(1_250),
  ]
  for (const text of inputs) t.ok(detector.langs.includes(detector.detect(text, { conversation: 'it' }).lang))
})

function pick (d: { lang: string; method: string }): [string, string] {
  return [d.lang, d.method]
}

t.test('brand names do not switch the conversation to English', async (t) => {
  const detector = createLanguageDetector({ langs: ['en', 'es', 'it', 'ru'], defaultLang: 'en' })
  t.equal(detector.detect('accettate Google Pay?', { conversation: 'it' }).lang, 'it')
  t.equal(detector.detect('¿aceptáis PayPal o Apple Pay?', { conversation: 'es' }).lang, 'es')
  const withGerman = createLanguageDetector({ langs: ['en', 'de'], defaultLang: 'en' })
  t.equal(
    withGerman.detect('ich habe eine Frage zur Bestellung Meiner Tochter', {}).lang,
    'de',
    'capitalised German nouns still count'
  )
})
