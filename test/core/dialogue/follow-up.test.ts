import t from 'tap'
import { followUpQuery, FollowUpWindowMs, startsWithCue, type Topic } from '../../../src/core/dialogue/follow-up.js'

const T0 = 1_700_000_000_000
const delivery: Topic = { entryId: 'delivery-times', question: 'how long does delivery to Germany take?', lang: 'en', at: T0 }

t.test('a short message opening with a continuation cue is read with the last topic', async (t) => {
  t.equal(followUpQuery('and to Switzerland?', delivery, T0 + 60_000), 'how long does delivery to Germany take? and to Switzerland?')
  t.ok(followUpQuery('what about express?', delivery, T0 + 60_000))
})

t.test('the cues of each language are its own', async (t) => {
  t.ok(startsWithCue('¿y a Francia?', 'es'))
  t.ok(startsWithCue('e per la Svizzera?', 'it'))
  t.ok(startsWithCue('а в Германию?', 'ru'))
  t.ok(startsWithCue('und nach Österreich?', 'de'))
  t.notOk(startsWithCue('¿y a Francia?', 'en'))
  t.notOk(startsWithCue('android app?', 'en'), 'a word that starts like a cue is not one')
})

t.test('without a topic, after the window, or for a message that stands alone, there is no follow-up', async (t) => {
  t.equal(followUpQuery('and to Spain?', undefined, T0), undefined)
  t.equal(followUpQuery('and to Spain?', delivery, T0 + FollowUpWindowMs + 1), undefined)
  t.equal(followUpQuery('and to Spain?', delivery, T0 - 1), undefined, 'a topic from the future is ignored')
  t.equal(followUpQuery('can I pay with PayPal?', delivery, T0 + 1000), undefined)
  t.equal(
    followUpQuery('and also I would like to know how I can change my delivery address', delivery, T0 + 1000),
    undefined,
    'a long message says what it means on its own'
  )
})
