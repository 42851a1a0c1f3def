import t from 'tap'
import {
  estimateWaitSeconds,
  queuePositions,
  nextFor,
  pickOperator,
  queueOrder,
  queuePosition,
  silentAssignments,
  type OperatorLoad,
} from '../../../src/core/queue/queue.js'

const queued = [
  { id: 'c-ru', lang: 'ru', queuedAt: 3_000 },
  { id: 'c-es', lang: 'es', queuedAt: 1_000 },
  { id: 'c-it', lang: 'it', queuedAt: 2_000 },
]

t.test('the queue is first come, first served by the time each conversation first asked', async (t) => {
  t.same(
    queueOrder(queued).map((c) => c.id),
    ['c-es', 'c-it', 'c-ru']
  )
  t.equal(queuePosition(queued, 'c-ru'), 3)
  t.equal(queuePosition(queued, 'nope'), undefined)
})

t.test('a re-queued conversation keeps its original place', async (t) => {
  const requeued = [...queued, { id: 'c-back', lang: 'en', queuedAt: 500 }]
  t.equal(queuePosition(requeued, 'c-back'), 1)
})

t.test('an operator is offered the oldest conversation in a language they speak', async (t) => {
  t.equal(nextFor({ langs: ['it', 'ru'] }, queued)?.id, 'c-it')
})

t.test('when nobody waits in their languages, the oldest conversation overall is next', async (t) => {
  t.equal(nextFor({ langs: ['de'] }, queued)?.id, 'c-es')
  t.equal(nextFor({ langs: ['de'] }, []), undefined)
})

const op = (over: Partial<OperatorLoad>): OperatorLoad => ({
  id: 'x',
  langs: ['en'],
  capacity: 3,
  active: 0,
  online: true,
  ...over,
})

t.test('routing prefers the language, then the least loaded, then who waited longest', async (t) => {
  const ops = [
    op({ id: 'anna', langs: ['en'], active: 0 }),
    op({ id: 'pablo', langs: ['es', 'en'], active: 2 }),
    op({ id: 'sofia', langs: ['es'], active: 1 }),
  ]
  t.equal(pickOperator('es', ops)?.id, 'sofia')
  t.equal(pickOperator('en', ops)?.id, 'anna')
  t.equal(pickOperator('ru', ops)?.id, 'anna', 'nobody speaks it: the least loaded takes it')
  const tie = [op({ id: 'b', lastAssignedAt: 500 }), op({ id: 'a', lastAssignedAt: 900 })]
  t.equal(pickOperator('en', tie)?.id, 'b')
})

t.test('operators who are full or offline are never picked', async (t) => {
  t.equal(pickOperator('en', [op({ id: 'full', active: 3 }), op({ id: 'away', online: false })]), undefined)
})

t.test('the wait estimate grows with the position and shrinks with capacity', async (t) => {
  const history = { recentHandlingMs: [120_000, 180_000, 600_000], operatorsOnline: 2, capacityOnline: 4 }
  t.equal(estimateWaitSeconds(1, history), 180)
  t.equal(estimateWaitSeconds(5, history), 360)
  t.equal(estimateWaitSeconds(5, { ...history, capacityOnline: 8 }), 180)
})

t.test('there is no wait estimate when nobody is online, and a default before any history', async (t) => {
  t.equal(estimateWaitSeconds(1, { recentHandlingMs: [], operatorsOnline: 0, capacityOnline: 0 }), undefined)
  t.equal(estimateWaitSeconds(1, { recentHandlingMs: [], operatorsOnline: 1, capacityOnline: 1 }), 240)
})

t.test('a silent operator is reminded once, then loses the conversation', async (t) => {
  const options = { remindAfterMs: 60_000, requeueAfterMs: 180_000 }
  const waiting = { id: 'c1', assignedAt: 0, lastVisitorAt: 10_000, lastOperatorAt: 5_000, remindedAt: null }
  t.same(silentAssignments([waiting], 30_000, options), { remind: [], requeue: [] })
  t.same(silentAssignments([waiting], 71_000, options), { remind: ['c1'], requeue: [] })
  t.same(silentAssignments([{ ...waiting, remindedAt: 71_000 }], 100_000, options), { remind: [], requeue: [] })
  t.same(silentAssignments([waiting], 190_000, options), { remind: [], requeue: ['c1'] })
})

t.test('an operator who answered the last visitor message is not silent', async (t) => {
  const answered = { id: 'c1', assignedAt: 0, lastVisitorAt: 10_000, lastOperatorAt: 12_000, remindedAt: null }
  t.same(silentAssignments([answered], 1_000_000, { remindAfterMs: 1, requeueAfterMs: 2 }), { remind: [], requeue: [] })
})

t.test('an operator who claimed and never wrote loses the conversation too', async (t) => {
  const claimed = { id: 'c1', assignedAt: 50_000, lastVisitorAt: 10_000, lastOperatorAt: null, remindedAt: null }
  t.same(silentAssignments([claimed], 240_000, { remindAfterMs: 60_000, requeueAfterMs: 180_000 }).requeue, ['c1'])
})

t.test('every queued conversation gets its place from one sort, however long the queue', async (t) => {
  const queued = Array.from({ length: 700 }, (_, i) => ({ id: `c${i}`, lang: 'en', queuedAt: 700 - i }))
  const places = queuePositions(queued)
  t.equal(places.size, 700)
  t.equal(places.get('c699'), 1, 'the one queued first is first')
  t.equal(places.get('c0'), 700, 'and the last is 700th, past any page')
})
