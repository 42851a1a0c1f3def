import t from 'tap'
import { connect, login } from '../server/helpers.js'
import {
  hostSite,
  launchBrowser,
  loginConsole,
  openPage,
  openWidget,
  say,
  startApp,
  widgetMessage,
  xssFired,
} from '../web/helpers.js'

// What test/web/xss.test.ts does not send already: data: links, mXSS shapes, a bidi override,
// template syntax of other engines, and the visitor's page URL and e-mail address.
const Payloads = [
  '[open](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9MTwvc2NyaXB0Pg==)',
  '<a href="data:text/html,<script>parent.__xss=2</script>">data link</a>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=3>">',
  '<svg><style><img src=x onerror=window.__xss=4></style></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=5>',
  'refund \u202Egnp.exe\u202C please',
  // eslint-disable-next-line no-template-curly-in-string -- template syntax of several engines is the payload
  '${7*7} {{7*7}} <%= 7*7 %> #{7*7} [[${7*7}]]',
  "{{constructor.constructor('window.__xss=6')()}}",
  '<details open ontoggle="window.__xss=7">',
  '<a href="  JaVaScRiPt:window.__xss=8">spaced</a>',
]
const PageUrl = 'javascript:window.__xss="page"//https://shop.example/'
const Email = '"><img src=x onerror=window.__xss=9>@evil.example'
const Active =
  'img, script, iframe, svg:not([aria-hidden]), math, details:not(.evidence), a[href^="javascript" i], a[href^="data" i], [href*="javascript" i], [onerror], [onload], [ontoggle]'

const browser = await launchBrowser(t, 120)

t.test(
  'the console shows payloads in the name, page URL, e-mail and messages as text, and runs none of them',
  async (t) => {
    const built = await startApp(t)
    const op = await openPage(t, browser)
    await loginConsole(op.page, built.url)
    const v = await connect(t, `${built.wsUrl}/ws/visitor`)
    v.send({ type: 'hello', lang: 'en', name: '<img src=x onerror=window.__xss=10>\u202EEve', page_url: PageUrl })
    await v.next((f) => f.type === 'welcome')
    for (const [i, text] of Payloads.entries()) {
      v.send({ type: 'text', client_id: `p${i}`, text })
      await v.next((f) => f.client_id === `p${i}` && f.type === 'ack')
    }
    v.send({ type: 'contact', client_id: 'c', email: Email, text: 'write to me' })
    await v.next((f) => f.client_id === 'c')
    v.send({ type: 'handoff', client_id: 'h' })
    await v.next((f) => f.client_id === 'h')

    await op.page.locator('.waiting .item-link').first().click()
    await op.page.getByRole('button', { name: 'Claim' }).click()
    await op.page.locator('.state-tag', { hasText: 'Assigned to you' }).waitFor()
    const texts = await op.page.locator('.transcript .row.author-visitor .text').allInnerTexts()
    for (const payload of Payloads) {
      t.ok(
        texts.some((x) => x.includes(payload.replace(/[\u202E\u202C]/g, ''))),
        `shown as text: ${payload}`
      )
    }
    t.notOk(
      texts.some((x) => /[\u202A-\u202E\u2066-\u2069]/.test(x)),
      'bidi overrides were removed before storing'
    )
    t.equal(
      await op.page.locator('.conv-title h2').innerText(),
      '<img src=x onerror=window.__xss=10>Eve',
      'the name is text, without its override'
    )
    t.equal(await op.page.locator('a[href^="javascript" i]').count(), 0, 'the javascript: page URL is not a link')
    t.match(await op.page.locator('dd').first().innerText(), 'javascript:', 'it is shown as text')
    const found = await op.page
      .locator(`.transcript :is(${Active}), .sidebar :is(${Active}), .conv-title :is(${Active}), dl :is(${Active})`)
      .evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 200)))
    t.same(found, [], 'no active element')
    t.equal(await xssFired(op.page), undefined, 'nothing ran')
    t.same([op.dialogs, op.errors], [[], []])
  }
)

t.test('the widget shows payloads and operator replies as text, and runs none of them', async (t) => {
  const shop = await hostSite(t)
  const built = await startApp(t, { allowedOrigins: [shop.origin] })
  const visitor = await openPage(t, browser)
  await shop.show(
    visitor.page,
    '/shop',
    `<!doctype html><html lang="en"><head><title>Shop</title></head><body><script src="${built.url}/widget.js" defer></script></body></html>`
  )
  // Marta is online (her console's websocket), so the handoff queues instead of going offline.
  const marta = await login(built.url, 'marta')
  await connect(t, `${built.wsUrl}/ws/operator`, { cookie: marta.cookie })
  await openWidget(visitor.page)
  await visitor.page.getByRole('button', { name: 'Talk to a person', exact: true }).click()
  await visitor.page.locator('.status', { hasText: 'queue' }).waitFor()
  for (const payload of Payloads) await say(visitor.page, payload)
  await widgetMessage(visitor.page, 'spaced', 'visitor')
  const [conv] = await built.store.listConversations({ states: ['queued'] })
  t.equal((await marta.call('POST', `/api/v1/conversations/${conv!.id}/claim`, {})).status, 200)
  for (const [i, text] of Payloads.slice(0, 5).entries()) {
    t.equal(
      (await marta.call('POST', `/api/v1/conversations/${conv!.id}/messages`, { client_id: `r${i}`, text })).status,
      200
    )
  }
  await widgetMessage(visitor.page, 'mglyph', 'operator')
  const mine = await visitor.page.locator('.log .msg.from-visitor .bubble').allInnerTexts()
  for (const payload of Payloads) {
    t.ok(
      mine.some((x) => x.includes(payload.replace(/[\u202E\u202C]/g, ''))),
      `shown as typed: ${payload}`
    )
  }
  const replies = await visitor.page.locator('.log .msg.from-operator .bubble').allInnerTexts()
  t.same(replies, Payloads.slice(0, 5), 'operator replies are text')
  t.equal(await visitor.page.locator(`.log :is(${Active})`).count(), 0, 'no active element in the widget log')
  t.equal(await xssFired(visitor.page), undefined, 'nothing ran')
  t.same([visitor.dialogs, visitor.errors], [[], []])
})

t.test(
  'the console has a CSP without unsafe-inline, and the widget works on a page whose CSP forbids inline script and style',
  async (t) => {
    const built = await startApp(t)
    const res = await fetch(`${built.url}/console`)
    const csp = res.headers.get('content-security-policy') ?? ''
    t.match(csp, /script-src 'self'/)
    t.notMatch(csp, /unsafe-inline|unsafe-eval/, `console CSP: ${csp}`)
    t.match(csp, /frame-ancestors 'none'/)
    t.equal(res.headers.get('x-content-type-options'), 'nosniff')

    const shop = await hostSite(t)
    const strict = await startApp(t, { allowedOrigins: [shop.origin] })
    const ws = strict.url.replace('http', 'ws')
    const policy = `default-src 'none'; script-src ${strict.url}; style-src ${strict.url}; connect-src ${strict.url} ${ws}; img-src ${strict.url} data:`
    const visitor = await openPage(t, browser)
    const violations: string[] = []
    visitor.page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
    })
    await shop.show(
      visitor.page,
      '/strict',
      `<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="${policy}"><title>Shop</title></head><body><script src="${strict.url}/widget.js" defer></script></body></html>`
    )
    await openWidget(visitor.page)
    await say(visitor.page, 'how long does delivery take?')
    await widgetMessage(visitor.page, /deliver|ship/i, 'bot')
    t.same(violations, [], 'no CSP violation: the widget needs neither inline script nor inline style')
    t.same(visitor.errors, [])
  }
)
