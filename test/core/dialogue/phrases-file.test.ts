import t from 'tap'
import { parseSmallTalk } from '../../../src/core/dialogue/phrases-file.js'

const file = 'faq/en/_smalltalk.yaml'

t.test("an editor's small-talk file adds phrases per act", async (t) => {
  const r = parseSmallTalk('thanks: [cheers mate, much obliged]\ngoodbye:\n  - catch you later\n', file)
  t.same(r.problems, [])
  t.same(r.lists, { thanks: ['cheers mate', 'much obliged'], goodbye: ['catch you later'] })
})

t.test('an unknown act, a long phrase or an empty one is reported at its line', async (t) => {
  const r = parseSmallTalk('thanks: [cheers]\nthank: [ta]\ngoodbye:\n  - see you at the shop on monday morning then\n  - "!!"\n', file)
  t.match(r.problems, [
    { file, line: 2, message: /"thank" is not one of greeting, thanks/ },
    { file, line: 4, field: 'goodbye', message: /has 9 words/ },
    { file, line: 5, field: 'goodbye', message: /has no words/ },
  ])
  t.same(r.lists.thanks, ['cheers'], 'the good parts are kept')
})

t.test('a file that is not a map says what it should be', async (t) => {
  t.match(parseSmallTalk('- thanks\n', file).problems, [{ line: 1, message: /must map acts to phrases/ }])
  t.match(parseSmallTalk('thanks: [a\n', file).problems, [{ message: /invalid YAML/ }])
})
