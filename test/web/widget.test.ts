import t, { type Test } from 'tap'
import { connect, login } from '../server/helpers.js'
import {
  hostSite,
  launchBrowser,
  questionThat,
  openPage,
  openWidget,
  say,
  screenshot,
  startApp,
  widgetMessage,
} from './helpers.js'

const browser = await launchBrowser(t)

/** An operator online on /ws/operator, so that a visitor who needs a person is queued, not sent to the offline form. */
async function operatorOnline (t: Test, url: string, wsUrl: string) {
  const marta = await login(url, 'marta')
  const ws = await connect(t, `${wsUrl}/ws/operator`, { cookie: marta.cookie })
  ws.send({ type: 'hello' })
  await ws.next((f) => f.type === 'queue')
  return marta
}

t.test('a visitor asks in Spanish and gets the Spanish answer, with "did this help?" in Spanish', async (t) => {
  const { url } = await startApp(t)
  const { page, errors } = await openPage(t, browser, { locale: 'es-ES' })
  await page.goto(url)
  await openWidget(page)
  await say(page, '¿Cuánto tarda el envío a España?')
  await widgetMessage(page, 'días laborables', 'bot')
  const answer = page.locator('.msg.kind-answer .bubble').last()
  t.match(await answer.innerText(), /Resto de la UE/, 'the Spanish FAQ answer')
  t.ok((await answer.locator('li').count()) > 0, 'formatted: the answer keeps its list')
  await page.getByRole('button', { name: 'Sí, gracias' }).waitFor()
  t.ok(
    await page.getByRole('button', { name: 'No, hablar con una persona' }).isVisible(),
    'the way to a person is offered under the answer'
  )
  await page.getByRole('button', { name: 'Sí, gracias' }).click()
  await widgetMessage(page, 'Sí, gracias', 'visitor')
  t.equal(
    await page.getByRole('button', { name: 'Sí, gracias' }).count(),
    0,
    'the question is answered: its buttons go'
  )
  t.same(errors, [])
})

t.test('a clarification offers the closest entries as buttons, and picking one answers it', async (t) => {
  const app = await startApp(t)
  const { page } = await openPage(t, browser)
  await page.goto(app.url)
  await openWidget(page)
  await say(
    page,
    questionThat(app, 'clarify', [
      'Can I pay with my dog?',
      'gift',
      'Can I bring my dog to the showroom?',
      'payment',
      'order',
      'wrapping',
    ])
  )
  const choices = page.locator('.msg.kind-clarify .actions button')
  await choices.first().waitFor()
  t.ok((await choices.count()) >= 2, 'choices and "none of these"')
  t.ok(await page.getByRole('button', { name: 'None of these' }).isVisible())
  const title = await choices.first().innerText()
  await choices.first().click()
  await widgetMessage(page, title, 'visitor')
  await page.locator('.msg.kind-answer').waitFor()
  t.pass('the chosen entry is answered')
})

t.test('an unknown question is handed over: the visitor sees their place in the queue and the wait', async (t) => {
  const app = await startApp(t)
  const { url, wsUrl, store } = app
  const marta = await operatorOnline(t, url, wsUrl)
  const { page } = await openPage(t, browser, { locale: 'es-ES' })
  await page.goto(url)
  await openWidget(page)
  await say(
    page,
    questionThat(app, 'escalate', [
      '¿Vendéis bicicletas de montaña?',
      'Mi gato se comió el paquete',
      '¿Cuál es el sentido de la vida?',
    ])
  )
  const status = page.locator('.status')
  await status.filter({ hasText: 'Eres el número 1 de la cola' }).waitFor()
  t.match(await status.innerText(), /Espera estimada: \d+ minutos?/)
  t.ok(await page.locator('.msg.kind-queue').isVisible(), 'the queue message is in the log')
  t.notOk(
    await page.getByRole('button', { name: 'Hablar con una persona' }).isVisible(),
    '"talk to a person" is gone once waiting for one'
  )

  const [conversation] = await store.listConversations({ states: ['queued'] })
  await marta.call('POST', `/api/v1/conversations/${conversation?.id ?? ''}/claim`, {})
  await status.filter({ hasText: 'Estás hablando con Marta' }).waitFor()
  await marta.call('POST', `/api/v1/conversations/${conversation?.id ?? ''}/messages`, {
    client_id: 'r1',
    text: 'No vendemos bicicletas, lo siento.',
  })
  await widgetMessage(page, 'No vendemos bicicletas', 'operator')
  t.equal(await page.locator('.msg.from-operator .author').last().innerText(), 'Marta', "the operator's name is shown")
})

t.test(
  '"talk to a person" hands over at once; replies while the panel is closed show as unread on the launcher',
  async (t) => {
    const { url, wsUrl, store } = await startApp(t)
    const marta = await operatorOnline(t, url, wsUrl)
    const { page } = await openPage(t, browser)
    await page.goto(url)
    await openWidget(page)
    await page.getByRole('button', { name: 'Talk to a person', exact: true }).click()
    await page.locator('.status', { hasText: "You're number 1 in the queue" }).waitFor()
    await page.getByRole('button', { name: 'Minimize' }).click()
    const [conversation] = await store.listConversations({ states: ['queued'] })
    await marta.call('POST', `/api/v1/conversations/${conversation?.id ?? ''}/claim`, {})
    await marta.call('POST', `/api/v1/conversations/${conversation?.id ?? ''}/messages`, {
      client_id: 'r1',
      text: 'Hi, Marta here.',
    })
    const launcher = page.getByRole('button', { name: /^Chat with us \(2 new messages\)$/ })
    await launcher.waitFor()
    t.equal(await page.locator('.badge').innerText(), '2')
    await launcher.click()
    await widgetMessage(page, 'Marta here', 'operator')
    t.ok(await page.locator('.badge').isHidden(), 'read once the panel is open')
  }
)

t.test('the visitor reloads mid-conversation and sees the whole history, with the panel still open', async (t) => {
  const { url } = await startApp(t)
  const { page } = await openPage(t, browser)
  await page.goto(url)
  await openWidget(page)
  await say(page, 'Do you ship to Switzerland?')
  await widgetMessage(page, 'Switzerland', 'bot')
  await say(page, 'How do I return an item?')
  await widgetMessage(page, '30 days', 'bot')
  const before = await page.locator('.log .msg').allInnerTexts()
  await page.reload()
  await widgetMessage(page, '30 days', 'bot')
  t.ok(await page.locator('#fd-panel').isVisible(), 'the panel reopens by itself')
  t.same(await page.locator('.log .msg').allInnerTexts(), before, 'the same messages, in the same order')
})

t.test('the network drops and comes back without losing a message either way', async (t) => {
  const { app, url, wsUrl, store } = await startApp(t)
  const marta = await operatorOnline(t, url, wsUrl)
  const { page } = await openPage(t, browser)
  await page.goto(url)
  await openWidget(page)
  await page.getByRole('button', { name: 'Talk to a person', exact: true }).click()
  await page.locator('.status', { hasText: 'queue' }).waitFor()
  const [conversation] = await store.listConversations({ states: ['queued'] })
  const id = conversation?.id ?? ''
  await marta.call('POST', `/api/v1/conversations/${id}/claim`, {})
  await page.locator('.status', { hasText: 'chatting with Marta' }).waitFor()

  await page.context().setOffline(true)
  for (const client of app.websocketServer.clients) client.terminate()
  await page.locator('.connection').waitFor({ state: 'visible' })
  await say(page, 'Are you still there? My order number is RH-2291.')
  await page.locator('.msg.pending', { hasText: 'RH-2291' }).waitFor()
  await marta.call('POST', `/api/v1/conversations/${id}/messages`, {
    client_id: 'during-drop',
    text: 'Sorry, I was checking your order.',
  })
  // Offline, nothing can reach the widget: its message stays pending.
  t.equal(await page.locator('.msg.pending').count(), 1, 'shown as pending while offline')

  await page.context().setOffline(false)
  await widgetMessage(page, 'RH-2291', 'visitor')
  await widgetMessage(page, 'checking your order', 'operator')
  t.equal(await page.locator('.msg.pending').count(), 0, 'nothing left pending')
  await page.locator('.connection').waitFor({ state: 'hidden' })
  const stored = (await store.messagesAfter(id, 0)).filter((m) => m.text.includes('RH-2291'))
  t.equal(stored.length, 1, 'the message was stored exactly once')
})

t.test('when websockets are blocked the widget falls back to HTTP and still gets live replies', async (t) => {
  const { url, wsUrl, store } = await startApp(t)
  const marta = await operatorOnline(t, url, wsUrl)
  const { page } = await openPage(t, browser)
  await page.routeWebSocket(/\/ws\/visitor/, (ws) => {
    void ws.close()
  })
  const posts: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/visitor/frames')) posts.push(request.postData() ?? '')
  })
  await page.goto(url)
  await openWidget(page)
  await say(page, 'Do you ship to Switzerland?')
  await widgetMessage(page, 'Switzerland', 'bot')
  t.ok(
    posts.some((p) => p.includes('Switzerland')),
    'the question went over HTTP'
  )
  await page.getByRole('button', { name: 'Talk to a person', exact: true }).click()
  await page.locator('.status', { hasText: 'queue' }).waitFor()
  const [conversation] = await store.listConversations({ states: ['queued'] })
  await marta.call('POST', `/api/v1/conversations/${conversation?.id ?? ''}/claim`, {})
  await marta.call('POST', `/api/v1/conversations/${conversation?.id ?? ''}/messages`, {
    client_id: 'r1',
    text: 'Hello from the long poll!',
  })
  await widgetMessage(page, 'Hello from the long poll!', 'operator')
  t.pass('the reply arrived by long poll')
})

t.test('outside business hours the visitor gets the offline form, with the time someone is back', async (t) => {
  const hours = {
    timeZone: 'Europe/Rome',
    weekly: {
      mon: ['09:00-18:00'],
      tue: ['09:00-18:00'],
      wed: ['09:00-18:00'],
      thu: ['09:00-18:00'],
      fri: ['09:00-18:00'],
    },
  }
  const sundayEvening = Date.parse('2026-11-22T20:00:00Z')
  const { url, store } = await startApp(t, { hours }, { clock: () => sundayEvening })
  const { page } = await openPage(t, browser)
  await page.goto(url)
  await openWidget(page)
  await page.getByRole('button', { name: 'Talk to a person', exact: true }).click()
  await page.locator('.status', { hasText: "We're back tomorrow at 09:00" }).waitFor()
  const form = page.locator('form.offline-form')
  await form.getByLabel('Your e-mail address').fill('not an address')
  await form.getByLabel('Your message').fill('Please call me about order RH-1042.')
  await form.getByRole('button', { name: 'Send message' }).click()
  t.equal(
    await form.getByLabel('Your e-mail address').getAttribute('aria-invalid'),
    'true',
    'a bad address is refused in the form'
  )
  t.ok(await form.getByText('Please enter a valid e-mail address.').isVisible())
  await form.getByLabel('Your e-mail address').fill('lucia@example.es')
  await form.getByRole('button', { name: 'Send message' }).click()
  await page.locator('.msg.kind-offline_thanks').waitFor()
  t.equal(await page.locator('form.offline-form').count(), 0, 'the form goes once sent')
  const contacts = await store.listContacts({ handled: false })
  t.match(contacts, [{ email: 'lucia@example.es', text: 'Please call me about order RH-1042.' }])
})

t.test('the widget works with the keyboard alone and is announced properly', async (t) => {
  const { url } = await startApp(t)
  const { page } = await openPage(t, browser)
  await page.goto(url)
  const launcher = page.getByRole('button', { name: 'Chat with us' })
  t.equal(await launcher.getAttribute('aria-expanded'), 'false')
  await launcher.focus()
  await page.keyboard.press('Enter')
  const input = page.getByRole('textbox', { name: 'Your message' })
  await input.waitFor()
  t.ok(
    await input.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el),
    'opening moves focus to the text box'
  )
  t.equal(await page.getByRole('log').count(), 1, 'the messages are a log (a live region)')
  t.equal(await page.getByRole('dialog', { name: 'Ravenna Home support' }).count(), 1, 'the panel is a labelled dialog')
  await page.keyboard.type('How do I reset my password?')
  await page.keyboard.press('Enter')
  await widgetMessage(page, /password/i, 'bot')
  await page.keyboard.press('Escape')
  t.ok(await page.locator('#fd-panel').isHidden(), 'Escape closes the panel')
  t.ok(
    await launcher.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el),
    'focus returns to the launcher'
  )
  t.equal(await launcher.getAttribute('aria-expanded'), 'false')
})

t.test(
  "embedded on another site, data attributes set the language, side, colour and title; the page's CSS does not reach in",
  async (t) => {
    const shop = await hostSite(t)
    const { url } = await startApp(t, { allowedOrigins: [shop.origin] })
    const { page } = await openPage(t, browser)
    let welcomedOverWebsocket = false
    page.on('websocket', (ws) =>
      ws.on('framereceived', (frame) => {
        welcomedOverWebsocket ||= String(frame.payload).includes('"welcome"')
      })
    )
    await shop.show(
      page,
      '/negozio',
      `<!doctype html><html lang="en"><head><title>Negozio</title>
    <style>button { display: none !important } div { color: red !important }</style></head>
    <body><h1>Negozio</h1><script src="${url}/widget.js" defer data-language="it" data-position="left" data-colour="#f2c94c" data-title="Assistenza"></script></body></html>`
    )
    const launcher = page.getByRole('button', { name: 'Scrivici' })
    await launcher.click()
    t.ok(await page.getByRole('dialog', { name: 'Assistenza' }).isVisible())
    const box = await launcher.boundingBox()
    t.ok(box !== null && box.x < 100, 'on the left')
    const [background, color] = await page
      .locator('.launcher')
      .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color])
    t.equal(background, 'rgb(242, 201, 76)', 'the accent colour')
    t.equal(color, 'rgb(17, 17, 17)', 'dark text on a light accent, for contrast')
    await widgetMessage(page, 'ti diamo il benvenuto', 'bot')
    t.ok(welcomedOverWebsocket, 'cross-origin, over the websocket (the origin is allowed)')
  }
)

t.test('screenshots of the widget on a desktop and on a phone', async (t) => {
  const { url } = await startApp(t)
  const desktop = await openPage(t, browser)
  await desktop.page.goto(url)
  await openWidget(desktop.page)
  await say(desktop.page, 'How much does shipping to Germany cost?')
  await desktop.page.getByRole('button', { name: 'Yes, thanks' }).waitFor()
  await screenshot(desktop.page, 'widget-desktop')
  const phone = await openPage(t, browser, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'it-IT',
  })
  await phone.page.goto(url)
  await openWidget(phone.page)
  await say(phone.page, 'Posso pagare a rate con Klarna?')
  await phone.page.locator('.msg.kind-answer').waitFor()
  await phone.page.locator('.msg.kind-feedback .actions').waitFor()
  const panel = await phone.page.locator('#fd-panel').boundingBox()
  t.same(panel === null ? null : [panel.width, panel.height], [390, 844], 'the panel fills a phone screen')
  await screenshot(phone.page, 'widget-phone')
})

t.test('on a page whose origin is not allowed, the widget says the chat is unavailable there', async (t) => {
  const elsewhere = await hostSite(t)
  const { url } = await startApp(t, { allowedOrigins: [] })
  const { page } = await openPage(t, browser)
  await elsewhere.show(
    page,
    '/blog',
    `<!doctype html><html lang="en"><head><title>Blog</title></head>
    <body><h1>Blog</h1><script src="${url}/widget.js" defer></script></body></html>`
  )
  await page.getByRole('button', { name: 'Chat with us' }).click()
  // Two refused websockets, then the HTTP fallback's 403: allow for the backoff between them.
  await page.getByText('the chat is not available on this site').waitFor({ timeout: 30_000 })
  t.ok(await page.getByRole('textbox').isDisabled(), 'nothing can be typed')
})
