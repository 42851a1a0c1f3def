import t from 'tap'
import type { Test } from 'tap'
import { createAuth, hashPassword, hasRole, sameToken, sha256, verifyPassword } from '../../src/services/auth.js'
import { createClock, memoryStore, operatorFixture } from './fixtures.js'

const Password = 'Fenicottero-rosa-42'
const Hour = 3600_000
const Options = { sessionTtlMs: 12 * Hour, maxFailures: 3, lockMs: 15 * 60_000 }

// One hash for the whole file: scrypt is slow on purpose.
const hashed = hashPassword(Password)

async function setup (t: Test, over: Parameters<typeof operatorFixture>[0] = { username: 'chiara' }) {
  const store = memoryStore(t)
  const clock = createClock()
  const operator = operatorFixture({ ...over, passwordHash: await hashed })
  await store.createOperator(operator)
  return { store, clock, operator, auth: createAuth({ store, clock, options: Options }) }
}

t.test('a password hash carries its parameters and verifies only the same password', async (t) => {
  const hash = await hashed
  t.match(hash, /^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/)
  t.equal(await verifyPassword(Password, hash), true)
  t.equal(await verifyPassword('fenicottero-rosa-42', hash), false)
  t.equal(await verifyPassword(Password, 'md5$abc'), false, 'an unknown scheme never verifies')
})

t.test('a login with the right password opens a session that expires with its lifetime', async (t) => {
  const { auth, store, clock, operator } = await setup(t)
  const login = await auth.login('chiara', Password)
  if (!login.ok) throw new Error(login.code)
  t.equal(login.operator.id, operator.id)
  t.equal(login.expiresAt, clock() + Options.sessionTtlMs)
  const session = await store.getSession(sha256(login.sessionToken))
  t.match(session, { operatorId: operator.id, csrfToken: login.csrfToken })
  t.not(session?.idHash, login.sessionToken, 'the token itself is not stored')
})

t.test('a live session names its operator and CSRF token until it expires', async (t) => {
  const { auth, clock, operator } = await setup(t)
  const login = await auth.login('chiara', Password)
  if (!login.ok) throw new Error(login.code)
  t.match(await auth.session(login.sessionToken), { operator: { id: operator.id }, csrfToken: login.csrfToken })
  clock.advance(Options.sessionTtlMs - 1)
  t.ok(await auth.session(login.sessionToken))
  clock.advance(1)
  t.equal(await auth.session(login.sessionToken), undefined)
})

t.test('a missing, empty, oversized or unknown session token names nobody', async (t) => {
  const { auth } = await setup(t)
  for (const token of [undefined, '', 'x'.repeat(201), 'not-a-session']) {
    t.equal(await auth.session(token), undefined, String(token).slice(0, 20))
  }
})

t.test('logging out ends the session', async (t) => {
  const { auth } = await setup(t)
  const login = await auth.login('chiara', Password)
  if (!login.ok) throw new Error(login.code)
  await auth.logout(login.sessionToken)
  t.equal(await auth.session(login.sessionToken), undefined)
})

t.test('a wrong password and an unknown username get the same refusal', async (t) => {
  const { auth } = await setup(t)
  const wrong = await auth.login('chiara', 'fenicottero')
  const unknown = await auth.login('nobody', Password)
  t.match(wrong, { ok: false, code: 'FD_ERR_LOGIN_FAILED' })
  t.same(unknown, wrong)
})

t.test('an account is locked after too many wrong passwords, even for the right one', async (t) => {
  const { auth, store, operator } = await setup(t)
  for (let i = 0; i < Options.maxFailures; i++) await auth.login('chiara', `guess-${i}`)
  t.match(await store.getOperator(operator.id), { failedLogins: Options.maxFailures, lockedUntil: Number })
  t.match(await auth.login('chiara', Password), { ok: false, code: 'FD_ERR_LOGIN_FAILED' })
})

t.test('guesses made all at once are counted before any is checked, so they cannot outrun the lock', async (t) => {
  const { auth } = await setup(t)
  const wrong = Array.from({ length: Options.maxFailures }, (_, i) => auth.login('chiara', `guess-${i}`))
  const results = await Promise.all([...wrong, auth.login('chiara', Password)])
  t.match(results.at(-1), { ok: false, code: 'FD_ERR_LOGIN_FAILED' }, 'the right password came one guess too late')
})

t.test('a locked account opens again once the lock has passed', async (t) => {
  const { auth, clock } = await setup(t)
  for (let i = 0; i < Options.maxFailures; i++) await auth.login('chiara', `guess-${i}`)
  clock.advance(Options.lockMs - 1)
  t.match(await auth.login('chiara', Password), { ok: false })
  clock.advance(1)
  t.match(await auth.login('chiara', Password), { ok: true })
})

t.test('a successful login forgets the failures before it', async (t) => {
  const { auth, store, operator } = await setup(t)
  await auth.login('chiara', 'guess-1')
  await auth.login('chiara', Password)
  t.match(await store.getOperator(operator.id), { failedLogins: 0, lockedUntil: null })
})

t.test('a disabled account can neither log in nor keep its sessions', async (t) => {
  const { auth, store, operator } = await setup(t)
  const login = await auth.login('chiara', Password)
  if (!login.ok) throw new Error(login.code)
  await store.updateOperator(operator.id, { disabled: true })
  t.equal(await auth.session(login.sessionToken), undefined)
  t.match(await auth.login('chiara', Password), { ok: false, code: 'FD_ERR_LOGIN_FAILED' })
})

t.test('roles grant by rank: admin over editor over operator', async (t) => {
  t.equal(hasRole({ role: 'admin' }, 'editor'), true)
  t.equal(hasRole({ role: 'editor' }, 'operator'), true)
  t.equal(hasRole({ role: 'editor' }, 'admin'), false)
  t.equal(hasRole({ role: 'operator' }, 'editor'), false)
})

t.test('tokens compare equal only when they are the same, whatever their lengths', async (t) => {
  t.equal(sameToken('csrf-Zq81', 'csrf-Zq81'), true)
  t.equal(sameToken('csrf-Zq81', 'csrf-Zq82'), false)
  t.equal(sameToken('csrf-Zq81', 'csrf'), false)
})
