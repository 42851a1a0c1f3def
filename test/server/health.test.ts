import t from 'tap'
import { build, connect, http } from './helpers.js'

t.test('health and readiness answer', async (t) => {
  const { url } = await build(t)
  t.match(await http(url, 'GET', '/healthz'), { status: 200, body: { status: 'ok' } })
  t.match(await http(url, 'GET', '/readyz'), {
    status: 200,
    body: { status: 'ready', store: 'sqlite', langs: ['en', 'es', 'it', 'ru'] },
  })
})

t.test('metrics count decisions and show the live gauges', async (t) => {
  const { url, wsUrl } = await build(t)
  const v = await connect(t, `${wsUrl}/ws/visitor`)
  v.send({ type: 'hello', lang: 'en' })
  await v.next((f) => f.type === 'welcome')
  v.send({ type: 'text', client_id: 'm', text: 'How long does delivery to Germany take?' })
  await v.next((f) => f.type === 'ack')
  const { body } = await http(url, 'GET', '/metrics')
  t.match(body, /frontdesk_decisions_total\{decision="\w+",reason="\w*",lang="en"\} 1/)
  t.match(body, /frontdesk_websocket_connections\{kind="visitor"\} 1/)
  t.match(body, /frontdesk_conversations\{state="queued"\} 0/)
})

t.test('the OpenAPI document lists the operator routes', async (t) => {
  const { url } = await build(t)
  const { status, body } = await http(url, 'GET', '/api/v1/docs/json')
  t.equal(status, 200)
  for (const path of [
    '/api/v1/auth/login',
    '/api/v1/conversations',
    '/api/v1/conversations/{id}/claim',
    '/api/v1/conversations/{id}/faq-link',
    '/api/v1/visitor/frames',
  ]) {
    t.ok(body.paths[path], `${path} is documented`)
  }
})

t.test('unknown routes get a JSON 404', async (t) => {
  const { url } = await build(t)
  t.match(await http(url, 'GET', '/api/v1/nope'), { status: 404, body: { code: 'FD_ERR_NOT_FOUND' } })
})

t.test('HTTP requests past the per-IP limit get a 429 with a message; health checks never do', async (t) => {
  const { url } = await build(t, { limits: { requestsPerMinute: 10 } })
  const statuses = []
  for (let i = 0; i < 12; i++) statuses.push((await http(url, 'GET', '/api/v1/auth/me')).status)
  t.same(statuses.slice(0, 10), Array(10).fill(401))
  const limited = await http(url, 'GET', '/api/v1/auth/me')
  t.match(limited, { status: 429, body: { code: 'FD_ERR_RATE_LIMITED', message: /per minute/ } })
  t.equal((await http(url, 'GET', '/healthz')).status, 200)
})
