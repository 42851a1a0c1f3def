import t from 'tap'
import { parseAcceptLanguage, primaryTag } from '../../../src/core/lang/tags.js'

t.test('the primary tag of a BCP 47 tag is its first subtag in lower case', async (t) => {
  t.equal(primaryTag('es-ES'), 'es')
  t.equal(primaryTag('pt_BR'), 'pt')
  t.equal(primaryTag('EN'), 'en')
  t.equal(primaryTag('zh-Hant-TW'), 'zh')
  t.equal(primaryTag(' it '), 'it')
})

t.test('a three-letter code with a two-letter form is given in that form', async (t) => {
  t.equal(primaryTag('spa'), 'es')
  t.equal(primaryTag('rus-RU'), 'ru')
  t.equal(primaryTag('fil'), 'fil')
})

t.test('deprecated codes that browsers still send are mapped to current ones', async (t) => {
  t.equal(primaryTag('iw-IL'), 'he')
  t.equal(primaryTag('in'), 'id')
})

t.test('garbage and codes that name no language give undefined', async (t) => {
  for (const tag of ['', '*', 'x-klingon', 'e1', 'english', '12', 'und', 'mul', '-es', 'é']) {
    t.equal(primaryTag(tag), undefined, tag)
  }
})

t.test('Accept-Language is read in order of quality, then of appearance', async (t) => {
  t.same(parseAcceptLanguage('es-ES,es;q=0.9,en-US;q=0.8,en;q=0.7'), ['es', 'en'])
  t.same(parseAcceptLanguage('it;q=0.5, ru, en;q=0.8'), ['ru', 'en', 'it'])
  t.same(parseAcceptLanguage('de-CH, fr-CH;q=0.9, de;q=0.8'), ['de', 'fr'])
})

t.test('Accept-Language entries with q=0, a wildcard or a malformed quality are left out', async (t) => {
  t.same(parseAcceptLanguage('en;q=0, *;q=0.5, es;q=abc, it;q=1.5, ru;q=0.3'), ['ru'])
  t.same(parseAcceptLanguage(''), [])
  t.same(parseAcceptLanguage(',,;;'), [])
})

t.test('an enormous Accept-Language header is read only up to a limit', async (t) => {
  const header = 'en;q=0.1,'.repeat(100_000) + 'es'
  t.same(parseAcceptLanguage(header), ['en'])
})
