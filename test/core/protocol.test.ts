import t from 'tap'
import { checkOperatorFrame, checkVisitorFrame, MaxFrameBytes } from '../../src/core/protocol.js'

t.test('a valid visitor text frame passes', async (t) => {
  const r = checkVisitorFrame(JSON.stringify({ type: 'text', client_id: 'm-1', text: '¿Dónde está mi pedido?' }))
  t.same(r, { ok: true, frame: { type: 'text', client_id: 'm-1', text: '¿Dónde está mi pedido?' } })
})

t.test('a frame that is not JSON is refused with a clear message', async (t) => {
  t.match(checkVisitorFrame('hello?'), { ok: false, code: 'FD_ERR_FRAME_INVALID', message: /not valid JSON/ })
  t.match(checkVisitorFrame('[1,2]'), { ok: false, message: /JSON object/ })
  t.match(checkVisitorFrame('null'), { ok: false, message: /JSON object/ })
})

t.test('an unknown frame type is named', async (t) => {
  t.match(checkVisitorFrame('{"type":"delete_all"}'), { ok: false, message: 'unknown frame type "delete_all"' })
})

t.test('a wrong field type names the frame and the field', async (t) => {
  t.match(checkVisitorFrame('{"type":"text","client_id":"a","text":{"$ne":null}}'), {
    ok: false,
    message: /invalid "text" frame at text/,
  })
  t.match(checkVisitorFrame('{"type":"feedback","client_id":"a","seq":1e300,"helpful":true}'), {
    ok: false,
    message: /at seq/,
  })
})

t.test('prototype keys and unknown fields are refused', async (t) => {
  t.match(checkVisitorFrame('{"type":"typing","__proto__":{"admin":true}}'), { ok: false })
  t.match(checkVisitorFrame('{"type":"typing","constructor":{"prototype":1}}'), { ok: false })
  t.match(checkVisitorFrame('{"type":"typing","extra":1}'), { ok: false })
})

t.test('an oversize frame is refused before it is parsed', async (t) => {
  const big = JSON.stringify({ type: 'text', client_id: 'x', text: 'a'.repeat(MaxFrameBytes) })
  t.match(checkVisitorFrame(big), { ok: false, code: 'FD_ERR_FRAME_TOO_BIG' })
})

t.test('client ids are short and plain', async (t) => {
  t.match(checkVisitorFrame('{"type":"handoff","client_id":"<script>"}'), { ok: false, message: /client_id/ })
})

t.test('operator frames are checked against their own schema', async (t) => {
  t.same(checkOperatorFrame(Buffer.from('{"type":"watch","conversation_id":"c1","last_seq":4}')), {
    ok: true,
    frame: { type: 'watch', conversation_id: 'c1', last_seq: 4 },
  })
  t.match(checkOperatorFrame('{"type":"choose","client_id":"a","entry_id":"x"}'), {
    ok: false,
    message: /unknown frame type/,
  })
})
