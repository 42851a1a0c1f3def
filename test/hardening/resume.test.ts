import t, { type Test } from 'tap'
import type { NewMessage } from '../../src/store/types.js'
import { addOperator, build, connect, login } from '../server/helpers.js'
import { httpFrom, sendText, until, visitor } from './helpers.js'

/** A conversation with its greeting and 3,000 more messages (3,001 in all). */
async function longConversation (t: Test) {
  const built = await build(t)
  const first = await visitor(t, built)
  first.ws.terminate()
  for (let batch = 0; batch < 30; batch++) {
    const messages: NewMessage[] = Array.from({ length: 100 }, (_, i) => ({
      author: 'bot',
      text: `message ${batch * 100 + i}`,
      html: null,
      lang: 'en',
      at: Date.now(),
      kind: null,
      clientId: null,
      entryId: null,
      operatorId: null,
      data: null,
    }))
    await built.store.appendMessages(first.conversationId, messages)
  }
  return { built, id: first.conversationId, token: first.resumeToken }
}

const seqsOf = (frames: Record<string, any>[]): number[] =>
  frames.filter((f) => f.type === 'message').map((f) => f.seq as number)
const oneToN = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1)

t.test('a visitor resuming 3,001 messages behind gets all of them in order, then its own new one', async (t) => {
  const { built, id, token } = await longConversation(t)
  const v = await visitor(t, built, { conversation_id: id, resume_token: token, last_seq: 0 })
  t.ok(await until(() => seqsOf(v.frames).length >= 3001, 30_000), 'caught up')
  t.same(seqsOf(v.frames), oneToN(3001), 'every message once, in order')
  const ack = await sendText(v, 'mine', 'thanks, and one more question')
  t.equal(ack.seq, 3002)
  t.ok(await v.next((f) => f.type === 'message' && f.client_id === 'mine', 10_000), 'and its own message')
})

t.test('a console watching from 0 gets all 3,001 messages', async (t) => {
  const { built, id } = await longConversation(t)
  await addOperator(built.store, { username: 'marta' })
  const marta = await login(built.url, 'marta')
  const console_ = await connect(t, `${built.wsUrl}/ws/operator`, { cookie: marta.cookie })
  console_.send({ type: 'watch', conversation_id: id })
  t.ok(await until(() => seqsOf(console_.frames).length >= 3001, 30_000), 'caught up')
  t.same(seqsOf(console_.frames), oneToN(3001))
})

t.test('over HTTP, polling from 0 pages through all 3,001 messages', async (t) => {
  const { built, id, token } = await longConversation(t)
  const seqs: number[] = []
  for (let polls = 0; polls < 10 && (seqs.at(-1) ?? 0) < 3001; polls++) {
    const res = await httpFrom(
      '127.0.0.1',
      built.url,
      'GET',
      `/api/v1/visitor/events?conversation_id=${id}&after=${seqs.at(-1) ?? 0}`,
      undefined,
      { 'x-resume-token': token }
    )
    seqs.push(...seqsOf(res.body.frames))
  }
  t.same(seqs, oneToN(3001))
})
