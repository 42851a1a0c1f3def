import { existsSync, mkdirSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'
import type { Test } from 'tap'
import { addOperator, build, type Built } from '../server/helpers.js'

/** Debian's chromium, installed by `test/setup/ensure-chromium.ts` (the `pretest` script). */
export const ChromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const ChromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Where the test run saves its screenshots: `.tap/screenshots/` on every run, so a test run
 * leaves the work tree clean; with SCREENSHOTS=1, `test/web/screenshots/`, the copies the
 * README shows (`SCREENSHOTS=1 npm test` refreshes them).
 */
export const ScreenshotDir =
  process.env.SCREENSHOTS === '1'
    ? fileURLToPath(new URL('./screenshots/', import.meta.url))
    : fileURLToPath(new URL('../../.tap/screenshots/', import.meta.url))

/**
 * One browser per test file, closed when the file's tests are done. Browser tests are slower
 * than the rest: the file's timeout goes up to `seconds`.
 */
export async function launchBrowser (t: Test, seconds = 90): Promise<Browser> {
  if (!existsSync(ChromiumPath)) {
    throw new Error(
      `${ChromiumPath} is missing: run "npx tsx test/setup/ensure-chromium.ts" (npm test does it in pretest)`
    )
  }
  t.setTimeout(seconds * 1000)
  const browser = await chromium.launch({ executablePath: ChromiumPath, args: ChromiumArgs, headless: true })
  t.teardown(() => browser.close())
  return browser
}

/** A page that remembers its script errors and dialogs, for tests that must see none. */
export interface WatchedPage {
  page: Page
  errors: string[]
  dialogs: string[]
}

/** A fresh context (empty storage) and page, closed with the test. */
export async function openPage (t: Test, browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options })
  t.teardown(() => context.close())
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  const watched: WatchedPage = { page, errors: [], dialogs: [] }
  page.on('pageerror', (err) => watched.errors.push(err.message))
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return watched
}

/** The app (demo on) with Marta, an operator for Spanish and English, on a real port. */
export async function startApp (
  t: Test,
  overrides: Record<string, unknown> = {},
  options: { clock?: () => number } = {}
): Promise<Built> {
  const built = await build(t, { demo: true, ...overrides }, options)
  await addOperator(built.store, { username: 'marta', name: 'Marta', langs: ['es', 'en'] })
  return built
}

/** A shop's own site on another origin, embedding the widget with a script tag. */
export interface HostSite {
  origin: string
  /** Serves `html` at `path` and opens it in `page`. */
  show(page: Page, path: string, html: string): Promise<void>
}

/**
 * Starts a small web server on loopback for host pages. Give its origin to the app's
 * `allowedOrigins`: the widget then runs cross-origin, as on a real shop.
 */
export async function hostSite (t: Test): Promise<HostSite> {
  const pages = new Map<string, string>()
  const server = createServer((request, response) => {
    const html = pages.get(request.url ?? '')
    response.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(html ?? 'not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  )
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    async show (page, path, html) {
      pages.set(path, html)
      await page.goto(`${origin}${path}`)
    },
  }
}

/**
 * The first of `candidates` that the bot decides as `decision` with the app's FAQ: the matcher
 * keeps improving, and a test about the widget's clarify buttons should not break when one
 * question becomes answerable.
 */
export function questionThat (built: Built, decision: 'answer' | 'clarify' | 'escalate', candidates: string[]): string {
  const engine = built.app.frontdesk.content.current().engine
  const found = candidates.find((q) => engine.triage(q).decision === decision)
  if (found === undefined) {
    throw new Error(`none of ${JSON.stringify(candidates)} leads to "${decision}" any more: add one that does`)
  }
  return found
}

/** Opens the widget with its launcher and waits for the text box. */
export async function openWidget (page: Page): Promise<void> {
  await page.locator('.launcher').click()
  await page.locator('#fd-input').waitFor({ state: 'visible' })
}

/** Types a message into the widget and sends it with Enter. */
export async function say (page: Page, text: string): Promise<void> {
  await page.locator('#fd-input').fill(text)
  await page.locator('#fd-input').press('Enter')
}

/** Waits for a stored (not pending) message in the widget containing `text`. */
export async function widgetMessage (
  page: Page,
  text: string | RegExp,
  author?: 'visitor' | 'bot' | 'operator' | 'system'
): Promise<void> {
  await page
    .locator(`.log .msg${author === undefined ? '' : `.from-${author}`}:not(.pending)`, { hasText: text })
    .last()
    .waitFor()
}

/** Logs in to the console and waits until it is live. */
export async function loginConsole (
  page: Page,
  url: string,
  username = 'marta',
  password = 'correct horse battery'
): Promise<void> {
  await page.goto(`${url}/console`)
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.locator('.live[data-state="online"]').waitFor()
}

/** Saves a screenshot in {@link ScreenshotDir}. */
export async function screenshot (page: Page, name: string): Promise<void> {
  mkdirSync(ScreenshotDir, { recursive: true })
  await page.screenshot({ path: `${ScreenshotDir}${name}.png` })
}

/** What XSS payloads set when they run: nothing may ever set it. */
export async function xssFired (page: Page): Promise<unknown> {
  return await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)
}

export { addOperator }
