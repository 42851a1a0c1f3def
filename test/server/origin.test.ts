import t from 'tap'
import { build, connect, http } from './helpers.js'

t.test('a page whose origin is not allowed is refused, and the admin is warned once, with the setting to change', async (t) => {
  const lines: string[] = []
  const b = await build(t, { allowedOrigins: ['https://shop.example'] }, { log: (line) => lines.push(line) })
  const from = { origin: 'https://blog.example' }
  await t.rejects(connect(t, `${b.wsUrl}/ws/visitor`, from), /403/)
  t.equal((await http(b.url, 'POST', '/api/v1/visitor/frames', { type: 'hello' }, from)).status, 403)
  t.equal((await http(b.url, 'POST', '/api/v1/visitor/frames', { type: 'hello' }, from)).status, 403)
  const warnings = lines.map((l) => JSON.parse(l)).filter((l) => l.level === 40 && l.origin === 'https://blog.example')
  t.equal(warnings.length, 1, 'once for the origin, over both transports')
  t.match(warnings[0]?.msg, /https:\/\/blog\.example.*allowedOrigins/)
  t.equal((await http(b.url, 'POST', '/api/v1/visitor/frames', { type: 'hello' }, { origin: 'https://shop.example' })).status, 200)
})
