import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import t from 'tap'
import { login } from '../server/helpers.js'
import { addOperator, launchBrowser, loginConsole, openPage, screenshot, startApp, xssFired } from './helpers.js'

const browser = await launchBrowser(t)
const root = join(import.meta.dirname, '..', '..')

t.test(
  'an editor reviews the grouped report, corrects and accepts a proposal into the markdown; visitor text stays text; operators do not get the page',
  async (t) => {
    const faqDir = join(mkdtempSync(join(tmpdir(), 'frontdesk-faq-web-')), 'faq')
    t.teardown(() => rmSync(dirname(faqDir), { recursive: true, force: true }))
    cpSync(join(root, 'faq'), faqDir, { recursive: true })
    const built = await startApp(t, { faqDir })
    await addOperator(built.store, { username: 'elena', name: 'Elena', role: 'editor', langs: ['en'] })
    const now = Date.now()
    const xss = '<img src=x onerror="window.__xss=1">do you sell {{constructor}} gift baskets'
    const questions = [
      'do you sell garden furniture',
      'do you have outdoor furniture for gardens',
      'is there a loyalty programme',
      xss,
    ]
    for (const [i, text] of questions.entries()) {
      await built.store.createConversation({
        id: `c${i}`,
        state: 'queued',
        lang: 'en',
        visitorName: null,
        pageUrl: null,
        userAgent: null,
        browserLang: 'en',
        tokenHash: 'x',
        createdAt: now - 60_000,
        updatedAt: now,
        queuedAt: now,
        assignedTo: null,
        assignedAt: null,
        lastVisitorAt: now,
        lastOperatorAt: null,
        remindedAt: null,
        closedAt: null,
        visitorKey: null,
      })
      await built.store.appendMessages(`c${i}`, [
        {
          author: 'visitor',
          text,
          html: null,
          lang: 'en',
          at: now - 60_000 + i,
          kind: null,
          clientId: 'q',
          entryId: null,
          operatorId: null,
          data: { triage: { decision: 'escalate', reason: 'low_confidence' } },
        },
      ])
    }
    const editorApi = await login(built.url, 'elena')
    t.equal(
      (await editorApi.call('POST', '/api/v1/conversations/c2/faq-link', { entry_id: 'discount-codes', seq: 1 }))
        .status,
      200
    )

    const { page } = await openPage(t, browser)
    await loginConsole(page, built.url, 'elena')
    await page.getByRole('link', { name: 'Improve the FAQ' }).click()
    await page.getByRole('heading', { name: 'Improve the FAQ' }).waitFor()
    const group = page.locator('.group').first()
    await group.waitFor()
    const first = await group.innerText()
    t.match(first, /^2 questions in 2 conversations/, 'the biggest group first')
    t.ok(
      first.includes('do you sell garden furniture') && first.includes('do you have outdoor furniture for gardens'),
      'the two furniture questions as one group'
    )
    await page.locator('.group', { hasText: 'gift baskets' }).waitFor()
    t.ok(
      await page.locator('.faq-learning').getByText(xss, { exact: true }).isVisible(),
      "the visitor's markup is shown as text"
    )
    t.equal(await xssFired(page), undefined, 'and never runs')

    const proposal = page.locator('.proposal.question')
    await proposal.waitFor()
    t.match(await proposal.innerText(), /A new way to ask[\s\S]*discount code/)
    await proposal.getByLabel('Question').fill('is there a loyalty programme or points card')
    await screenshot(page, 'console-faq')
    await proposal.getByRole('button', { name: 'Accept' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /Accepted: written to .*discount-codes\.md/ })
      .waitFor()
    t.match(
      readFileSync(join(faqDir, 'en', 'discount-codes.md'), 'utf8'),
      /\n {2}- is there a loyalty programme or points card\n/,
      'the corrected question is in the file'
    )
    await page.getByText('Nothing to review.').waitFor()
    t.equal(
      built.app.frontdesk.content
        .current()
        .engine.triage('is there a loyalty programme or points card', { conversation: 'en' }).decision,
      'answer',
      'the bot answers it now'
    )

    const op = await openPage(t, browser)
    await loginConsole(op.page, built.url)
    t.notOk(await op.page.getByRole('link', { name: 'Improve the FAQ' }).isVisible(), 'operators have no link to it')
  }
)

t.test('FAQ files with errors are listed for editors with file and line, and the rest is served', async (t) => {
  const faqDir = join(mkdtempSync(join(tmpdir(), 'frontdesk-faq-web-')), 'faq')
  t.teardown(() => rmSync(dirname(faqDir), { recursive: true, force: true }))
  cpSync(join(root, 'faq'), faqDir, { recursive: true })
  writeFileSync(join(faqDir, 'en', 'broken.md'), '---\ntitle: Broken\nquestions: [unclosed\n---\nAnswer.\n')
  const built = await startApp(t, { faqDir })
  await addOperator(built.store, { username: 'elena', name: 'Elena', role: 'editor', langs: ['en'] })
  const { page } = await openPage(t, browser)
  await loginConsole(page, built.url, 'elena')
  await page.getByRole('link', { name: 'Improve the FAQ' }).click()
  const notice = page.locator('.faq-problems')
  await notice.getByText(/broken\.md:3: invalid YAML/).waitFor()
  t.match(await notice.innerText(), /1 FAQ problem: these files are not served as they are on disk/)
  t.ok(built.app.frontdesk.content.current().engine.entry('en', 'order-tracking'), 'the valid entries are served')
})
