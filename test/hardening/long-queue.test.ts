import t from 'tap'
import type { Store } from '../../src/store/types.js'
import { addOperator, build, connect, login } from '../server/helpers.js'
import { until, visitor, type Visitor } from './helpers.js'

/** Counts the reads of the whole queue (not of one page of it) made through `store`. */
function countQueueReads (store: Store): { reads: number } {
  const counter = { reads: 0 }
  const list = store.listConversations.bind(store)
  store.listConversations = async (filter) => {
    if (filter.states?.includes('queued') === true && (filter.limit ?? 500) >= 500) counter.reads++
    return await list(filter)
  }
  const queued = (store as Partial<Store>).listQueued?.bind(store)
  if (queued !== undefined) {
    store.listQueued = async () => {
      counter.reads++
      return await queued()
    }
  }
  return counter
}

t.test('one change in a long queue reads the queue once, and every waiting visitor gets its own new place', async (t) => {
  const built = await build(t)
  await addOperator(built.store, { username: 'marta' })
  const marta = await login(built.url, 'marta')
  const console_ = await connect(t, `${built.wsUrl}/ws/operator`, { cookie: marta.cookie })
  console_.send({ type: 'hello' })
  await console_.next((f) => f.type === 'queue')
  const queued: Visitor[] = []
  for (let i = 0; i < 40; i++) {
    const v = await visitor(t, built, {}, {}, `127.0.4.${Math.floor(i / 10) + 1}`)
    v.send({ type: 'handoff', client_id: 'h' })
    t.equal((await v.next((f) => f.type === 'state' && f.state === 'queued', 10_000)).queue_position, i + 1)
    queued.push(v)
  }
  const placeOf = (v: Visitor): number | undefined =>
    v.frames.filter((f) => f.type === 'state' && f.state === 'queued').at(-1)?.queue_position as number | undefined
  t.ok(await until(() => queued.every((v, i) => placeOf(v) === i + 1)), 'every visitor knows its place')
  const counter = countQueueReads(built.store)
  const claim = await marta.call('POST', `/api/v1/conversations/${queued[0]!.conversationId}/claim`, {})
  t.equal(claim.status, 200)
  const moved = await until(() => queued.slice(1).every((v, i) => placeOf(v) === i + 1), 10_000)
  t.ok(moved, 'each of the 39 still waiting was told its place, one closer')
  t.ok(counter.reads <= 3, `the whole queue was read ${counter.reads} times for 39 waiting visitors`)
})
