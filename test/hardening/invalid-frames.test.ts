import t, { type Test } from 'tap'
import { build } from '../server/helpers.js'
import { bystanderRoundTrip, httpFrom, httpVisitor, percentile, sendText, until, visitor } from './helpers.js'

// Non-JSON, schema-invalid and near-cap frames: each is parsed whole, then refused.
const BadFrames = [
  'not json at all',
  '{"type":"text","client_id":"x"}',
  '{"type":"nope","a":1}',
  JSON.stringify({ type: 'hello', lang: 'en', name: 'x'.repeat(15_000) }),
  `{"type":"text","client_id":"y","text":${JSON.stringify(Array.from({ length: 2500 }, (_, i) => i))}}`,
]

/** Round trips of new visitors from 127.0.0.1, one after another, for `ms`. */
async function bystanders (t: Test, built: Parameters<typeof bystanderRoundTrip>[1], ms: number) {
  const times: number[] = []
  const end = Date.now() + ms
  for (let n = 0; Date.now() < end; n++) times.push(await bystanderRoundTrip(t, built, n))
  return times
}

t.test(
  'sockets flooding invalid frames are closed with 4400 after a few, reconnecting does not help, and a bystander keeps its pace',
  async (t) => {
    const built = await build(t)
    const quiet = await bystanders(t, built, 2000)
    const codes: number[] = []
    const errorsPerConnection: number[] = []
    let stop = false
    // Ten flooders on their own addresses, each reading its replies and reconnecting when closed.
    const flooders = Array.from({ length: 10 }, async (_, k) => {
      for (let round = 0; !stop && round < 20; round++) {
        const v = await visitor(t, built, {}, {}, `127.0.1.${k + 1}`).catch(() => undefined)
        if (v === undefined) continue
        for (let i = 0; v.ws.readyState === v.ws.OPEN && i < 200; i++) {
          v.send(BadFrames[i % BadFrames.length])
          if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve))
        }
        const closed = await Promise.race([v.closed, until(() => false, 10_000).then(() => undefined)])
        codes.push(closed?.code ?? 0)
        errorsPerConnection.push(v.frames.filter((f) => f.type === 'error').length)
      }
    })
    const during = await bystanders(t, built, 3000)
    stop = true
    await Promise.all(flooders)
    t.ok(codes.length >= 10, `${codes.length} flooding connections`)
    const unexpected = codes.filter((c) => c !== 4400 && c !== 4429)
    t.same(unexpected, [], `every flooding connection was closed with 4400 (or 4429 once over the allowance): ${codes}`)
    t.ok(codes.includes(4400), 'with 4400 for invalid frames')
    t.ok(
      Math.max(...errorsPerConnection) <= 5,
      `each was answered at most 5 error frames before the close (${Math.max(...errorsPerConnection)})`
    )
    const [q99, d99] = [percentile(quiet, 99), percentile(during, 99)]
    t.comment(
      `bystander connect + hello + message: quiet p50 ${percentile(quiet, 50).toFixed(1)} ms p99 ${q99.toFixed(1)} ms; ` +
        `during the flood p50 ${percentile(during, 50).toFixed(1)} ms p99 ${d99.toFixed(1)} ms`
    )
    // 2x is the goal (bench:attack reports it); a shared 2-core runner adds noise to a p99 of a few ms.
    t.ok(d99 <= 2 * q99 + 250, `p99 during the flood ${d99.toFixed(1)} ms ≤ 2 × ${q99.toFixed(1)} ms + 250 ms`)
  }
)

t.test('invalid frames count toward the message allowance: after them, the conversation is rate limited', async (t) => {
  const built = await build(t, { limits: { messagesPerMinute: 30 } })
  const first = await visitor(t, built, {}, {}, '127.0.1.30')
  const resume = { conversation_id: first.conversationId, resume_token: first.resumeToken }
  let v = first
  // The allowance is 10 at once; 12 invalid frames over three connections use it up.
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) v = await visitor(t, built, resume, {}, '127.0.1.30')
    v.send('not json')
    await v.next((f) => f.type === 'error')
  }
  t.match(await sendText(v, 'after', 'where is my order?'), { type: 'error', code: 'FD_ERR_RATE_LIMITED' })
  const other = await visitor(t, built)
  t.equal((await sendText(other, 'o', 'where is my order?')).type, 'ack', 'a visitor on another address is served')
})

t.test('over HTTP, invalid frames from one address are answered 400, then 429; other addresses are served', async (t) => {
  const built = await build(t, { limits: { messagesPerMinute: 30 } })
  const statuses: number[] = []
  for (let i = 0; i < 60; i++) {
    const res = await httpFrom('127.0.1.40', built.url, 'POST', '/api/v1/visitor/frames', BadFrames[i % 3])
    statuses.push(res.status)
  }
  t.ok(statuses.slice(0, 5).every((s) => s === 400), 'the first ones get 400')
  t.ok(statuses.slice(-10).every((s) => s === 429), `then 429 (${statuses.filter((s) => s === 429).length} of 60)`)
  const other = await httpVisitor('127.0.1.41', built.url)
  t.equal(other.status, 200, 'a visitor on another address starts a conversation')
})

t.test('the 4429 close arrives at once, even when the server had stopped reading, and frees its place', async (t) => {
  const built = await build(t, { limits: { messagesPerMinute: 30, connectionsPerIp: 2 } })
  const v = await visitor(t, built, {}, {}, '127.0.1.50')
  // One burst: more frames in flight than the server reads ahead (it pauses), the allowance used up meanwhile.
  for (let i = 0; i < 80; i++) v.send({ type: 'text', client_id: `f${i}`, text: `spam ${i}` })
  await v.next((f) => f.type === 'error' && f.code === 'FD_ERR_RATE_LIMITED', 10_000)
  const warned = Date.now()
  const closed = await Promise.race([v.closed, until(() => false, 20_000).then(() => undefined)])
  t.equal(closed?.code, 4429, 'closed with 4429')
  const took = Date.now() - warned
  t.ok(took < 5000, `the close completed ${took} ms after the first warning`)
  t.ok(
    await until(() => built.app.websocketServer.clients.size === 0, 5000),
    'the server let go of the socket'
  )
  const again = await Promise.all([
    visitor(t, built, {}, {}, '127.0.1.50'),
    visitor(t, built, {}, {}, '127.0.1.50'),
  ])
  t.equal(again.length, 2, 'the address may open its two connections again')
})

t.test('an address whose connections keep being closed for abuse is refused new ones for a while; others are not', async (t) => {
  const built = await build(t)
  const first = await visitor(t, built, {}, {}, '127.0.1.60')
  const resume = { conversation_id: first.conversationId, resume_token: first.resumeToken }
  first.ws.terminate()
  let closedForAbuse = 0
  let refused: unknown
  for (let i = 0; i < 20 && refused === undefined; i++) {
    try {
      const v = await visitor(t, built, resume, {}, '127.0.1.60')
      for (let n = 0; n < 5; n++) v.send('not json')
      // 4400 for the invalid frames, or 4429 once they have used up the conversation's allowance.
      t.match((await v.closed).code, /^(4400|4429)$/)
      closedForAbuse++
    } catch (err) {
      refused = err
    }
  }
  t.equal(closedForAbuse, 10, 'ten connections were closed for abuse')
  t.match(String(refused), /429/, 'then the upgrade itself is refused with 429')
  t.ok(await visitor(t, built, {}, {}, '127.0.1.61'), 'another address connects')
})
