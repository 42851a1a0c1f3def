import t from 'tap'
import { distinctVisitors } from '../../../src/core/learning/support.js'

t.test('sources without keys count one per conversation', async (t) => {
  t.equal(distinctVisitors([{ conversationId: 'a' }, { conversationId: 'b' }, { conversationId: 'a' }]), 2)
})

t.test('one visitor id over 25 conversations counts once', async (t) => {
  const list = Array.from({ length: 25 }, (_, i) => ({ conversationId: `c${i}`, visitorKey: 'v1' }))
  t.equal(distinctVisitors(list), 1)
})

t.test('rotating visitor ids from one address counts once', async (t) => {
  const list = Array.from({ length: 25 }, (_, i) => ({ conversationId: `c${i}`, visitorKey: `v${i}`, addressKey: 'a1' }))
  t.equal(distinctVisitors(list), 1)
})

t.test('one visitor id seen from two addresses links both addresses', async (t) => {
  t.equal(
    distinctVisitors([
      { conversationId: 'c1', visitorKey: 'v1', addressKey: 'home' },
      { conversationId: 'c2', visitorKey: 'v1', addressKey: 'phone' },
      { conversationId: 'c3', visitorKey: 'v2', addressKey: 'phone' },
      { conversationId: 'c4', visitorKey: 'v3', addressKey: 'office' },
    ]),
    2
  )
})

t.test('no sources, no support', async (t) => {
  t.equal(distinctVisitors([]), 0)
})
