import t from 'tap'
import { visitorMessageFrame } from '../../src/services/frames.js'
import type { Message } from '../../src/store/types.js'

const At = Date.parse('2026-03-10T09:15:00Z')

function message (over: Partial<Message>): Message {
  return {
    conversationId: 'c-1',
    seq: 3,
    id: 'm-3',
    author: 'bot',
    text: 'Consegniamo in 2–4 giorni lavorativi.',
    html: '<p>Consegniamo in 2–4 giorni lavorativi.</p>',
    lang: 'it',
    at: At,
    kind: null,
    clientId: null,
    entryId: null,
    operatorId: null,
    data: null,
    ...over,
  }
}

t.test("a bot answer reaches the visitor with its HTML and entry, never the bot's evidence", async (t) => {
  const frame = visitorMessageFrame(
    message({ kind: 'answer', entryId: 'delivery-times-and-costs', data: { confidence: 0.97, terms: ['consegna'] } })
  )
  t.same(frame, {
    type: 'message',
    seq: 3,
    id: 'm-3',
    author: 'bot',
    text: 'Consegniamo in 2–4 giorni lavorativi.',
    html: '<p>Consegniamo in 2–4 giorni lavorativi.</p>',
    lang: 'it',
    at: '2026-03-10T09:15:00.000Z',
    kind: 'answer',
    entry_id: 'delivery-times-and-costs',
  })
})

t.test('what a person typed reaches the visitor as text only, even if HTML was stored', async (t) => {
  const frame = visitorMessageFrame(message({ author: 'operator', text: '<b>ciao</b>', html: '<b>ciao</b>' }))
  t.equal(frame.html, undefined)
  t.equal(frame.text, '<b>ciao</b>')
})

t.test("a clarification's choices go out in snake_case", async (t) => {
  const frame = visitorMessageFrame(
    message({
      kind: 'clarify',
      data: {
        choices: [
          { entryId: 'returns', title: 'Come si fa un reso?', confidence: 0.6 },
          { entryId: 'refunds', title: 'Quando arriva il rimborso?', confidence: 0.5 },
        ],
      },
    })
  )
  t.same(frame.choices, [
    { entry_id: 'returns', title: 'Come si fa un reso?' },
    { entry_id: 'refunds', title: 'Quando arriva il rimborso?' },
  ])
})

t.test("an operator's name goes out with their messages only", async (t) => {
  const data = { operatorName: 'Marta' }
  t.equal(visitorMessageFrame(message({ author: 'operator', html: null, data })).operator_name, 'Marta')
  t.equal(visitorMessageFrame(message({ author: 'system', data })).operator_name, undefined)
})

t.test("the visitor's own client id comes back with their message, nobody else's", async (t) => {
  t.equal(visitorMessageFrame(message({ author: 'visitor', html: null, clientId: 'text-1' })).client_id, 'text-1')
  t.equal(visitorMessageFrame(message({ author: 'operator', html: null, clientId: 'op-1' })).client_id, undefined)
})
