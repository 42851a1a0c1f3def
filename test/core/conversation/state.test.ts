import t from 'tap'
import { botMayAnswer, canMove, statesBefore } from '../../../src/core/conversation/state.js'

t.test('a conversation goes from the bot to the queue to an operator to closed', async (t) => {
  t.ok(canMove('bot', 'queued'))
  t.ok(canMove('queued', 'assigned'))
  t.ok(canMove('assigned', 'closed'))
})

t.test('the bot cannot take back a conversation an operator owns', async (t) => {
  t.notOk(canMove('assigned', 'bot'))
  t.notOk(botMayAnswer('assigned'))
  t.notOk(botMayAnswer('queued'))
  t.ok(botMayAnswer('bot'))
})

t.test('only a queued or offline conversation can be claimed', async (t) => {
  t.same(statesBefore('assigned').sort(), ['assigned', 'offline', 'queued'])
})

t.test('a closed conversation can only start over with the bot', async (t) => {
  t.same(
    ['bot', 'queued', 'assigned', 'offline', 'closed'].filter((s) => canMove('closed', s as never)),
    ['bot']
  )
})
