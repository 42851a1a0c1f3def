import t, { type Test } from 'tap'
import { build, connect, type Built } from './helpers.js'

type Frame = Record<string, any>

/** A visitor who said hello; `say` sends a text and resolves with what the bot sent back for it. */
async function visitor (t: Test, b: Built, lang = 'en') {
  const c = await connect(t, `${b.wsUrl}/ws/visitor`)
  c.send({ type: 'hello', lang })
  const welcome = await c.next((f) => f.type === 'welcome')
  await c.next((f) => f.type === 'message' && f.kind === 'greeting')
  let n = 0
  const say = async (text: string): Promise<{ ack: Frame; replies: Frame[]; state: string }> => {
    const id = `m${++n}`
    c.send({ type: 'text', client_id: id, text })
    const ack = await c.next((f) => f.type === 'ack' && f.client_id === id)
    const stored = await b.store.messagesAfter(welcome.conversation_id, ack.seq)
    for (const m of stored) await c.next((f) => f.type === 'message' && f.seq === m.seq)
    const conv = await b.store.getConversation(welcome.conversation_id)
    const replies = stored.map((m) => ({ author: m.author, kind: m.kind, text: m.text, lang: m.lang, data: m.data }))
    return { ack, replies, state: conv!.state }
  }
  const question = async (seq: number) => (await b.store.messagesAfter(welcome.conversation_id, seq - 1, 1))[0]
  return { say, question, id: welcome.conversation_id as string }
}

t.test('thanks, hello, ok and an emoji get a short reply from the bot and page nobody', async (t) => {
  const b = await build(t)
  const v = await visitor(t, b)
  const said: [string, string][] = [
    ['thanks!', 'smalltalk_thanks'],
    ['hi there', 'smalltalk_greeting'],
    ['ok', 'smalltalk_ack'],
    ['👍', 'smalltalk_ack'],
  ]
  for (const [text, kind] of said) {
    const r = await v.say(text)
    t.match(r.replies, [{ author: 'bot', kind }], text)
    t.equal(r.state, 'bot', `${text}: still with the bot`)
    t.match((await v.question(r.ack.seq))?.data, { triage: { decision: 'smalltalk' } })
  }
})

t.test('"thanks" after an answer closes the loop; twice in a row it is said in other words', async (t) => {
  const b = await build(t)
  const v = await visitor(t, b)
  const answered = await v.say('How long does delivery to Germany take?')
  t.match(answered.replies, [{ kind: 'answer' }, { kind: 'feedback' }])
  const first = await v.say('thanks!')
  const second = await v.say('thank you so much')
  t.match(first.replies[0]?.text, /anything else/i)
  t.not(first.replies[0]?.text, second.replies[0]?.text, 'varied')
})

t.test('a short follow-up is matched with the topic of the last answer, and says so', async (t) => {
  const b = await build(t)
  const v = await visitor(t, b)
  await v.say('How long does delivery to Germany take?')
  const r = await v.say('and to Switzerland?')
  t.match(r.replies, [{ kind: 'answer' }, { kind: 'feedback' }])
  t.match((await v.question(r.ack.seq))?.data, {
    triage: { decision: 'answer', followUp: { entryId: 'delivery-times-and-costs' } },
  })
  const alone = await (await visitor(t, b)).say('and to Switzerland?')
  t.notMatch(alone.replies, [{ kind: 'answer' }], 'without the topic it is not answered')
})

t.test('"yes, thanks" typed after "did this help?" is feedback and is thanked for; "no" goes to a person', async (t) => {
  const b = await build(t)
  const v = await visitor(t, b)
  const answered = await v.say('Can I pay with PayPal?')
  const yes = await v.say('yes thanks')
  t.match(yes.replies, [{ author: 'bot', kind: 'feedback_yes' }])
  const said = await v.question(yes.ack.seq)
  t.match(said, { kind: 'feedback', data: { helpful: true, seq: answered.ack.seq + 1 } })
  const w = await visitor(t, b)
  await w.say('Can I pay with PayPal?')
  const no = await w.say('no')
  t.not(no.state, 'bot', 'handed over')
})

t.test('the "Yes, thanks" button is acknowledged too', async (t) => {
  const b = await build(t)
  const c = await connect(t, `${b.wsUrl}/ws/visitor`)
  c.send({ type: 'hello', lang: 'it' })
  await c.next((f) => f.type === 'welcome')
  c.send({ type: 'text', client_id: 'q', text: 'Posso pagare con PayPal?' })
  const answer = await c.next((f) => f.type === 'message' && f.kind === 'answer')
  c.send({ type: 'feedback', client_id: 'f', seq: answer.seq, helpful: true })
  const thanks = await c.next((f) => f.type === 'message' && f.kind === 'feedback_yes')
  t.equal(thanks.lang, 'it')
})

t.test('small talk in another FAQ language is answered in it', async (t) => {
  const b = await build(t)
  const r = await (await visitor(t, b, 'en')).say('gracias')
  t.match(r.replies, [{ kind: 'smalltalk_thanks', lang: 'es' }])
})

t.test('a question that starts with thanks is a question', async (t) => {
  const b = await build(t)
  const r = await (await visitor(t, b)).say('thanks, but where is my order?')
  t.notMatch(r.replies, [{ kind: /^smalltalk_/ }])
})
