import t from 'tap'
import { dialogueState, type DialogueMessage } from '../../../src/core/dialogue/state.js'

let seq = 0
const m = (over: Partial<DialogueMessage>): DialogueMessage => ({
  seq: ++seq,
  author: 'visitor',
  kind: null,
  text: '',
  lang: 'en',
  at: 1000 + seq,
  entryId: null,
  data: null,
  ...over,
})
const question = (text: string, decision = 'answer') => m({ text, data: { triage: { decision } } })
const answer = (entryId: string) => m({ author: 'bot', kind: 'answer', entryId, text: 'answer' })
const prompt = () => m({ author: 'bot', kind: 'feedback', text: 'Did this answer your question?' })

t.test('after an answer, its topic and its open "did this help?" are known', async (t) => {
  const msgs = [m({ author: 'bot', kind: 'greeting' }), question('how long is delivery?'), answer('delivery'), prompt()]
  const s = dialogueState(msgs)
  t.match(s, { afterAnswer: true, feedbackSeq: msgs[2]!.seq, topic: { entryId: 'delivery', question: 'how long is delivery?' } })
})

t.test('feedback closes "did this help?"; a new question ends the topic', async (t) => {
  const judged = [question('how long is delivery?'), answer('delivery'), prompt(), m({ kind: 'feedback', text: 'Yes' })]
  t.equal(dialogueState(judged).feedbackSeq, undefined)
  t.ok(dialogueState(judged).topic)
  const moved = [question('how long is delivery?'), answer('delivery'), prompt(), question('do you sell sofas?', 'escalate')]
  t.same(dialogueState(moved), { afterAnswer: false, smallTalkReplies: 0 })
})

t.test('small talk after an answer keeps its topic, and counts the replies for variety', async (t) => {
  const msgs = [
    question('how long is delivery?'),
    answer('delivery'),
    prompt(),
    question('thanks', 'smalltalk'),
    m({ author: 'bot', kind: 'smalltalk_thanks' }),
  ]
  t.match(dialogueState(msgs), { afterAnswer: true, smallTalkReplies: 1, topic: { entryId: 'delivery' } })
})

t.test("a follow-up's topic is what it was read with", async (t) => {
  const msgs = [
    question('how long is delivery to Germany?'),
    answer('delivery'),
    m({ text: 'and to Switzerland?', data: { triage: { decision: 'answer', followUp: { question: 'how long is delivery to Germany?' } } } }),
    answer('delivery'),
  ]
  t.equal(dialogueState(msgs).topic?.question, 'how long is delivery to Germany? and to Switzerland?')
})

t.test('a conversation without answers has no topic', async (t) => {
  t.same(dialogueState([m({ author: 'bot', kind: 'greeting' })]), { afterAnswer: false, smallTalkReplies: 0 })
})
