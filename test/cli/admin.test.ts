import t from 'tap'
import { Readable } from 'node:stream'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import { operatorCommand } from '../../src/cli/operator.js'
import type { Io } from '../../src/cli/io.js'
import { createSqliteStore } from '../../src/store/sqlite.js'
import { verifyPassword } from '../../src/services/auth.js'

function capture (): Io & { text: () => string } {
  const lines: string[] = []
  return { out: (l) => lines.push(l), err: (l) => lines.push(l), text: () => lines.join('\n') }
}

t.test('operator add stores a scrypt-hashed password and the languages', async (t) => {
  const dir = t.testdir()
  process.env.DATA_DIR = dir
  t.teardown(() => {
    delete process.env.DATA_DIR
  })
  const io = capture()
  const code = await operatorCommand(
    ['add', 'sofia', '--name', 'Sofia Bianchi', '--langs', 'it,en', '--role', 'editor'],
    io,
    async () => 'a long enough secret'
  )
  t.equal(code, 0, io.text())
  const store = createSqliteStore({ file: join(dir, 'frontdesk.db') })
  t.teardown(() => store.close())
  const sofia = await store.getOperatorByUsername('sofia')
  t.match(sofia, { name: 'Sofia Bianchi', langs: ['it', 'en'], role: 'editor', passwordHash: /^scrypt\$/ })
  t.ok(await verifyPassword('a long enough secret', sofia?.passwordHash ?? ''))
  t.notOk(await verifyPassword('wrong', sofia?.passwordHash ?? ''))
})

t.test('operator add refuses a short password, a bad language, a bad role and a duplicate', async (t) => {
  const dir = t.testdir()
  process.env.DATA_DIR = dir
  t.teardown(() => {
    delete process.env.DATA_DIR
  })
  const secret = async () => 'a long enough secret'
  t.equal(await main(['operator', 'add', 'x1', '--langs', 'english'], capture()), 2)
  await t.rejects(operatorCommand(['add', 'x2', '--role', 'boss'], capture(), secret), {
    code: 'FD_ERR_CONFIG_INVALID',
    message: /--role/,
  })
  await t.rejects(
    operatorCommand(['add', 'x3'], capture(), async () => 'short'),
    { message: /at least 10 characters/ }
  )
  t.equal(await operatorCommand(['add', 'x4'], capture(), secret), 0)
  await t.rejects(operatorCommand(['add', 'x4'], capture(), secret), { message: /already exists/ })
})

t.test('the password can be piped on standard input', async (t) => {
  const { readPassword } = await import('../../src/cli/operator.js')
  const stdin = Readable.from(['piped secret value\n']) as unknown as NodeJS.ReadStream
  t.equal(await readPassword(stdin), 'piped secret value')
})

t.test('purge deletes idle conversations', async (t) => {
  const dir = t.testdir()
  process.env.DATA_DIR = dir
  t.teardown(() => {
    delete process.env.DATA_DIR
  })
  const store = createSqliteStore({ file: join(dir, 'frontdesk.db') })
  await store.createConversation({
    id: 'old',
    state: 'closed',
    lang: 'en',
    visitorName: null,
    pageUrl: null,
    userAgent: null,
    browserLang: null,
    tokenHash: 'x',
    createdAt: 0,
    updatedAt: 0,
    queuedAt: null,
    assignedTo: null,
    assignedAt: null,
    lastVisitorAt: null,
    lastOperatorAt: null,
    remindedAt: null,
    closedAt: 0,
    visitorKey: null,
  })
  await store.close()
  const io = capture()
  t.equal(await main(['purge', '--days', '30'], io), 0)
  t.match(io.text(), /purged 1 conversation/)
})
