import t from 'tap'
import { extractFeatures, tokenize } from '../../../src/core/lang/text.js'

t.test('an apostrophe splits a word and stays with the elided part', async (t) => {
  t.same(tokenize("L'ordine è arrivato? C'è un problema"), [
    "l'",
    'ordine',
    'è',
    'arrivato',
    "c'",
    'è',
    'un',
    'problema',
  ])
  t.same(tokenize("Qu'il est où, l'colis? J’ai payé"), ["qu'", 'il', 'est', 'où', "l'", 'colis', "j'", 'ai', 'payé'])
  t.same(tokenize("I don't know, it's late"), ['i', "don'", "'t", 'know', "it'", "'s", 'late'])
})

t.test('order ids, numbers, e-mail addresses, URLs and domains carry no language', async (t) => {
  const f = extractFeatures(
    'Pedido A-2024-00017 de 49,90€ para ana.lopez@correo.es, ver https://shop.example.com/x y tienda.es',
    1000
  )
  t.same(f.words, ['pedido', 'de', 'para', 'ver', 'y'])
})

t.test('short capitals are acronyms unless the whole message is shouted', async (t) => {
  t.same(extractFeatures('Mi pedido con DHL', 1000).acronyms, ['dhl'])
  t.same(extractFeatures('DHL?', 1000).acronyms, ['dhl'])
  t.same(extractFeatures('WHERE IS MY ORDER', 1000).words, ['where', 'is', 'my', 'order'])
})

t.test('chat words of every language such as "ok" and "haha" are not language evidence', async (t) => {
  t.same(extractFeatures('ok haha 👍', 1000).words, [])
})

t.test('letters are counted per script', async (t) => {
  const f = extractFeatures('I want a самовар', 1000)
  t.equal(f.scripts.get('Latn'), 6)
  t.equal(f.scripts.get('Cyrl'), 7)
})

t.test('only the first maxChars characters are read', async (t) => {
  t.same(extractFeatures('hola '.repeat(1000), 20).words.length, 4)
})
