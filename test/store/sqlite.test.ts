import t from 'tap'
import { join } from 'node:path'
import { createSqliteStore } from '../../src/store/sqlite.js'
import { storeSuite } from './suite.js'

const dir = t.testdir()
let n = 0

storeSuite(t, async () => {
  const store = createSqliteStore({ file: join(dir, `store-${++n}.db`) })
  t.teardown(() => store.close())
  return store
})

t.test('reopening the file keeps everything and does not re-run migrations', async (t) => {
  const file = join(t.testdir(), 'reopen.db')
  const first = createSqliteStore({ file })
  await first.createConversation({
    id: 'c1',
    state: 'bot',
    lang: 'it',
    visitorName: null,
    pageUrl: null,
    userAgent: null,
    browserLang: null,
    tokenHash: 'x',
    createdAt: 1,
    updatedAt: 1,
    queuedAt: null,
    assignedTo: null,
    assignedAt: null,
    lastVisitorAt: null,
    lastOperatorAt: null,
    remindedAt: null,
    closedAt: null,
    visitorKey: null,
  })
  await first.close()
  const second = createSqliteStore({ file })
  t.equal((await second.getConversation('c1'))?.lang, 'it')
  await second.close()
})
