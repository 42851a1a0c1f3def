import t from 'tap'
import { parseConversationTests, parseExpectation } from '../../../src/core/faq/conversations-file.js'

const file = 'faq/conversations.yaml'

t.test('every kind of expectation is read, and nothing else', async (t) => {
  t.same(parseExpectation('returns'), { kind: 'answer', entryId: 'returns' })
  t.same(parseExpectation('choices order-tracking'), { kind: 'choices', entryId: 'order-tracking' })
  for (const k of ['smalltalk', 'thanked', 'handoff', 'offline']) t.same(parseExpectation(k), { kind: k })
  for (const bad of ['choices', 'choices a b', 'Returns', 'two words', '']) t.equal(parseExpectation(bad), undefined, bad)
})

t.test('a conversations file gives its cases with their lines', async (t) => {
  const text = '- name: thanks closes the loop\n  lang: en\n  turns:\n    - { say: "how long is delivery?", expect: delivery }\n' +
    '    - { say: "thanks!", expect: smalltalk }\n- name: gap\n  lang: ru\n  todo: choices too far\n  turns:\n' +
    '    - { say: "автостраховка?", expect: handoff }\n'
  const r = parseConversationTests(text, file)
  t.same(r.problems, [])
  t.match(r.cases, [
    { name: 'thanks closes the loop', lang: 'en', line: 1, turns: [{ say: 'how long is delivery?', line: 4 }, { line: 5 }] },
    { name: 'gap', todo: 'choices too far' },
  ])
})

t.test('a bad turn or conversation is reported at its line, and the good ones are kept', async (t) => {
  const text = '- name: ok\n  lang: en\n  turns: [{ say: hi, expect: smalltalk }]\n- name: broken\n  lang: en\n' +
    '  turns:\n    - { say: hi, expect: "answer it" }\n    - { say: hi }\n- lang: en\n'
  const r = parseConversationTests(text, file)
  t.match(r.problems, [
    { line: 7, message: /expect "answer it" is not an entry id/ },
    { line: 8, message: /must have say and expect/ },
    { line: 9, message: /must have name, lang and a list of turns/ },
  ])
  t.equal(r.cases.length, 1)
})
