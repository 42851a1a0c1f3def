import t from 'tap'
import { addOperator, build, connect, http, login } from '../server/helpers.js'
import { sendText, snapshot, visitor } from './helpers.js'

// Frames that must each get an error frame and leave the connection usable.
const BadFrames: [string, string | Buffer][] = [
  ['not JSON', 'hello there'],
  ['truncated JSON', '{"type":"text","client_id":"x"'],
  ['a JSON array', '[1,2,3]'],
  ['a JSON string', '"text"'],
  ['JSON null', 'null'],
  ['an empty object', '{}'],
  ['an unknown type', '{"type":"sudo","client_id":"x"}'],
  ['an object where a string is expected', '{"type":"text","client_id":"x1","text":{}}'],
  ['a query operator as client id', '{"type":"text","client_id":{"$ne":null},"text":"hi"}'],
  ['a query operator as text', '{"type":"text","client_id":"x2","text":{"$ne":null}}'],
  ['a huge number as seq', '{"type":"feedback","client_id":"x3","seq":1e308,"helpful":true}'],
  ['a negative seq', '{"type":"feedback","client_id":"x4","seq":-1,"helpful":true}'],
  ['a fractional score', '{"type":"rating","client_id":"x5","score":2.5}'],
  ['a string as boolean', '{"type":"feedback","client_id":"x6","seq":1,"helpful":"false"}'],
  ['a __proto__ key', '{"type":"text","client_id":"x7","text":"hi","__proto__":{"polluted":true}}'],
  ['a constructor key', '{"type":"text","client_id":"x8","text":"hi","constructor":{"prototype":{"polluted":true}}}'],
  ['a client id with spaces', '{"type":"text","client_id":"a b","text":"hi"}'],
  ['an over-long client id', JSON.stringify({ type: 'text', client_id: 'x'.repeat(101), text: 'hi' })],
  ['an empty text', '{"type":"text","client_id":"x9","text":"   \\u0000 "}'],
  ['a second hello', '{"type":"hello"}'],
]

t.test(
  'malformed visitor frames each get an error frame; the connection, other visitors and stored messages are untouched',
  async (t) => {
    // Invalid frames count toward the message allowance (flood.test.ts): a large one, not under test here.
    const built = await build(t, { limits: { messagesPerMinute: 1000 } })
    const first = await visitor(t, built)
    const other = await visitor(t, built)
    t.equal((await sendText(first, 'before', 'where is my order?')).type, 'ack')
    const stored = await snapshot(built, first.conversationId)
    const resume = { conversation_id: first.conversationId, resume_token: first.resumeToken }
    let v = first
    for (const [i, [name, raw]] of BadFrames.entries()) {
      // The fifth invalid frame on one connection closes it (4400, see flood.test.ts): four per connection here.
      if (i % 4 === 0 && i > 0) {
        t.equal((await sendText(v, `between${i}`, 'still there?')).type, 'ack', 'the connection goes on')
        v = await visitor(t, built, resume)
      }
      const errorsBefore = v.frames.filter((f) => f.type === 'error').length
      v.send(raw)
      const error = await v.next(
        (f) => f.type === 'error' && v.frames.filter((g) => g.type === 'error').length > errorsBefore
      )
      t.match(
        error,
        { code: /^FD_ERR_(FRAME_INVALID|FRAME_UNEXPECTED|TEXT_EMPTY)$/, message: /\S/ },
        `${name}: ${error.code}: ${error.message}`
      )
    }
    const between = (await snapshot(built, v.conversationId)).filter(
      (row) => !String((row as unknown[])[3]).startsWith('between')
    )
    t.same(
      between.filter((row) => (row as unknown[])[1] === 'visitor'),
      stored.filter((row) => (row as unknown[])[1] === 'visitor'),
      'nothing stored or changed by the bad frames'
    )
    t.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype is not polluted')
    t.equal((await sendText(v, 'after', 'and how much is shipping?')).type, 'ack', 'the same connection goes on')
    t.equal((await sendText(other, 'o1', 'hello, do you ship to Spain?')).type, 'ack', 'another visitor is served')
  }
)

t.test('binary frames get an error frame on both websockets', async (t) => {
  const built = await build(t)
  await addOperator(built.store, { username: 'olga' })
  const v = await visitor(t, built)
  v.ws.send(Buffer.from([0x7b, 0x7d, 0x00, 0xff]), { binary: true })
  t.match(await v.next((f) => f.type === 'error'), { code: 'FD_ERR_FRAME_INVALID', message: /binary/ })
  const session = await login(built.url, 'olga')
  const op = await connect(t, `${built.wsUrl}/ws/operator`, { cookie: session.cookie })
  op.ws.send(Buffer.from('{"type":"hello"}'), { binary: true })
  t.match(await op.next((f) => f.type === 'error'), { code: 'FD_ERR_FRAME_INVALID' })
  op.send({ type: 'hello' })
  await op.next((f) => f.type === 'queue')
  t.equal((await sendText(v, 'a', 'still there?')).type, 'ack')
})

t.test('a frame over 16 KiB closes with 1009, a 1 MB frame too, and memory does not grow with repeats', async (t) => {
  const built = await build(t)
  const keep = await visitor(t, built)
  t.equal((await sendText(keep, 'k1', 'where is my order?')).type, 'ack')
  const stored = await snapshot(built, keep.conversationId)
  const big = JSON.stringify({ type: 'text', client_id: 'big', text: 'x'.repeat(1024 * 1024) })
  const before = process.memoryUsage().rss
  for (let i = 0; i < 20; i++) {
    const v = await visitor(t, built)
    v.send(i % 2 === 0 ? big : JSON.stringify({ type: 'text', client_id: 'b', text: 'é'.repeat(9000) }))
    t.equal((await v.closed).code, 1009, `oversize frame ${i} closed with 1009`)
  }
  global.gc?.()
  const grown = process.memoryUsage().rss - before
  t.ok(grown < 64 * 1024 * 1024, `RSS grew ${(grown / 1048576).toFixed(1)} MiB over 20 oversize frames (limit 64 MiB)`)
  t.same(await snapshot(built, keep.conversationId), stored)
  t.equal((await sendText(keep, 'k2', 'still served?')).type, 'ack', 'the other visitor is still served')
})

t.test('a text frame with invalid UTF-8 is closed with 1007 and harms no one else', async (t) => {
  const built = await build(t)
  const keep = await visitor(t, built)
  const v = await visitor(t, built)
  // ws validates UTF-8 in text frames (RFC 6455 §8.1): the close code is the standard 1007.
  v.ws.send(Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), { binary: false })
  t.equal((await v.closed).code, 1007)
  t.equal((await sendText(keep, 'k', 'are you there?')).type, 'ack')
})

t.test('lone surrogates, NUL and bidi overrides are cleaned from texts and names before they are stored', async (t) => {
  const built = await build(t)
  const v = await visitor(t, built, { name: 'Eve\r\nINFO forged log line\u0000\u202E' })
  const conv = await built.store.getConversation(v.conversationId)
  t.equal(conv?.visitorName, 'Eve INFO forged log line', 'CR/LF, NUL and the override are gone from the name')
  t.equal((await sendText(v, 's', 'half \ud800 a pair\u0000 and \u202Eevil')).type, 'ack')
  const [last] = (await built.store.messagesAfter(v.conversationId, 0)).filter((m) => m.clientId === 's')
  t.equal(last?.text, 'half \uFFFD a pair and evil')
})

t.test('malformed operator frames each get an error frame and the socket goes on', async (t) => {
  const built = await build(t)
  await addOperator(built.store, { username: 'olga' })
  const session = await login(built.url, 'olga')
  const op = await connect(t, `${built.wsUrl}/ws/operator`, { cookie: session.cookie })
  const bad = [
    'nope',
    '{}',
    '[]',
    '{"type":"watch","conversation_id":{"$ne":null}}',
    '{"type":"watch","conversation_id":"x","last_seq":1e400}',
    '{"type":"text","client_id":"c","conversation_id":"x","text":["a"]}',
    '{"type":"hello","__proto__":{"polluted":1}}',
    '{"type":"claim_all"}',
  ]
  for (const raw of bad) {
    const count = op.frames.filter((f) => f.type === 'error').length
    op.send(raw)
    const error = await op.next((f) => f.type === 'error' && op.frames.filter((g) => g.type === 'error').length > count)
    t.equal(error.code, 'FD_ERR_FRAME_INVALID', `${raw.slice(0, 60)}: ${error.message}`)
  }
  op.send({ type: 'hello' })
  await op.next((f) => f.type === 'queue')
  op.send('x'.repeat(20_000))
  t.equal((await op.closed).code, 1009)
  t.equal(({} as Record<string, unknown>).polluted, undefined)
})

t.test('the visitor HTTP fallback answers malformed requests with a 4xx and a code', async (t) => {
  const built = await build(t)
  const start = await http(built.url, 'POST', '/api/v1/visitor/frames', { type: 'hello' })
  const { conversation_id: id, resume_token: token } = start.body.frames[0]
  const headers = { 'x-resume-token': token }
  const stored = await snapshot(built, id)
  const cases: [string, string, string, unknown, Record<string, string>, number][] = [
    ['not JSON', 'POST', `/api/v1/visitor/frames?conversation_id=${id}`, 'hello', headers, 400],
    ['unknown type', 'POST', `/api/v1/visitor/frames?conversation_id=${id}`, { type: 'drop_table' }, headers, 400],
    [
      'object as text',
      'POST',
      `/api/v1/visitor/frames?conversation_id=${id}`,
      { type: 'text', client_id: 'a', text: { $ne: null } },
      headers,
      400,
    ],
    [
      '__proto__ key',
      'POST',
      `/api/v1/visitor/frames?conversation_id=${id}`,
      '{"type":"text","client_id":"a","text":"x","__proto__":{"polluted":1}}',
      headers,
      400,
    ],
    [
      'over 64 KiB',
      'POST',
      `/api/v1/visitor/frames?conversation_id=${id}`,
      { type: 'text', client_id: 'a', text: 'x'.repeat(70_000) },
      headers,
      413,
    ],
    [
      'over 16 KiB',
      'POST',
      `/api/v1/visitor/frames?conversation_id=${id}`,
      { type: 'text', client_id: 'a', text: 'x'.repeat(20_000) },
      headers,
      413,
    ],
    [
      'two conversation ids',
      'POST',
      `/api/v1/visitor/frames?conversation_id=${id}&conversation_id=x`,
      { type: 'text', client_id: 'a', text: 'x' },
      headers,
      400,
    ],
    [
      'no token',
      'POST',
      `/api/v1/visitor/frames?conversation_id=${id}`,
      { type: 'text', client_id: 'a', text: 'x' },
      {},
      404,
    ],
    ['negative after', 'GET', `/api/v1/visitor/events?conversation_id=${id}&after=-1`, undefined, headers, 400],
    ['huge after', 'GET', `/api/v1/visitor/events?conversation_id=${id}&after=1e400`, undefined, headers, 400],
    ['no conversation', 'GET', '/api/v1/visitor/events?after=0', undefined, headers, 400],
  ]
  for (const [name, method, path, body, h, status] of cases) {
    const res = await http(built.url, method, path, body, h)
    t.equal(res.status, status, `${name}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`)
    t.match(res.body, { code: /^FD_ERR_/, message: /\S/ }, `${name}: a code and a message`)
  }
  t.same(await snapshot(built, id), stored, 'nothing stored')
  t.equal(({} as Record<string, unknown>).polluted, undefined)
  const ok = await http(
    built.url,
    'POST',
    `/api/v1/visitor/frames?conversation_id=${id}`,
    { type: 'text', client_id: 'fine', text: 'where is my order?' },
    headers
  )
  t.equal(ok.body.frames[0].type, 'ack')
})

t.test('operator REST calls answer malformed bodies with a 400 and a code', async (t) => {
  const built = await build(t)
  await addOperator(built.store, { username: 'olga' })
  const v = await visitor(t, built)
  const session = await login(built.url, 'olga')
  const id = v.conversationId
  const cases: [string, string, unknown][] = [
    ['login with a query operator', '/api/v1/auth/login', { username: { $ne: null }, password: 'x' }],
    ['login with a huge password', '/api/v1/auth/login', { username: 'olga', password: 'x'.repeat(2000) }],
    ['reply with an object text', `/api/v1/conversations/${id}/messages`, { client_id: 'a', text: {} }],
    ['reply without client id', `/api/v1/conversations/${id}/messages`, { text: 'hi' }],
    ['faq link with a string seq', `/api/v1/conversations/${id}/faq-link`, { entry_id: 'x', seq: 'one' }],
    ['faq link with a huge seq', `/api/v1/conversations/${id}/faq-link`, '{"entry_id":"x","seq":1e400}'],
    ['not JSON', `/api/v1/conversations/${id}/claim`, '{"'],
  ]
  for (const [name, path, body] of cases) {
    const res = await session.call('POST', path, body)
    t.equal(res.status, 400, `${name}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`)
    t.match(res.body, { code: /^FD_ERR_/, message: /\S/ })
  }
  const res = await session.call('POST', `/api/v1/conversations/${id}/claim`, '{"__proto__":{"polluted":1}}')
  t.ok(res.status < 500, `claim with a __proto__ body: ${res.status}`)
  t.equal(({} as Record<string, unknown>).polluted, undefined)
  t.equal((await sendText(v, 'after', 'anyone?')).type, 'ack')
})

t.test(
  'CR/LF in names, URLs and headers cannot forge log lines: every line the server logs is one JSON object',
  async (t) => {
    const { spawnServer } = await import('../server/process.js')
    const server = await spawnServer(t, { DATA_DIR: t.testdir(), LOG_LEVEL: 'info' })
    const forged = '\r\n{"level":60,"msg":"forged"}\r\n'
    const start = await http(
      server.url,
      'POST',
      '/api/v1/visitor/frames',
      { type: 'hello', name: `Eve${forged}`, page_url: `https://shop.example/${forged}` },
      { 'user-agent': 'agent %0d%0a{"level":60,"msg":"forged"}' }
    )
    t.equal(start.status, 200)
    t.equal(
      (await http(server.url, 'GET', '/api/v1/nope%0d%0a%7B%22level%22:60,%22msg%22:%22forged%22%7D')).status,
      404
    )
    t.equal(
      (await http(server.url, 'POST', '/api/v1/auth/login', { username: `x${forged}`, password: 'y' })).status,
      401
    )
    // Stopped, and 'close' after its output was read to the end: every line it logged is here.
    server.child.kill('SIGTERM')
    await new Promise((resolve) => server.child.once('close', resolve))
    const lines = server
      .output()
      .split('\n')
      .filter(
        (l) =>
          l.trim() !== '' &&
          !l.startsWith('Frontdesk is running') &&
          !l.startsWith('First start') &&
          !l.startsWith('(shown once')
      )
    t.ok(lines.length >= 3, `${lines.length} log lines`)
    for (const line of lines) {
      let parsed: { msg?: string } | undefined
      try {
        parsed = JSON.parse(line)
      } catch {
        /* reported below */
      }
      t.ok(parsed !== undefined, `one JSON object: ${line.slice(0, 100)}`)
      t.not(parsed?.msg, 'forged', 'not a forged line')
    }
  }
)
