import { connect as tcp } from 'node:net'
import t from 'tap'
import WebSocket from 'ws'
import { configFrom } from '../../src/config/load.js'
import { startServer } from '../../src/server/server.js'
import { build, connect, until } from '../server/helpers.js'
import { sendText, visitor } from './helpers.js'

const opened = (ws: WebSocket): Promise<void> =>
  new Promise((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
const closedWith = (ws: WebSocket): Promise<number> =>
  new Promise((resolve) => ws.once('close', (code) => resolve(code)))

t.test('1,000 sockets that never say hello are all closed with 4408 after the hello timeout', async (t) => {
  const built = await build(t, { limits: { connectionsPerIp: 5000, helloTimeoutSeconds: 1 } })
  const live = await visitor(t, built)
  const sockets: WebSocket[] = []
  const closes: Promise<number>[] = []
  t.teardown(() => {
    for (const s of sockets) s.terminate()
  })
  for (let batch = 0; batch < 10; batch++) {
    const more = Array.from({ length: 100 }, () => new WebSocket(`${built.wsUrl}/ws/visitor`))
    closes.push(...more.map(closedWith))
    await Promise.all(more.map(opened))
    sockets.push(...more)
  }
  const codes = await Promise.all(closes)
  t.same([...new Set(codes)], [4408], 'every silent socket closed with 4408')
  for (let i = 0; i < 50 && built.app.websocketServer.clients.size > 1; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  t.equal(built.app.websocketServer.clients.size, 1, 'only the visitor who said hello is still connected')
  t.equal((await sendText(live, 'l', 'still here')).type, 'ack', 'and is served')
})

t.test('connections per IP are capped; a closed one frees its place', async (t) => {
  const built = await build(t, { limits: { connectionsPerIp: 5 } })
  const five = await Promise.all(Array.from({ length: 5 }, () => connect(t, `${built.wsUrl}/ws/visitor`)))
  const refused = await connect(t, `${built.wsUrl}/ws/visitor`).then(
    () => undefined,
    (err: Error) => err
  )
  t.match(refused?.message, /429/, 'the sixth is refused with 429')
  five[0]!.ws.close()
  await five[0]!.closed
  await until(() => built.app.websocketServer.clients.size < 5, 'the server let the closed socket go')
  const again = await connect(t, `${built.wsUrl}/ws/visitor`)
  again.send({ type: 'hello' })
  await again.next((f) => f.type === 'welcome')
  t.pass('a new connection is accepted once one closed')
})

t.test(
  'a client that never reads is terminated once its send buffer passes the limit; the others are served',
  async (t) => {
    t.setTimeout(90_000)
    const built = await build(t, { maxTextLength: 15_000, limits: { messagesPerMinute: 100_000 } })
    const writer = await visitor(t, built)
    const reader = await visitor(t, built, { conversation_id: writer.conversationId, resume_token: writer.resumeToken })
    const bystander = await visitor(t, built)
    // Stops reading from the TCP socket: the kernel buffers fill, then the server's send buffer.
    ;(reader.ws as unknown as { _socket: { pause(): void } })._socket.pause()
    const text = 'a long message about my order '.repeat(480)
    const start = Date.now()
    let sent = 0
    while (built.app.websocketServer.clients.size === 3 && Date.now() - start < 60_000) {
      const batch = Array.from({ length: 20 }, () => sendText(writer, `m${sent++}`, text, 30_000))
      await Promise.all(batch)
    }
    t.equal(
      built.app.websocketServer.clients.size,
      2,
      `the non-reading socket was terminated after ${sent} messages (${((sent * text.length) / 1048576).toFixed(1)} MiB) in ${Date.now() - start} ms`
    )
    t.equal((await sendText(bystander, 'b', 'hello?')).type, 'ack', 'another visitor is served')
    t.equal(
      (await built.store.messagesAfter(writer.conversationId, 0, 100_000)).filter((m) => m.author === 'visitor').length,
      sent,
      'every acknowledged message is stored'
    )
  }
)

t.test('the server sets request, header, keep-alive and connection timeouts so slow clients are cut off', async (t) => {
  const dir = t.testdir()
  const config = configFrom({ dataDir: dir, host: '127.0.0.1', port: 0, demo: false }, {})
  const { app } = await startServer(config, { logLevel: 'silent', signals: false })
  t.teardown(() => app.close())
  const server = app.server
  t.equal(server.requestTimeout, 30_000, 'a request must arrive whole within 30 s')
  // Node checks both against the whole request (headers included): the smaller one cuts a slow-headers client off.
  t.ok(
    Math.min(server.headersTimeout, server.requestTimeout) <= 30_000,
    `headers within ${Math.min(server.headersTimeout, server.requestTimeout)} ms`
  )
  t.equal(server.timeout, 60_000, 'an idle socket is closed after 60 s')
  t.equal(server.keepAliveTimeout, 10_000)
})

t.test('a slow-headers (slowloris) client is cut off soon after the 30 s request timeout, not at 60 s', async (t) => {
  t.setTimeout(90_000)
  const dir = t.testdir()
  const config = configFrom({ dataDir: dir, host: '127.0.0.1', port: 0, demo: false }, {})
  const { app, url } = await startServer(config, { logLevel: 'silent', signals: false })
  t.teardown(() => app.close())
  const { port } = new URL(url)
  const socket = tcp({ host: '127.0.0.1', port: Number(port), localAddress: '127.0.5.1' })
  t.teardown(() => socket.destroy())
  // A write after the server cut it off fails with EPIPE: that is the point.
  socket.on('error', () => {})
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
  const start = Date.now()
  socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n')
  // One header byte every 2 s: never idle, never complete.
  const drip = setInterval(() => socket.write('X'), 2000)
  t.teardown(() => clearInterval(drip))
  await new Promise<void>((resolve) => socket.once('close', () => resolve()))
  clearInterval(drip)
  const seconds = (Date.now() - start) / 1000
  // Alone it is 30.0 s; a busy runner delays timers a little. Before the fix it was about 60 s.
  t.ok(seconds >= 29 && seconds <= 40, `cut off after ${seconds.toFixed(1)} s`)
})
