import t from 'tap'
import { launchBrowser, loginConsole, openPage, startApp } from '../web/helpers.js'
import { seedQueued, visitor } from './helpers.js'

const browser = await launchBrowser(t)

t.test("the console's queue never silently drops its newest visitors: it counts them all and pages", async (t) => {
  const built = await startApp(t)
  await seedQueued(built.store, 150, Date.now() - 3600_000)
  const op = await openPage(t, browser)
  await loginConsole(op.page, built.url)
  const waiting = op.page.locator('section.waiting')
  await waiting.locator('h2', { hasText: '(150)' }).waitFor()
  t.equal(await waiting.locator('.item').count(), 100, 'the first page is listed')
  const more = waiting.getByRole('button', { name: 'Show more (50 not shown)' })
  await more.waitFor()
  await more.click()
  await op.page.waitForFunction(() => document.querySelectorAll('section.waiting .item').length === 150)
  t.ok(await more.isHidden(), 'all 150 listed, nothing left to show')

  const real = await visitor(t, built, { name: 'Real Customer' })
  real.send({ type: 'handoff', client_id: 'h' })
  await waiting.locator('h2', { hasText: '(151)' }).waitFor()
  await waiting.locator('.item', { hasText: 'Real Customer' }).waitFor()
  t.pass('the newest visitor is counted and, with the pages asked for, listed')
  t.same(op.errors, [], 'no errors in the page')
})
