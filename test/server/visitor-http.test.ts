import t from 'tap'
import { build, http } from './helpers.js'

async function start (url: string) {
  const hello = await http(url, 'POST', '/api/v1/visitor/frames', { type: 'hello', lang: 'it' })
  const welcome = hello.body.frames[0]
  const send = (frame: unknown, token = welcome.resume_token) =>
    http(url, 'POST', `/api/v1/visitor/frames?conversation_id=${welcome.conversation_id}`, frame, {
      'x-resume-token': token,
    })
  const events = (after: number, token = welcome.resume_token) =>
    http(url, 'GET', `/api/v1/visitor/events?conversation_id=${welcome.conversation_id}&after=${after}`, undefined, {
      'x-resume-token': token,
    })
  return { welcome, send, events }
}

t.test('over HTTP a visitor starts, asks, is acknowledged and polls the answer', async (t) => {
  const { url } = await build(t)
  const { welcome, send, events } = await start(url)
  t.match(welcome, { type: 'welcome', lang: 'it', state: 'bot' })
  const sent = await send({ type: 'text', client_id: 'h1', text: 'Posso pagare con PayPal?' })
  t.match(sent.body.frames[0], { type: 'ack', client_id: 'h1' })
  const polled = await events(0)
  const kinds = polled.body.frames.map((f: any) => f.kind ?? f.type)
  t.ok(kinds.includes('answer'), 'the answer is there')
  t.equal(polled.body.frames.at(-1).type, 'state')
  const seqs = polled.body.frames.filter((f: any) => f.type === 'message').map((f: any) => f.seq)
  t.same(
    seqs,
    seqs.map((_: number, i: number) => i + 1)
  )
})

t.test('a long poll waits for the next message and returns it', async (t) => {
  const { url } = await build(t)
  const { welcome, send, events } = await start(url)
  let answered = false
  const waiting = events(welcome.last_seq).finally(() => {
    answered = true
  })
  // The poll was sent first: after another request's round trip it is still open.
  await http(url, 'GET', '/healthz')
  t.notOk(answered, 'the poll waits while there is nothing new')
  await send({ type: 'text', client_id: 'late', text: 'Do you have a showroom in Milan?' })
  const polled = await waiting
  t.ok(polled.body.frames.some((f: any) => f.type === 'message' && f.client_id === 'late'))
})

t.test('a resend over HTTP is acknowledged with the same seq', async (t) => {
  const { url } = await build(t)
  const { send } = await start(url)
  const a = await send({ type: 'text', client_id: 'dup', text: 'ciao' })
  const b = await send({ type: 'text', client_id: 'dup', text: 'ciao' })
  t.equal(a.body.frames[0].seq, b.body.frames[0].seq)
})

t.test('without the right resume token nothing of the conversation is readable or writable', async (t) => {
  const { url } = await build(t)
  const { send, events } = await start(url)
  t.match(await events(0, 'wrong'), { status: 404, body: { code: 'FD_ERR_NOT_FOUND' } })
  t.match(await send({ type: 'text', client_id: 'x', text: 'hi' }, ''), { status: 404 })
})

t.test('malformed bodies get a 400 with a message; oversize ones a 413', async (t) => {
  const { url } = await build(t)
  t.match(await http(url, 'POST', '/api/v1/visitor/frames', '{not json', { 'content-type': 'application/json' }), {
    status: 400,
    body: { code: 'FD_ERR_FRAME_INVALID' },
  })
  t.match(await http(url, 'POST', '/api/v1/visitor/frames', { type: 'hello', __proto__x: 1 }), { status: 400 })
  t.match(
    await http(url, 'POST', '/api/v1/visitor/frames', { type: 'text', client_id: 'a', text: 'x'.repeat(20_000) }),
    { status: 413 }
  )
})

t.test('a widget on an allowed shop origin may use the HTTP fallback cross-origin; others may not', async (t) => {
  const { url } = await build(t, { allowedOrigins: ['https://shop.example'] })
  const preflight = await fetch(`${url}/api/v1/visitor/frames`, {
    method: 'OPTIONS',
    headers: {
      origin: 'https://shop.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-resume-token',
    },
  })
  t.equal(preflight.status, 204)
  t.equal(preflight.headers.get('access-control-allow-origin'), 'https://shop.example')
  t.match(preflight.headers.get('access-control-allow-headers'), /x-resume-token/)
  const hello = await fetch(`${url}/api/v1/visitor/frames`, {
    method: 'POST',
    headers: { origin: 'https://shop.example', 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'hello' }),
  })
  t.equal(hello.headers.get('access-control-allow-origin'), 'https://shop.example')
  t.equal(
    (await http(url, 'POST', '/api/v1/visitor/frames', { type: 'hello' }, { origin: 'https://evil.example' })).status,
    403
  )
})
