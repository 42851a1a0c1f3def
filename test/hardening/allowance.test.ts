import t from 'tap'
import { build } from '../server/helpers.js'
import { httpFrom, httpVisitor, sendText, trySend, visitor } from './helpers.js'

// With the default limits: 30 messages a minute per conversation (10 at once) and per visitor id,
// 4 × 30 per address (40 at once).

t.test('starting new conversations does not renew the allowance of an address on the websocket', async (t) => {
  const built = await build(t)
  let acked = 0
  for (let c = 0; c < 20; c++) {
    const v = await visitor(t, built, {}, {}, '127.0.2.1')
    for (let n = 0; n < 5; n++) if ((await trySend(v, `c${c}n${n}`, `question ${n}`)) === 'ack') acked++
    v.ws.terminate()
  }
  t.ok(acked <= 45, `${acked} of 100 messages over 20 conversations from one address were accepted`)
  const other = await visitor(t, built, {}, {}, '127.0.2.2')
  t.equal((await sendText(other, 'o', 'where is my order?')).type, 'ack', 'another address is served')
})

t.test('the address allowance is shared by the websocket and the HTTP fallback', async (t) => {
  const built = await build(t)
  let acked = 0
  for (let c = 0; c < 10; c++) {
    const v = await visitor(t, built, {}, {}, '127.0.2.3')
    for (let n = 0; n < 4; n++) if ((await trySend(v, `w${c}n${n}`, `question ${n}`)) === 'ack') acked++
    v.ws.terminate()
  }
  let overHttp = 0
  const statuses = new Set<number>()
  for (let c = 0; c < 10; c++) {
    const h = await httpVisitor('127.0.2.3', built.url)
    for (let n = 0; n < 4 && h.conversationId !== undefined; n++) {
      const res = await httpFrom(
        '127.0.2.3',
        built.url,
        'POST',
        `/api/v1/visitor/frames?conversation_id=${h.conversationId}`,
        { type: 'text', client_id: `h${c}n${n}`, text: `question ${n}` },
        { 'x-resume-token': h.resumeToken ?? '' }
      )
      if (res.status === 200 && res.body.frames[0].type === 'ack') overHttp++
      else statuses.add(res.status)
    }
  }
  t.same([...statuses], [429], 'the others were refused with 429')
  t.ok(acked + overHttp <= 45, `${acked} over the websocket and ${overHttp} over HTTP of 80 were accepted`)
  const other = await httpVisitor('127.0.2.4', built.url)
  const res = await httpFrom(
    '127.0.2.4',
    built.url,
    'POST',
    `/api/v1/visitor/frames?conversation_id=${other.conversationId}`,
    { type: 'text', client_id: 'o', text: 'where is my order?' },
    { 'x-resume-token': other.resumeToken ?? '' }
  )
  t.equal(res.body.frames?.[0]?.type, 'ack', 'another address is served over HTTP')
})

t.test('one visitor id has one allowance, whatever its addresses and conversations', async (t) => {
  const built = await build(t)
  const visitorId = 'same-browser-0123456789'
  let acked = 0
  for (let c = 0; c < 5; c++) {
    const v = await visitor(t, built, { visitor_id: visitorId }, {}, `127.0.2.${10 + c}`)
    for (let n = 0; n < 5; n++) if ((await trySend(v, `c${c}n${n}`, `question ${n}`)) === 'ack') acked++
    v.ws.terminate()
  }
  t.ok(acked <= 12, `${acked} of 25 messages of one visitor id over 5 addresses were accepted (10 at once)`)
  const other = await visitor(t, built, { visitor_id: 'another-browser-987654321' }, {}, '127.0.2.20')
  t.equal((await sendText(other, 'o', 'where is my order?')).type, 'ack', 'another visitor is served')
})
