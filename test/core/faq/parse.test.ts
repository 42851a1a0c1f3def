import t from 'tap'
import { parseFaqDocument } from '../../../src/core/faq/parse.js'

const doc = (text: string, id = 'returns') => parseFaqDocument({ file: 'faq/en/returns.md', lang: 'en', id, text })

t.test('a well-formed document becomes an entry with its questions, tags and title', async (t) => {
  const { entry, problems } = doc('---\ntitle: Returns\nquestions:\n  - How do I return an item?\n  - return policy\ntags: [returns]\n---\n\nYou have **30 days**.\n')
  t.same(problems, [])
  t.equal(entry?.title, 'Returns')
  t.same(entry?.questions, ['How do I return an item?', 'return policy'])
  t.same(entry?.tags, ['returns'])
  t.equal(entry?.body, 'You have **30 days**.')
  t.equal(entry?.bodyLine, 9)
})
