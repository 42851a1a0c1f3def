import t from 'tap'
import { addOperator, build, http } from '../server/helpers.js'
import { percentile } from './helpers.js'

t.test('a locked account, an unknown name and a wrong password take the same time to refuse', async (t) => {
  const built = await build(t, { auth: { maxFailures: 5, lockMinutes: 15 } })
  await addOperator(built.store, { username: 'olga' })
  await addOperator(built.store, { username: 'lena' })
  // Olga is locked (as after six wrong guesses); Lena's wrong passwords are reset between rounds so she never locks.
  await built.store.updateOperator('op-olga', { failedLogins: 6, lockedUntil: Date.now() + 3600_000 })
  const answers = new Set<string>()
  const timed = async (username: string): Promise<number> => {
    const start = performance.now()
    const res = await http(built.url, 'POST', '/api/v1/auth/login', { username, password: 'not the password' })
    const ms = performance.now() - start
    answers.add(`${res.status} ${res.body.code}`)
    return ms
  }
  const times: Record<'locked' | 'unknown' | 'wrong', number[]> = { locked: [], unknown: [], wrong: [] }
  await timed('nobody-warmup') // the decoy hash is made on first use
  for (let round = 0; round < 7; round++) {
    // Interleaved, so that a busy moment of the machine falls on all three alike.
    times.locked.push(await timed('olga'))
    times.unknown.push(await timed(`nobody-${round}`))
    times.wrong.push(await timed('lena'))
    await built.store.updateOperator('op-lena', { failedLogins: 0, lockedUntil: null })
  }
  t.same([...answers], ['401 FD_ERR_LOGIN_FAILED'], 'all three get the same refusal')
  const median = {
    locked: percentile(times.locked, 50),
    unknown: percentile(times.unknown, 50),
    wrong: percentile(times.wrong, 50),
  }
  t.comment(
    `medians: locked ${median.locked.toFixed(1)} ms, unknown ${median.unknown.toFixed(1)} ms, ` +
      `wrong password ${median.wrong.toFixed(1)} ms`
  )
  // Before the fix a locked account answered in ~1.5 ms against ~70 ms: far outside these bounds.
  t.ok(median.locked >= 0.5 * median.unknown, 'locked is not faster than half the unknown median')
  t.ok(median.locked >= 0.5 * median.wrong, 'locked is not faster than half the wrong-password median')
  t.ok(median.unknown >= 0.5 * median.wrong, 'unknown is not faster than half the wrong-password median')
  t.ok(median.wrong >= 0.5 * median.unknown, 'wrong password is not faster than half the unknown median')
})

t.test('an account locked by parallel guesses refuses the guesses past the limit as slowly as the others', async (t) => {
  const built = await build(t, { auth: { maxFailures: 3, lockMinutes: 15 } })
  await addOperator(built.store, { username: 'olga' })
  await addOperator(built.store, { username: 'lena' })
  const guess = async (username: string): Promise<number> => {
    const start = performance.now()
    await http(built.url, 'POST', '/api/v1/auth/login', { username, password: 'guess' })
    return performance.now() - start
  }
  // One wrong password, checked by scrypt: the reference.
  const single: number[] = []
  for (let i = 0; i < 3; i++) single.push(await guess('lena'))
  const times = await Promise.all(Array.from({ length: 8 }, () => guess('olga')))
  // Those counted past the limit used to return before scrypt: the fastest answers gave them away.
  const sorted = [...times].sort((a, b) => a - b)
  const reference = percentile(single, 50)
  t.comment(`one wrong password ${reference.toFixed(0)} ms; 8 in parallel: ${sorted.map((ms) => ms.toFixed(0)).join(', ')} ms`)
  t.ok(sorted[0]! >= 0.5 * reference, 'no parallel refusal is faster than half a single wrong password')
})
