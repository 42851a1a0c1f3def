import t from 'tap'
import type { Test } from 'tap'
import { createConnection, type ConnectionStatus } from '../../src/web/widget/connection.js'
import type { VisitorServerFrame } from '../../src/web/shared/protocol.js'
import { fakeServer, installBrowser, useFakeTimers, welcome } from './widget-fakes.js'

/** A connection on a fake server, in a browser that has websockets unless told otherwise. */
function connection (t: Test, options: { websocket?: boolean; forceHttp?: boolean } = {}) {
  installBrowser({ websocket: options.websocket ?? true })
  const timers = useFakeTimers(t)
  const server = fakeServer()
  const statuses: ConnectionStatus[] = []
  const frames: VisitorServerFrame[] = []
  let rejected = 0
  const c = createConnection({
    base: 'https://support.example',
    forceHttp: options.forceHttp ?? false,
    hello: () => ({ type: 'hello', lang: 'ru' }),
    lastSeq: () => 0,
    onFrame: (f) => frames.push(f),
    onStatus: (s) => statuses.push(s),
    onRejected: () => rejected++,
    openTransport: server.open,
  })
  t.teardown(() => c.dispose())
  return { c, timers, server, statuses, frames, rejected: () => rejected }
}

const kinds = (server: ReturnType<typeof fakeServer>) => server.opened.map((x) => x.kind)

t.test('a connection is online once the server welcomes it, and sends only then', async (t) => {
  const w = connection(t)
  w.c.start()
  t.same(w.statuses, ['connecting'])
  t.equal(w.c.send({ type: 'typing' }), false)
  w.server.current.push(welcome())
  t.same(w.statuses, ['connecting', 'online'])
  t.equal(w.c.send({ type: 'typing' }), true)
  t.same(w.server.current.sent, [{ type: 'typing' }])
  t.match(w.frames, [{ type: 'welcome' }])
})

t.test('websockets that fail twice before any answer make the widget fall back to HTTP', async (t) => {
  const w = connection(t)
  w.c.start()
  w.server.current.drop(1006)
  w.timers.advance(1000)
  w.server.current.drop(1006)
  w.timers.advance(2000)
  t.same(kinds(w.server), ['websocket', 'websocket', 'http'])
})

t.test('a websocket that was answered before it dropped does not count as blocked', async (t) => {
  const w = connection(t)
  w.c.start()
  for (let i = 0; i < 3; i++) {
    w.server.current.push(welcome())
    w.server.current.drop(1006)
    w.timers.advance(1000)
  }
  t.same(kinds(w.server), ['websocket', 'websocket', 'websocket', 'websocket'])
})

t.test('without websockets, or when told to, the widget uses HTTP from the start', async (t) => {
  const none = connection(t, { websocket: false })
  none.c.start()
  t.same(kinds(none.server), ['http'])
  const forced = connection(t, { forceHttp: true })
  forced.c.start()
  t.same(kinds(forced.server), ['http'])
})

t.test('a server going away is reconnected to soon; a rate-limited visitor waits fifteen seconds', async (t) => {
  const w = connection(t)
  w.c.start()
  w.server.current.push(welcome())
  w.server.current.drop(1001)
  w.timers.advance(299)
  t.equal(w.server.opened.length, 1)
  w.timers.advance(1)
  t.equal(w.server.opened.length, 2)
  w.server.current.push(welcome())
  w.server.current.drop(4429)
  w.timers.advance(14_999)
  t.equal(w.server.opened.length, 2)
  w.timers.advance(1)
  t.equal(w.server.opened.length, 3)
})

t.test('retries back off, and the browser coming back online reconnects at once', async (t) => {
  const w = connection(t)
  w.c.start()
  for (let i = 0; i < 5; i++) {
    w.server.current.drop(1006)
    w.timers.advance(60_000)
  }
  const opened = w.server.opened.length
  w.server.current.drop(1006)
  t.equal(w.server.opened.length, opened, 'waiting for the next attempt')
  window.dispatchEvent(new Event('online'))
  t.equal(w.server.opened.length, opened + 1)
})

t.test('going offline drops the connection instead of waiting on a dead socket', async (t) => {
  const w = connection(t)
  w.c.start()
  w.server.current.push(welcome())
  window.dispatchEvent(new Event('offline'))
  t.equal(w.server.opened[0]?.closedByClient, true)
  t.equal(w.c.isOnline(), false)
  t.equal(w.statuses.at(-1), 'reconnecting')
})

t.test('a conversation the server no longer knows is reported, not retried', async (t) => {
  const w = connection(t)
  w.c.start()
  w.server.current.drop(4403)
  w.timers.advance(60_000)
  t.equal(w.rejected(), 1)
  t.equal(w.server.opened.length, 1)
})

t.test('a page the server refuses (allowedOrigins) is told the chat is unavailable, and not retried', async (t) => {
  const w = connection(t, { forceHttp: true })
  w.c.start()
  w.server.current.drop(4030)
  w.timers.advance(60_000)
  t.same(w.statuses, ['connecting', 'unavailable'])
  t.equal(w.server.opened.length, 1)
})

t.test('a stopped connection closes its transport and stays closed', async (t) => {
  const w = connection(t)
  w.c.start()
  w.server.current.push(welcome())
  w.c.stop()
  t.equal(w.server.current.closedByClient, true)
  t.equal(w.statuses.at(-1), 'idle')
  window.dispatchEvent(new Event('online'))
  w.timers.advance(60_000)
  t.equal(w.server.opened.length, 1)
})
