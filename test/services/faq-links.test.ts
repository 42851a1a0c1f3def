import t from 'tap'
import { createFaqLinks } from '../../src/services/faq-links.js'
import { createRedactor } from '../../src/core/redact/index.js'
import { createLearning } from '../../src/services/learning.js'
import { sampleContent, services, type Services } from './helpers.js'

async function setup (t: Parameters<typeof services>[0]) {
  const s = await services(t)
  const content = await sampleContent()
  const learning = createLearning({
    store: s.store,
    clock: s.clock,
    content: () => content,
    reload: async () => [],
    faqDir: t.testdir(),
    redactor: createRedactor(),
  })
  const links = createFaqLinks({ store: s.store, clock: s.clock, content: () => content, learning })
  const marta = await s.addOperator({ username: 'marta' })
  return { ...s, links, learning, marta }
}

/** A visitor's escalated question; resolves with its conversation and seq. */
async function ask (s: Services, text: string, lang = 'en') {
  const opened = await s.conversations.open({ type: 'hello', lang })
  if (!opened.ok) throw new Error(opened.code)
  const outcome = await s.conversations.handle(opened.conversation.id, { type: 'text', client_id: 'q1', text })
  if (!outcome.ok) throw new Error(outcome.code)
  return { id: opened.conversation.id, seq: outcome.seq }
}

t.test('a link is stored and proposes the question to the editors', async (t) => {
  const s = await setup(t)
  const q = await ask(s, 'my sofa never showed up')
  const linked = await s.links.link(q.id, q.seq, 'order-tracking', s.marta.id)
  t.match(linked, { ok: true, id: `${q.id}:${q.seq}`, proposalId: String })
  t.match(await s.store.listFaqLinks({}), [
    { conversationId: q.id, seq: q.seq, entryId: 'order-tracking', lang: 'en', question: 'my sofa never showed up' },
  ])
  t.match(await s.learning.proposals({}), [{ kind: 'question', questions: ['my sofa never showed up'] }])
})

t.test('a link made twice is stored once', async (t) => {
  const s = await setup(t)
  const q = await ask(s, 'my sofa never showed up')
  await s.links.link(q.id, q.seq, 'order-tracking', s.marta.id)
  s.clock.advance(1000)
  await s.links.link(q.id, q.seq, 'order-tracking', s.marta.id)
  t.equal((await s.store.listFaqLinks({})).length, 1)
})

t.test('a link from a question with personal data is stored but says why it is not proposed', async (t) => {
  const s = await setup(t)
  const q = await ask(s, 'мой заказ 5512 3344 так и не пришёл', 'ru')
  const linked = await s.links.link(q.id, q.seq, 'order-tracking', s.marta.id)
  t.same(linked, { ok: true, id: `${q.id}:${q.seq}`, notProposed: 'personal' })
  t.equal((await s.store.listFaqLinks({})).length, 1)
})

t.test('a link to a message that is not a visitor question is refused as not found', async (t) => {
  const s = await setup(t)
  const q = await ask(s, 'my sofa never showed up')
  t.match(await s.links.link(q.id, 1, 'order-tracking', s.marta.id), {
    ok: false,
    code: 'FD_ERR_NOT_FOUND',
    message: 'message 1 is not a visitor question of this conversation',
  })
  t.match(await s.links.link(q.id, 99, 'order-tracking', s.marta.id), { ok: false, code: 'FD_ERR_NOT_FOUND' })
  t.match(await s.links.link('missing', 2, 'order-tracking', s.marta.id), { ok: false, code: 'FD_ERR_NOT_FOUND' })
  t.same(await s.store.listFaqLinks({}), [])
})

t.test("a link to an entry the question's language does not have is refused", async (t) => {
  const s = await setup(t)
  const q = await ask(s, 'il mio divano non è mai arrivato', 'it')
  t.match(await s.links.link(q.id, q.seq, 'christmas-hampers', s.marta.id), {
    ok: false,
    code: 'FD_ERR_NOT_FOUND',
    message: 'no FAQ entry "christmas-hampers" in it',
  })
})
