import t from 'tap'
import {
  hostSite,
  launchBrowser,
  loginConsole,
  openPage,
  openWidget,
  say,
  screenshot,
  startApp,
  widgetMessage,
} from './helpers.js'

const browser = await launchBrowser(t)

// Desktop notifications and focus, as an operator looking at another window would have them.
const FakeNotifications = `
  window.__notifications = [];
  window.Notification = class {
    static permission = 'granted';
    static requestPermission () { return Promise.resolve('granted') }
    constructor (title, options) { window.__notifications.push({ title, body: options && options.body }) }
    close () {}
  };
  Document.prototype.hasFocus = () => false;
`

t.test('a wrong password keeps the operator on the login page with the reason', async (t) => {
  const { url } = await startApp(t)
  const { page } = await openPage(t, browser)
  await page.goto(`${url}/console`)
  await page.getByLabel('Username').fill('marta')
  await page.getByLabel('Password').fill('not the password')
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.getByRole('alert').filter({ hasText: /./ }).waitFor()
  t.ok(await page.getByLabel('Password').isVisible(), 'still on the login page')
  await screenshot(page, 'console-login')
})

t.test(
  "an operator sees a waiting visitor with the bot's guesses, claims, sees typing both ways, answers from an FAQ suggestion, and the visitor gets it",
  async (t) => {
    const shop = await hostSite(t)
    const { url, store } = await startApp(t, { allowedOrigins: [shop.origin] })
    const op = await openPage(t, browser)
    await loginConsole(op.page, url)
    const visitor = await openPage(t, browser, { locale: 'es-ES' })
    await shop.show(
      visitor.page,
      '/tienda',
      `<!doctype html><html lang="es"><head><title>Tienda</title></head><body><h1>Tienda</h1><script src="${url}/widget.js" defer data-visitor-name="Lucía"></script></body></html>`
    )
    await openWidget(visitor.page)
    await say(visitor.page, 'Mi pedido llegó con una taza rota, ¿qué hago?')
    await visitor.page.locator('.msg.kind-answer, .msg.kind-clarify, .msg.kind-queue').first().waitFor()
    if (await visitor.page.getByRole('button', { name: 'Hablar con una persona', exact: true }).isVisible()) {
      await visitor.page.getByRole('button', { name: 'Hablar con una persona', exact: true }).click()
    }
    await visitor.page.locator('.status', { hasText: 'Eres el número 1' }).waitFor()

    const item = op.page.locator('.waiting .item-link')
    await item.waitFor()
    t.match(await item.innerText(), /Lucía[\s\S]*ES[\s\S]*waiting \d+:\d\d/, 'name, language and waiting time')
    t.match(await op.page.title(), /^\(1\) Frontdesk console/, 'the unread count is in the tab title')
    await item.click()
    await op.page.getByRole('heading', { name: 'Lucía' }).waitFor()
    t.match(
      await op.page.locator('.context').innerText(),
      /Page[\s\S]*\/tienda[\s\S]*Language[\s\S]*ES[\s\S]*Browser[\s\S]*Chrome/,
      'where the visitor is, their language and browser'
    )
    t.ok((await op.page.locator('.row.author-bot').count()) >= 1, "the bot's turns are in the transcript")
    t.ok(await op.page.locator('#reply-input').isDisabled(), 'no replying before claiming')

    await op.page.getByRole('button', { name: 'Claim' }).click()
    await op.page.locator('.state-tag', { hasText: 'Assigned to you' }).waitFor()
    await visitor.page.locator('.status', { hasText: 'Estás hablando con Marta' }).waitFor()
    await op.page.locator('#reply-input').pressSequentially('Un momento', { delay: 10 })
    await visitor.page.locator('.typing', { hasText: 'Marta está escribiendo…' }).waitFor()
    await visitor.page.locator('#fd-input').pressSequentially('Vale', { delay: 10 })
    await op.page.locator('.typing', { hasText: 'Lucía is typing…' }).waitFor()
    await visitor.page.locator('#fd-input').fill('')
    await op.page.locator('#reply-input').fill('')

    const suggestion = op.page.locator('.suggestion').first()
    await suggestion.waitFor()
    await suggestion.getByRole('button', { name: 'Insert answer' }).click()
    const inserted = await op.page.locator('#reply-input').inputValue()
    t.ok(inserted.length > 40, 'the FAQ answer is in the reply box, ready to edit')
    await op.page.locator('#reply-input').fill(`Hola Lucía, lo siento. ${inserted}`)
    await op.page.locator('#reply-input').press('Enter')
    await widgetMessage(visitor.page, 'Hola Lucía, lo siento.', 'operator')
    await op.page.locator('.row.author-operator:not(.pending)', { hasText: 'Hola Lucía' }).waitFor()
    t.equal(await op.page.locator('.row.pending').count(), 0, 'the reply is stored, not pending')

    await say(visitor.page, 'Gracias, os mando una foto por correo.')
    await op.page.locator('.row.author-visitor', { hasText: 'os mando una foto' }).waitFor()

    const evidence = op.page.locator('.row.author-visitor details.evidence').first()
    await evidence.locator('summary').click()
    await evidence.getByRole('combobox', { name: 'FAQ entry that answers this question' }).selectOption('damaged-item')
    await evidence.getByRole('button', { name: 'Link' }).click()
    await evidence.locator('.linked', { hasText: 'Linked' }).waitFor()
    t.match(
      await store.listFaqLinks({}),
      [{ entryId: 'damaged-item', lang: 'es' }],
      '"the FAQ entry that answers this is X" is recorded'
    )
    await screenshot(op.page, 'console-conversation')

    await op.page.getByRole('button', { name: 'Close' }).click()
    await visitor.page.locator('.stars button').first().waitFor()
    await visitor.page.getByRole('button', { name: /^5/ }).click()
    await visitor.page.getByText('¡Gracias por tu opinión!').waitFor()
    t.same([op.errors, visitor.errors], [[], []], 'no script errors on either side')
  }
)

t.test(
  'operators are alerted: desktop notification and title count for a new visitor, and repeated reminders while nobody claims',
  async (t) => {
    const { url } = await startApp(t)
    const op = await openPage(t, browser)
    await op.page.addInitScript(FakeNotifications)
    await op.page.clock.install()
    await loginConsole(op.page, url)
    const visitor = await openPage(t, browser)
    await visitor.page.goto(url)
    await openWidget(visitor.page)
    await visitor.page.getByRole('button', { name: 'Talk to a person', exact: true }).click()
    await op.page.locator('.waiting .item-link').waitFor()
    await op.page.waitForFunction(
      () => (window as unknown as { __notifications: unknown[] }).__notifications.length >= 1
    )
    const first = await op.page.evaluate(
      () => (window as unknown as { __notifications: { title: string }[] }).__notifications
    )
    t.match(first, [{ title: 'Visitor is waiting' }])
    t.match(await op.page.title(), /^\(1\)/)
    await op.page.clock.runFor(65_000)
    const all = await op.page.evaluate(
      () => (window as unknown as { __notifications: { title: string }[] }).__notifications
    )
    t.ok(all.filter((n) => n.title === '1 visitor waiting').length >= 2, 'reminded again and again while unclaimed')
  }
)

t.test('the offline inbox lists messages left outside hours and marks them handled', async (t) => {
  const hours = { timeZone: 'Europe/Rome', weekly: { mon: ['09:00-18:00'] } }
  const sundayEvening = Date.parse('2026-11-22T20:00:00Z')
  const { url, store } = await startApp(t, { hours }, { clock: () => sundayEvening })
  const visitor = await openPage(t, browser)
  await visitor.page.goto(url)
  await openWidget(visitor.page)
  await visitor.page.getByRole('button', { name: 'Talk to a person', exact: true }).click()
  const form = visitor.page.locator('form.offline-form')
  await form.getByLabel('Your e-mail address').fill('sam@example.co.uk')
  await form.getByLabel('Your message').fill('Is the linen duvet cover available in king size?')
  await form.getByRole('button', { name: 'Send message' }).click()
  await visitor.page.locator('.msg.kind-offline_thanks').waitFor()

  const op = await openPage(t, browser)
  await loginConsole(op.page, url)
  await op.page.getByRole('link', { name: /Offline inbox \(1\)/ }).click()
  const contact = op.page.locator('.contact')
  await contact.waitFor()
  t.match(await contact.innerText(), /sam@example\.co\.uk[\s\S]*king size/)
  t.equal(await contact.getByRole('link', { name: 'Reply by e-mail' }).getAttribute('href'), 'mailto:sam@example.co.uk')
  await contact.getByRole('button', { name: 'Mark as handled' }).click()
  await op.page.getByText('No offline messages waiting.').waitFor()
  t.same(await store.listContacts({ handled: false }), [])
})
