import t from 'tap'
import { http, until } from './helpers.js'
import { spawnServer } from './process.js'

t.test('the first start in demo mode prints a one-time console login that works; later starts do not', async (t) => {
  const dataDir = t.testdir()
  const first = await spawnServer(t, { DATA_DIR: dataDir })
  await until(() => /with the password \S+\n/.test(first.output()), 'the one-time login is printed')
  const match = /as "demo" with the password (\S+)/.exec(first.output())
  t.ok(match, 'the login is printed')
  t.equal((await http(first.url, 'POST', '/api/v1/auth/login', { username: 'demo', password: match?.[1] })).status, 200)
  first.child.kill('SIGTERM')
  t.equal(await new Promise((resolve) => first.child.once('exit', resolve)), 0, 'a graceful stop exits 0')
  const second = await spawnServer(t, { DATA_DIR: dataDir })
  second.child.kill('SIGTERM')
  // 'close' comes after the process's output has been read to the end.
  await new Promise((resolve) => second.child.once('close', resolve))
  t.notMatch(second.output(), /password/)
})

t.test('a bad config stops the start with a message naming the field', async (t) => {
  await t.rejects(spawnServer(t, { DATA_DIR: t.testdir(), PORT: 'eighty' }), /port: Expected integer/)
})
