import t from 'tap'
import { connect, login } from '../server/helpers.js'
import {
  addOperator,
  launchBrowser,
  loginConsole,
  openPage,
  questionThat,
  screenshot,
  startApp,
  xssFired,
} from './helpers.js'

const browser = await launchBrowser(t)
const isType = (type: string) => (f: Record<string, any>) => f.type === type
const H = 3_600_000
// 09:00 UTC nine days ago: a week of conversations follows. Near the real date, because the
// browser judges the session cookie's expiry by its own clock.
const Day = 24 * H
const T0 = Math.floor(Date.now() / Day) * Day - 9 * Day + 9 * H
const date = (ms: number): string => new Date(ms).toISOString().slice(0, 10)
const Payload = '<img src=x onerror="window.__xss=1">'

t.test('an editor opens the analytics dashboard and sees the charts, the tables and the CSV links', async (t) => {
  let now = T0
  const built = await startApp(t, {}, { clock: () => now })
  await addOperator(built.store, { username: 'elena', name: 'Elena Bianchi', role: 'editor', langs: ['en', 'es'] })
  // The operator who takes the conversations has markup in their name: it must stay text.
  await addOperator(built.store, { username: 'sam', name: `Sam ${Payload}`, langs: ['en', 'es'] })
  let sam = await login(built.url, 'sam')
  const console_ = await connect(t, `${built.wsUrl}/ws/operator`, { cookie: sam.cookie })
  console_.send({ type: 'hello' })
  await console_.next(isType('queue'))
  const answered = questionThat(built, 'answer', ['how long does delivery to Germany take?', 'can I pay with PayPal?'])

  // A week: each day a few visitors the bot answers and one handed to Sam.
  for (let day = 0; day < 7; day++) {
    now = T0 + day * 24 * H
    sam = await login(built.url, 'sam')
    for (let i = 0; i < 2 + (day % 3); i++) {
      const v = await connect(t, `${built.wsUrl}/ws/visitor`)
      v.send({ type: 'hello', lang: 'en', visitor_id: `browser-${day}-${i}-0000000000` })
      await v.next(isType('welcome'))
      v.send({ type: 'text', client_id: 'q', text: answered })
      await v.next((f) => f.type === 'message' && f.kind === 'answer')
      v.ws.terminate()
    }
    const v = await connect(t, `${built.wsUrl}/ws/visitor`)
    v.send({ type: 'hello', lang: day % 2 === 0 ? 'en' : 'es', visitor_id: `browser-${day}-person-000000` })
    const { conversation_id: id } = await v.next(isType('welcome'))
    v.send({ type: 'handoff', client_id: 'h' })
    await v.next((f) => f.type === 'state' && f.state === 'queued')
    now += (day + 1) * 20_000
    t.equal((await sam.call('POST', `/api/v1/conversations/${id}/claim`, {})).status, 200)
    now += 40_000
    t.equal(
      (await sam.call('POST', `/api/v1/conversations/${id}/messages`, { client_id: 'r', text: 'Hello!' })).status,
      200
    )
    now += 5 * 60_000
    t.equal((await sam.call('POST', `/api/v1/conversations/${id}/close`, {})).status, 200)
    v.send({ type: 'rating', client_id: 'rate', score: 3 + (day % 3) })
    await v.next((f) => f.type === 'ack' && f.client_id === 'rate')
    v.ws.terminate()
  }
  now = Date.now()

  const { page, errors } = await openPage(t, browser, { viewport: { width: 1280, height: 1500 } })
  const csp: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) csp.push(m.text())
  })
  await loginConsole(page, built.url, 'elena')
  await page.getByRole('link', { name: 'Analytics' }).click()
  await page.getByRole('heading', { name: 'Analytics' }).waitFor()
  await page.locator('.tile-value').first().waitFor()
  t.equal(
    await page.locator('#analytics-from').inputValue(),
    date(now - 29 * Day),
    'the default range is the last 30 days'
  )
  await page.locator('#analytics-from').fill(date(T0 - Day))
  await page.locator('#analytics-to').fill(date(now))
  await page.getByRole('button', { name: 'Show' }).click()
  await page.locator('.hint', { hasText: `${date(T0 - Day)} to ${date(now)}` }).waitFor()

  t.equal(await page.locator('.chart canvas').count(), 3, 'three uPlot charts')
  t.match(await page.locator('.chart figcaption').allInnerTexts(), [
    /Conversations per day/,
    /Deflection rate/,
    /Queue wait/,
  ])
  t.ok(await page.locator('.u-legend').first().isVisible(), "uPlot's stylesheet is loaded (legends are laid out)")
  const totals = await page.locator('.tiles').innerText()
  t.match(totals, /Conversations\s+27/)
  t.match(totals, /Queue wait p50 \/ p90\s+80 s \/ 2 min/, 'waits of 20 s to 140 s')
  t.match(totals, /CSAT\s+3.86 \/ 5\s+7 ratings/)
  const langs = await page.locator('.report-table', { hasText: 'Per language' }).innerText()
  t.match(langs, /EN[\s\S]*ES/)
  t.match(await page.locator('.report-table', { hasText: 'Per FAQ entry' }).innerText(), /Answers/)
  const operators = page.locator('.report-table', { hasText: 'Per operator' })
  t.match(await operators.innerText(), `Sam ${Payload}`, "an operator's name is shown as text")
  t.equal(await operators.locator('img').count(), 0)
  t.equal(await xssFired(page), undefined)

  const csv = page.getByRole('link', { name: 'per FAQ entry' })
  t.match(await csv.getAttribute('href'), /group=entry&format=csv/)
  const download = await page.request.get(`${built.url}${(await csv.getAttribute('href')) ?? ''}`)
  t.equal(download.status(), 200)
  t.match(await download.text(), /^entry_id,title,answers/)

  t.same(errors, [], 'no script errors')
  t.same(csp, [], 'no CSP violations')
  await screenshot(page, 'console-analytics')
})
