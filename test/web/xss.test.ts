import t from 'tap'
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
} from './helpers.js'

const browser = await launchBrowser(t)

const Name = '<img src=x onerror="window.__xss=\'name\'">Eve'
const Payloads = [
  '<script>window.__xss="script"</script>',
  '<img src=x onerror="window.__xss=\'img\'">',
  '<a href="javascript:window.__xss=\'link\'">click me</a>',
  '[click me](javascript:window.__xss="md")',
  '{{constructor.constructor("window.__xss=\'hbs\'")()}}',
  // eslint-disable-next-line no-template-curly-in-string -- template syntax of several engines is the payload
  '${window.__xss="tpl"} #{7*7} <%= 7*7 %>',
  '<svg onload="window.__xss=\'svg\'"></svg>',
  '"><iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
]
const Active = 'img, script, iframe, svg:not([aria-hidden]), a[href^="javascript" i], [onerror], [onload]'

t.test(
  'script, event-handler, javascript: link and template payloads stay text in the widget and the console',
  async (t) => {
    const shop = await hostSite(t)
    const { url } = await startApp(t, { allowedOrigins: [shop.origin] })
    const op = await openPage(t, browser)
    await loginConsole(op.page, url)
    const visitor = await openPage(t, browser)
    const attribute = Name.replaceAll('"', '&quot;')
    await shop.show(
      visitor.page,
      '/shop',
      `<!doctype html><html lang="en"><head><title>Shop</title></head><body><script src="${url}/widget.js" defer data-visitor-name="${attribute}"></script></body></html>`
    )
    await openWidget(visitor.page)
    await widgetMessage(visitor.page, 'Eve', 'bot')
    t.match(
      await visitor.page.locator('.msg.from-bot .bubble').first().innerText(),
      Name,
      'the name in the greeting is text'
    )
    await visitor.page.getByRole('button', { name: 'Talk to a person', exact: true }).click()
    await visitor.page.locator('.status', { hasText: 'queue' }).waitFor()
    for (const payload of Payloads) await say(visitor.page, payload)
    await widgetMessage(visitor.page, 'iframe', 'visitor')

    const item = op.page.locator('.waiting .item-link')
    await item.waitFor()
    t.equal(await item.locator('.name').innerText(), Name, 'the name in the queue is text')
    await item.click()
    await op.page.getByRole('button', { name: 'Claim' }).click()
    await op.page.locator('.state-tag', { hasText: 'Assigned to you' }).waitFor()
    t.equal(await op.page.locator('.conv-title h2').innerText(), Name, 'the name in the conversation heading is text')
    for (const payload of Payloads.slice(0, 3)) {
      await op.page.locator('#reply-input').fill(payload)
      await op.page.locator('#reply-input').press('Enter')
    }
    await widgetMessage(visitor.page, 'click me', 'operator')
    await op.page.locator('.row.author-operator:not(.pending)', { hasText: 'click me' }).waitFor()

    const visitorTexts = await visitor.page.locator('.log .msg.from-visitor .bubble').allInnerTexts()
    const consoleTexts = await op.page.locator('.transcript .row.author-visitor .text').allInnerTexts()
    for (const payload of Payloads) {
      t.ok(visitorTexts.includes(payload), `widget shows as typed: ${payload}`)
      t.ok(consoleTexts.includes(payload), `console shows as typed: ${payload}`)
    }
    const operatorTexts = await visitor.page.locator('.log .msg.from-operator .bubble').allInnerTexts()
    t.same(operatorTexts, Payloads.slice(0, 3), 'operator replies are text in the widget too')
    t.equal(await visitor.page.locator(`.log :is(${Active})`).count(), 0, 'no active element in the widget log')
    t.equal(
      await op.page.locator(`.transcript :is(${Active}), .sidebar :is(${Active}), .conv-title :is(${Active})`).count(),
      0,
      'no active element in the console'
    )
    t.equal(await xssFired(visitor.page), undefined, "nothing ran in the visitor's page")
    t.equal(await xssFired(op.page), undefined, 'nothing ran in the console')
    t.same([visitor.dialogs, op.dialogs, visitor.errors, op.errors], [[], [], [], []])
  }
)
