import t from 'tap'
import type { Test } from 'tap'
import { createPresence } from '../../src/services/presence.js'
import { createClock, handedOver, memoryStore, operatorFixture, services } from './helpers.js'

async function setup (t: Test) {
  const store = memoryStore(t)
  const clock = createClock()
  const errors: unknown[] = []
  const presence = createPresence(store, { defaultCapacity: 4, clock, onError: (err) => errors.push(err) })
  t.teardown(() => presence.close())
  const marta = operatorFixture({ username: 'marta', langs: ['it', 'en'], capacity: 2 })
  await store.createOperator(marta)
  return { store, clock, presence, marta, errors }
}

t.test('an operator with a console open is online with their languages and capacity', async (t) => {
  const { presence, marta } = await setup(t)
  t.same(await presence.online(), [])
  presence.connect(marta.id)
  t.same(await presence.online(), [{ id: marta.id, langs: ['it', 'en'], capacity: 2, active: 0, online: true }])
})

t.test('an operator without a capacity of their own gets the default', async (t) => {
  const { presence, store } = await setup(t)
  await store.createOperator(operatorFixture({ username: 'ivan', capacity: 0 }))
  presence.connect('op-ivan')
  t.match(await presence.online(), [{ id: 'op-ivan', capacity: 4 }])
})

t.test('an operator stays online until their last console closes, closed once however often', async (t) => {
  const { presence, marta } = await setup(t)
  const first = presence.connect(marta.id)
  const second = presence.connect(marta.id)
  first()
  first()
  t.same([...(await presence.onlineIds())], [marta.id], 'a repeated close does not count twice')
  second()
  t.same([...(await presence.onlineIds())], [])
})

t.test('an operator online on another instance counts until their presence expires', async (t) => {
  const { presence, store, clock, marta } = await setup(t)
  await store.touchPresence(marta.id, 'other-instance', clock() + 60_000)
  t.same([...(await presence.onlineIds())], [marta.id])
  clock.advance(60_000)
  t.same([...(await presence.onlineIds())], [], 'an instance that stopped renewing stops counting')
})

t.test('a disabled operator is never online', async (t) => {
  const { presence, store, marta } = await setup(t)
  presence.connect(marta.id)
  await store.updateOperator(marta.id, { disabled: true })
  t.same(await presence.online(), [])
})

t.test("an operator's load counts the conversations assigned to them", async (t) => {
  const s = await services(t)
  const marta = await s.addOperator({ username: 'marta' })
  for (let i = 0; i < 2; i++) await s.operators.claim((await handedOver(s)).id, marta)
  await handedOver(s)
  t.match(await s.presence.online(), [{ id: marta.id, active: 2 }])
})

t.test("closing the tracker takes this instance's operators offline for every instance", async (t) => {
  const { presence, store, clock, marta, errors } = await setup(t)
  presence.connect(marta.id)
  // The first renewal is written in the background: wait until another instance would see it.
  while ((await store.onlineOperatorIds(clock())).length === 0) await new Promise((resolve) => setImmediate(resolve))
  await presence.close()
  t.same(await store.onlineOperatorIds(clock()), [])
  t.same(errors, [])
})
