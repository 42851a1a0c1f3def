import t from 'tap'
import { createLocalBus } from '../../src/store/local-bus.js'
import type { BusEvent } from '../../src/store/types.js'

const message = (conversationId: string, seq: number): BusEvent => ({ type: 'message', conversationId, seq })

t.test("an event reaches its conversation's listeners and the listeners of every event", async (t) => {
  const bus = createLocalBus()
  const mine: BusEvent[] = []
  const other: BusEvent[] = []
  const all: BusEvent[] = []
  bus.subscribe('c-1', (e) => mine.push(e))
  bus.subscribe('c-2', (e) => other.push(e))
  bus.subscribe('*', (e) => all.push(e))
  bus.publish(message('c-1', 4))
  bus.publish({ type: 'typing', conversationId: 'c-2', author: 'operator' })
  t.same(mine, [message('c-1', 4)])
  t.same(other, [{ type: 'typing', conversationId: 'c-2', author: 'operator' }])
  t.equal(all.length, 2)
})

t.test('an unsubscribed listener hears nothing more', async (t) => {
  const bus = createLocalBus()
  const heard: BusEvent[] = []
  const unsubscribe = bus.subscribe('c-1', (e) => heard.push(e))
  bus.publish(message('c-1', 1))
  unsubscribe()
  bus.publish(message('c-1', 2))
  t.same(heard, [message('c-1', 1)])
})

t.test('a closed bus drops every listener', async (t) => {
  const bus = createLocalBus()
  const heard: BusEvent[] = []
  bus.subscribe('*', (e) => heard.push(e))
  await bus.close()
  bus.publish(message('c-1', 1))
  t.same(heard, [])
})

t.test('thousands of listeners on one conversation are not reported as a leak', async (t) => {
  const bus = createLocalBus()
  const warnings: Error[] = []
  const onWarning = (w: Error): void => {
    warnings.push(w)
  }
  process.on('warning', onWarning)
  t.teardown(() => process.off('warning', onWarning))
  for (let i = 0; i < 2000; i++) bus.subscribe('c-1', () => {})
  // Warnings are emitted on the next tick.
  await new Promise((resolve) => setImmediate(resolve))
  t.same(warnings.filter((w) => w.name === 'MaxListenersExceededWarning'), [])
})
