import t from 'tap'
import { createActRecognizer } from '../../../src/core/dialogue/acts.js'

const acts = createActRecognizer()
const act = (text: string, order: string[] = ['en']) => acts.recognize(text, order)

t.test('thanks, greetings, goodbyes and acknowledgements are recognised in every language', async (t) => {
  const cases: [string, string, string][] = [
    ['thanks!', 'thanks', 'en'],
    ['Thank you so much!!', 'thanks', 'en'],
    ['ok great', 'ack', 'en'],
    ['hi there', 'greeting', 'en'],
    ['bye', 'goodbye', 'en'],
    ['gracias', 'thanks', 'es'],
    ['Hola, buenos días', 'greeting', 'es'],
    ['grazie mille', 'thanks', 'it'],
    ['Buongiorno', 'greeting', 'it'],
    ['спасибо', 'thanks', 'ru'],
    ['Привет!', 'greeting', 'ru'],
    ['Danke schön', 'thanks', 'de'],
    ['merci beaucoup', 'thanks', 'fr'],
    ['muito obrigado', 'thanks', 'pt'],
    ['dank je wel', 'thanks', 'nl'],
  ]
  for (const [text, expected, lang] of cases) t.match(act(text), { act: expected, lang }, text)
})

t.test('emoji-only messages are acknowledgements, except thanks and a wave', async (t) => {
  t.match(act('👍'), { act: 'ack' })
  t.match(act('👍👍 :)'), { act: 'ack' })
  t.match(act('🙏'), { act: 'thanks' })
  t.match(act('👋'), { act: 'greeting' })
  t.equal(act('!!!'), undefined, 'punctuation alone says nothing')
})

t.test('a message that asks anything besides the small talk is not small talk', async (t) => {
  for (const text of [
    'thanks, but where is my order?',
    'hi, can you help me?',
    'hello, I want to return a lamp',
    'gracias, ¿y el envío a Francia?',
    'ok but my parcel never arrived',
    'where is my order',
    'Вы лучшие, а где мой заказ?',
    'order 123',
  ]) {
    t.equal(act(text), undefined, text)
  }
})

t.test('repeated letters are folded to a known word', async (t) => {
  t.match(act('thanksss'), { act: 'thanks', phrase: 'thanks' })
  t.match(act('goood'), { act: 'ack', phrase: 'good' })
  t.match(act('grazieee'), { act: 'thanks', lang: 'it' })
})

t.test('a message doing several things is answered for the strongest, and says all it did', async (t) => {
  t.match(act('ok thanks, bye'), { act: 'goodbye', acts: ['ack', 'thanks', 'goodbye'] })
  t.match(act('yes thanks'), { act: 'thanks', acts: ['yes', 'thanks'] })
  t.match(act("no, that's all"), { act: 'goodbye' })
})

t.test('the conversation language is tried first, so a word shared by languages stays in it', async (t) => {
  t.match(act('ok', ['es']), { lang: 'es' })
  t.match(act('ok', ['it']), { lang: 'it' })
  t.match(act('gracias', ['it']), { lang: 'es' }, 'a word of one language only is found there')
})

t.test("editors' phrases are added to the shipped ones, per language", async (t) => {
  const custom = createActRecognizer({ en: { thanks: ['cheers mate'] }, it: { greeting: ['ciao bella'] } })
  t.match(custom.recognize('Cheers mate!', ['en']), { act: 'thanks' })
  t.match(custom.recognize('ciao bella', ['it']), { act: 'greeting', lang: 'it' })
  t.match(custom.recognize('thanks', ['en']), { act: 'thanks' }, 'the shipped ones still work')
  t.equal(acts.recognize('cheers mate', ['en'])?.act, 'thanks', "'cheers' and 'mate' are shipped words too")
})

t.test('long messages are never small talk', async (t) => {
  t.equal(act('thanks '.repeat(13)), undefined)
})
