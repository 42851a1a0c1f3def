import t from 'tap'
import type { Test } from 'tap'
import { addOperator, build, connect, http, login, type Built } from '../server/helpers.js'
import { sendText, visitor, type Visitor } from './helpers.js'

/** Two visitors, Ana (queued, claimed by olga) and Ben, and three operators. */
async function scene (t: Test): Promise<{ built: Built; ana: Visitor; ben: Visitor }> {
  const built = await build(t, { limits: { messagesPerMinute: 1000 } })
  await addOperator(built.store, { username: 'olga' })
  await addOperator(built.store, { username: 'pete' })
  await addOperator(built.store, { username: 'eddie', role: 'editor' })
  const ana = await visitor(t, built, { name: 'Ana' })
  const ben = await visitor(t, built, { name: 'Ben' })
  t.equal((await sendText(ana, 'a1', 'my card 4111 1111 1111 1111 was charged twice')).type, 'ack')
  ana.send({ type: 'handoff', client_id: 'h' })
  await ana.next((f) => f.type === 'ack' && f.client_id === 'h')
  return { built, ana, ben }
}

const OperatorRoutes = (id: string): [string, string, unknown?][] => [
  ['GET', '/api/v1/conversations'],
  ['GET', `/api/v1/conversations/${id}`],
  ['POST', `/api/v1/conversations/${id}/claim`, {}],
  ['POST', `/api/v1/conversations/${id}/close`, {}],
  ['POST', `/api/v1/conversations/${id}/transfer`, { operator: 'pete' }],
  ['POST', `/api/v1/conversations/${id}/messages`, { client_id: 'x', text: 'hi' }],
  ['POST', `/api/v1/conversations/${id}/faq-link`, { entry_id: 'shipping-time', seq: 2 }],
  ['GET', '/api/v1/contacts'],
  ['POST', '/api/v1/contacts/x/handled', {}],
  ['GET', '/api/v1/operators'],
  ['GET', '/api/v1/faq/suggest?text=parcel&lang=en'],
  ['GET', '/api/v1/faq/entries?lang=en'],
  ['POST', '/api/v1/auth/logout', {}],
]

t.test(
  'every operator REST route refuses a visitor, a forged cookie, and a state change without the right CSRF token',
  async (t) => {
    const { built, ana } = await scene(t)
    const olga = await login(built.url, 'olga')
    const pete = await login(built.url, 'pete')
    const leaked = JSON.stringify(ana.conversationId)
    for (const [method, path, body] of OperatorRoutes(ana.conversationId)) {
      for (const [who, headers] of [
        ['a visitor with a resume token', { 'x-resume-token': ana.resumeToken }],
        ['a forged session cookie', { cookie: 'fd_session=' + 'A'.repeat(43) }],
        ['an over-long cookie', { cookie: 'fd_session=' + 'A'.repeat(5000) }],
      ] as const) {
        const res = await http(built.url, method, path, body, headers)
        t.equal(res.status, 401, `${method} ${path}, ${who}: 401`)
        t.notOk(
          JSON.stringify(res.body).includes(leaked) && method === 'GET' && path.includes('conversations'),
          'no data'
        )
      }
      if (method === 'POST') {
        const none = await http(built.url, method, path, body, { cookie: olga.cookie })
        t.match(none, { status: 403, body: { code: 'FD_ERR_CSRF' } }, `${method} ${path} without x-csrf-token: 403`)
        const other = await http(built.url, method, path, body, { cookie: olga.cookie, 'x-csrf-token': pete.csrf })
        t.match(
          other,
          { status: 403, body: { code: 'FD_ERR_CSRF' } },
          `${method} ${path} with another session's token: 403`
        )
      }
    }
    t.equal((await olga.call('GET', '/api/v1/auth/me')).status, 200, 'the session survived every refused call')
    t.notOk(
      (await built.store.getConversation(ana.conversationId))?.assignedTo,
      'no refused call claimed the conversation'
    )
  }
)

t.test(
  'an operator cannot reply to, close or transfer a conversation another operator owns, over REST or the websocket',
  async (t) => {
    const { built, ana } = await scene(t)
    const olga = await login(built.url, 'olga')
    const pete = await login(built.url, 'pete')
    const eddie = await login(built.url, 'eddie')
    t.equal((await olga.call('POST', `/api/v1/conversations/${ana.conversationId}/claim`, {})).status, 200)
    const before = (await built.store.messagesAfter(ana.conversationId, 0)).length
    for (const [who, s] of [
      ['another operator', pete],
      ['an editor', eddie],
    ] as const) {
      // Not the owner: refused as a conflict ("claim it first"), which is what the console shows.
      t.match(
        await s.call('POST', `/api/v1/conversations/${ana.conversationId}/messages`, {
          client_id: 'p1',
          text: 'hi from me',
        }),
        { status: /^(403|409)$/ },
        `${who} cannot reply`
      )
      t.match(
        await s.call('POST', `/api/v1/conversations/${ana.conversationId}/close`, {}),
        { status: 403 },
        `${who} cannot close`
      )
      t.match(
        await s.call('POST', `/api/v1/conversations/${ana.conversationId}/transfer`, { operator: 'pete' }),
        { status: 403 },
        `${who} cannot transfer`
      )
      t.match(
        await s.call('POST', `/api/v1/conversations/${ana.conversationId}/claim`, {}),
        { status: 409 },
        `${who} cannot claim it again`
      )
    }
    const ws = await connect(t, `${built.wsUrl}/ws/operator`, { cookie: pete.cookie })
    ws.send({ type: 'text', client_id: 'w1', conversation_id: ana.conversationId, text: 'sneaky' })
    t.match(
      await ws.next((f) => f.type === 'error' && f.client_id === 'w1'),
      { code: /^FD_ERR_(FORBIDDEN|CONFLICT)$/ },
      'websocket reply refused with an error frame'
    )
    ws.send({ type: 'text', client_id: 'w2', conversation_id: 'no-such-conversation', text: 'hi' })
    t.match(await ws.next((f) => f.type === 'error' && f.client_id === 'w2'), { code: 'FD_ERR_NOT_FOUND' })
    t.equal((await built.store.messagesAfter(ana.conversationId, 0)).length, before, 'nothing was added')
    t.equal((await built.store.getConversation(ana.conversationId))?.assignedTo, 'op-olga', "still olga's")
    ana.send({ type: 'text', client_id: 'a2', text: 'hello?' })
    await ana.next((f) => f.type === 'ack' && f.client_id === 'a2')
    const texts = ana.frames.filter((f) => f.type === 'message').map((f) => f.text)
    t.notOk(texts.includes('sneaky') || texts.includes('hi from me'), 'the visitor saw none of it')
  }
)

t.test("a visitor cannot read or write another visitor's conversation by id, token or both transports", async (t) => {
  const { built, ana, ben } = await scene(t)
  const q = `conversation_id=${ana.conversationId}`
  const attempts: [string, Record<string, string>][] = [
    ['no token', {}],
    ["Ben's token", { 'x-resume-token': ben.resumeToken }],
    ['a near token', { 'x-resume-token': ana.resumeToken.slice(0, -1) + (ana.resumeToken.endsWith('A') ? 'B' : 'A') }],
  ]
  for (const [name, headers] of attempts) {
    const read = await http(built.url, 'GET', `/api/v1/visitor/events?${q}&after=0&wait=false`, undefined, headers)
    t.match(read, { status: 404, body: { code: 'FD_ERR_NOT_FOUND' } }, `events with ${name}: 404`)
    t.notOk(JSON.stringify(read.body).includes('charged twice'), 'no text leaks')
    const write = await http(
      built.url,
      'POST',
      `/api/v1/visitor/frames?${q}`,
      { type: 'text', client_id: 'x', text: 'injected' },
      headers
    )
    t.match(write, { status: 404 }, `frames with ${name}: 404`)
    const typing = await http(built.url, 'POST', `/api/v1/visitor/frames?${q}`, { type: 'typing' }, headers)
    t.match(typing, { status: 404 }, `typing with ${name}: 404`)
    const ws = await connect(t, `${built.wsUrl}/ws/visitor`)
    ws.send({
      type: 'hello',
      conversation_id: ana.conversationId,
      resume_token: headers['x-resume-token'] ?? 'x',
      last_seq: 0,
    })
    t.equal((await ws.closed).code, 4403, `websocket resume with ${name}: 4403`)
    t.equal(ws.frames.filter((f) => f.type === 'message').length, 0, 'and no message was sent')
  }
  const ws = await connect(t, `${built.wsUrl}/ws/visitor`)
  ws.send({ type: 'hello', resume_token: ana.resumeToken })
  t.equal((await ws.closed).code, 4403, 'a token without its conversation id opens nothing')
  const mine = await http(
    built.url,
    'GET',
    `/api/v1/visitor/events?conversation_id=${ben.conversationId}&after=0&wait=false`,
    undefined,
    { 'x-resume-token': ben.resumeToken }
  )
  t.equal(mine.status, 200, 'Ben reads his own')
  t.notOk(JSON.stringify(mine.body).includes('charged twice'))
  const stored = (await built.store.messagesAfter(ana.conversationId, 0)).map((m) => m.text)
  t.notOk(stored.includes('injected'))
  t.notOk(
    stored.some((m) => m.includes('4111 1111')),
    'and the card number was never stored'
  )
})

t.test('websocket upgrades and fallback calls from a foreign origin are refused', async (t) => {
  const { built, ana } = await scene(t)
  const olga = await login(built.url, 'olga')
  for (const [path, headers] of [
    ['/ws/operator', { cookie: olga.cookie, origin: 'http://evil.example' }],
    ['/ws/operator', { cookie: olga.cookie, origin: 'null' }],
    ['/ws/visitor', { origin: 'http://evil.example' }],
  ] as const) {
    const error = await connect(t, `${built.wsUrl}${path}`, headers).then(
      () => undefined,
      (err: Error) => err
    )
    t.match(error?.message, /403/, `${path} from ${headers.origin}: 403`)
  }
  const noCookie = await connect(t, `${built.wsUrl}/ws/operator`).then(
    () => undefined,
    (err: Error) => err
  )
  t.match(noCookie?.message, /401/, 'operator websocket without a session: 401')
  // A form-like simple request (no preflight) from a foreign page: refused before anything runs.
  const simple = await fetch(`${built.url}/api/v1/visitor/frames`, {
    method: 'POST',
    headers: { origin: 'http://evil.example', 'content-type': 'text/plain' },
    body: '{"type":"hello"}',
  })
  t.equal(simple.status, 403, 'a cross-origin text/plain hello: 403')
  // The page may read the refusal (its widget says the chat is unavailable there), and nothing else.
  t.same(Object.keys(await simple.json()).sort(), ['code', 'message'], 'the refusal carries only its code and message')
  t.equal(simple.headers.get('access-control-allow-credentials'), null, 'never with credentials')
  const events = await http(
    built.url,
    'GET',
    `/api/v1/visitor/events?conversation_id=${ana.conversationId}&after=0&wait=false`,
    undefined,
    { origin: 'http://evil.example', 'x-resume-token': ana.resumeToken }
  )
  t.equal(events.status, 403, 'even with the right token, a foreign page cannot read')
  const login2 = await http(
    built.url,
    'POST',
    '/api/v1/auth/login',
    '{"username":"olga","password":"correct horse battery"}',
    { 'content-type': 'text/plain' }
  )
  t.match(login2.status, /^4(00|15)$/, `login does not take a text/plain (form-postable) body: ${login2.status}`)
})

t.test('the session cookie is httpOnly and SameSite=Strict', async (t) => {
  const built = await build(t)
  await addOperator(built.store, { username: 'olga' })
  const res = await fetch(`${built.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'olga', password: 'correct horse battery' }),
  })
  t.match(res.headers.get('set-cookie'), /HttpOnly/i)
  t.match(res.headers.get('set-cookie'), /SameSite=Strict/i)
})

t.test('the login lockout holds under 50 parallel wrong passwords, even with the right one among them', async (t) => {
  const built = await build(t, { limits: { requestsPerMinute: 10_000 } })
  await addOperator(built.store, { username: 'olga' })
  const attempts = Array.from({ length: 50 }, (_, i) => (i === 49 ? 'correct horse battery' : `guess-${i}`))
  const results = await Promise.all(
    attempts.map((password) => http(built.url, 'POST', '/api/v1/auth/login', { username: 'olga', password }))
  )
  t.same(
    [...new Set(results.map((r) => r.status))],
    [401],
    'every one of the 50 refused: the right password came after the limit'
  )
  const op = await built.store.getOperatorByUsername('olga')
  t.ok(op?.lockedUntil !== null && op!.lockedUntil! > Date.now(), 'the account is locked')
  t.equal(
    (await http(built.url, 'POST', '/api/v1/auth/login', { username: 'olga', password: 'correct horse battery' }))
      .status,
    401,
    'and stays locked for the right password'
  )
})
