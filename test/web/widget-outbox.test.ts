import t from 'tap'
import type { Test } from 'tap'
import type { VisitorActionFrame } from '../../src/web/shared/protocol.js'
import { createOutbox } from '../../src/web/widget/outbox.js'
import type { OutboxItem } from '../../src/web/widget/session-store.js'
import { useFakeTimers } from './widget-fakes.js'

const text = (clientId: string, body: string): VisitorActionFrame => ({ type: 'text', client_id: clientId, text: body })

/** An outbox on a fake connection: what it sent, saved and asked for. */
function outbox (t: Test, initial: OutboxItem[] = []) {
  const timers = useFakeTimers(t)
  const sent: VisitorActionFrame[] = []
  const saved: OutboxItem[][] = []
  let online = true
  let restarts = 0
  let changes = 0
  const box = createOutbox({
    initial,
    save: (items) => saved.push(items),
    send (frame) {
      if (!online) return false
      sent.push(frame as VisitorActionFrame)
      return true
    },
    isOnline: () => online,
    restart: () => restarts++,
    changed: () => changes++,
  })
  return {
    box,
    timers,
    sent,
    saved,
    setOnline: (value: boolean) => {
      online = value
    },
    restarts: () => restarts,
    changes: () => changes,
  }
}

t.test('a frame added while connected is sent at once and saved as pending', async (t) => {
  const o = outbox(t)
  o.box.add(text('t-1', 'Привет! Где мой заказ?'))
  t.same(o.sent, [text('t-1', 'Привет! Где мой заказ?')])
  t.same(o.saved.at(-1), [{ frame: text('t-1', 'Привет! Где мой заказ?'), status: 'pending' }])
  t.ok(o.changes() > 0)
})

t.test('a frame added while offline waits, and flushing sends every pending frame in order', async (t) => {
  const o = outbox(t)
  o.setOnline(false)
  o.box.add(text('t-1', 'uno'))
  o.box.add({ type: 'choose', client_id: 'p-1', entry_id: 'returns' }, 'Come si fa un reso?')
  t.same(o.sent, [])
  o.setOnline(true)
  o.box.flush()
  t.same(
    o.sent.map((f) => f.client_id),
    ['t-1', 'p-1']
  )
  t.match(o.box.items()[1], { label: 'Come si fa un reso?' })
})

t.test('frames left over from the last page are sent on the first flush', async (t) => {
  const o = outbox(t, [{ frame: text('t-9', 'ancora lì?'), status: 'pending' }])
  o.box.flush()
  t.same(o.sent, [text('t-9', 'ancora lì?')])
})

t.test('an acknowledged frame leaves the outbox, and an unknown ack changes nothing', async (t) => {
  const o = outbox(t)
  o.box.add(text('t-1', 'uno'))
  o.box.add(text('t-2', 'dos'))
  o.box.acknowledge('t-1')
  t.same(
    o.box.items().map((i) => i.frame.client_id),
    ['t-2']
  )
  const saves = o.saved.length
  o.box.acknowledge('t-404')
  t.equal(o.saved.length, saves)
})

t.test('a frame refused for good is kept as failed with its code, and is not resent', async (t) => {
  const o = outbox(t)
  o.box.add(text('t-1', 'x'))
  o.box.refused('t-1', 'FD_ERR_TEXT_TOO_LONG')
  t.match(o.box.items(), [{ status: 'failed', error: 'FD_ERR_TEXT_TOO_LONG' }])
  o.box.flush()
  o.timers.advance(60_000)
  t.equal(o.sent.length, 1)
})

t.test('a refusal for a frame the outbox does not have is ignored', async (t) => {
  const o = outbox(t)
  o.box.add(text('t-1', 'x'))
  o.box.refused(undefined, 'FD_ERR_FRAME_INVALID')
  o.box.refused('t-2', 'FD_ERR_TEXT_EMPTY')
  t.match(o.box.items(), [{ status: 'pending' }])
})

t.test('a frame refused because the store was busy is resent after three seconds', async (t) => {
  const o = outbox(t)
  o.box.add(text('t-1', 'ciao'))
  o.box.refused('t-1', 'FD_ERR_STORE_UNAVAILABLE')
  t.equal(o.box.slowDown(), false)
  o.timers.advance(2999)
  t.equal(o.sent.length, 1)
  o.timers.advance(1)
  t.equal(o.sent.length, 2)
})

t.test('a rate-limited frame slows the visitor down and is resent after nine seconds', async (t) => {
  const o = outbox(t)
  o.box.add(text('t-1', 'ciao'))
  o.box.refused('t-1', 'FD_ERR_RATE_LIMITED')
  t.equal(o.box.slowDown(), true)
  o.timers.advance(8999)
  t.equal(o.sent.length, 1)
  o.timers.advance(1)
  t.equal(o.sent.length, 2)
  o.box.acknowledge('t-1')
  t.equal(o.box.slowDown(), false, 'an ack ends the slow-down')
})

t.test('a retried frame goes out again unchanged, label included', async (t) => {
  const o = outbox(t)
  o.box.add({ type: 'choose', client_id: 'p-1', entry_id: 'returns' }, 'Come si fa un reso?')
  o.box.refused('p-1', 'FD_ERR_NOT_FOUND')
  o.box.retry('p-1')
  t.same(o.box.items(), [
    { frame: { type: 'choose', client_id: 'p-1', entry_id: 'returns' }, status: 'pending', label: 'Come si fa un reso?' },
  ])
  t.same(o.sent.at(-1), { type: 'choose', client_id: 'p-1', entry_id: 'returns' })
})

t.test('a discarded frame is forgotten, and keep leaves only what still makes sense', async (t) => {
  const o = outbox(t)
  o.box.add(text('t-1', 'uno'))
  o.box.add({ type: 'rating', client_id: 'r-1', score: 5 })
  o.box.add(text('t-2', 'dos'))
  o.box.discard('t-1')
  o.box.keep((i) => i.frame.type === 'text')
  t.same(
    o.box.items().map((i) => i.frame.client_id),
    ['t-2']
  )
  t.same(o.saved.at(-1), o.box.items())
})

t.test('frames unacknowledged for twelve seconds restart the connection', async (t) => {
  const o = outbox(t)
  o.box.add(text('t-1', 'pronto?'))
  o.timers.advance(11_999)
  t.equal(o.restarts(), 0)
  o.timers.advance(1)
  t.equal(o.restarts(), 1)
})

t.test('acknowledged frames do not restart the connection', async (t) => {
  const o = outbox(t)
  o.box.add(text('t-1', 'pronto?'))
  o.box.acknowledge('t-1')
  o.timers.advance(60_000)
  t.equal(o.restarts(), 0)
  t.equal(o.timers.pending(), 0, 'the ack timer is gone')
})

t.test('a frame is sent once per connection, and all pending ones again on the next', async (t) => {
  const o = outbox(t)
  o.box.add(text('t-1', 'uno'))
  o.box.add(text('t-2', 'dos'))
  o.box.flush()
  t.same(
    o.sent.map((f) => f.client_id),
    ['t-1', 't-2']
  )
  o.box.resend()
  t.same(
    o.sent.map((f) => f.client_id),
    ['t-1', 't-2', 't-1', 't-2']
  )
})

t.test('the retry of a refused frame sends only that frame', async (t) => {
  const o = outbox(t)
  o.box.add(text('t-1', 'uno'))
  o.box.add(text('t-2', 'dos'))
  o.box.refused('t-1', 'FD_ERR_RATE_LIMITED')
  o.timers.advance(9000)
  t.same(
    o.sent.map((f) => f.client_id),
    ['t-1', 't-2', 't-1']
  )
})
