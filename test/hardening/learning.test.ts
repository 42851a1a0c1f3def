import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import t, { type Test } from 'tap'
import WebSocket from 'ws'
import type { NewProposal, Store } from '../../src/store/types.js'
import { addOperator, build, connect, login } from '../server/helpers.js'
import { spawnServer } from '../server/process.js'
import { smallDisk } from './helpers.js'

// Issue 12, items 3, 14, 15 and 17b: the learning loop's writes into the FAQ, and its counts.
const root = join(import.meta.dirname, '..', '..')

/** A copy of the sample FAQ in `dir` (a fresh temporary folder when absent). */
function faqCopy (t: Test, dir?: string): string {
  const base = dir ?? mkdtempSync(join(tmpdir(), 'frontdesk-faq-'))
  if (dir === undefined) t.teardown(() => rmSync(base, { recursive: true, force: true }))
  const faqDir = join(base, 'faq')
  cpSync(join(root, 'faq'), faqDir, { recursive: true })
  return faqDir
}

async function editorServer (t: Test, faqDir: string, overrides: Record<string, unknown> = {}) {
  const b = await build(t, { faqDir, ...overrides })
  await addOperator(b.store, { username: 'ed', role: 'editor' })
  return { ...b, editor: await login(b.url, 'ed') }
}

async function draft (store: Store, fields: Partial<NewProposal> = {}): Promise<string> {
  const { proposal } = await store.upsertProposal({
    id: `p-${Math.random().toString(36).slice(2)}`,
    kind: 'entry',
    lang: 'en',
    entryId: 'christmas-hampers',
    dedupeKey: `entry|en|hampers ${Math.random()}`,
    questions: ['do you sell christmas hampers', 'christmas hamper for my team'],
    title: 'Christmas hampers',
    answer: 'Our Christmas hampers are sold from 1 November, with free gift wrap.',
    sources: [{ conversationId: 'c1', seq: 1, operatorId: null, at: 1 }],
    createdAt: 1,
    ...fields,
  })
  return proposal.id
}

t.test('a full disk during "accept draft entry": 503, no file left behind, and accepts work once there is space', async (t) => {
  const disk = smallDisk(t, '2m')
  if (disk === undefined) {
    t.comment('SKIPPED: cannot mount a tmpfs here (needs root)')
    return
  }
  const faqDir = faqCopy(t, disk)
  const s = await editorServer(t, faqDir)
  const id = await draft(s.store)
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${join(disk, 'filler')}`, 'bs=4k'], { stdio: 'ignore' })
  } catch {
    /* "no space left" is the point */
  }
  const full = await s.editor.call('POST', `/api/v1/faq/proposals/${id}/accept`, {})
  t.equal(full.status, 503, JSON.stringify(full.body))
  t.equal(full.body.code, 'FD_ERR_STORE_UNAVAILABLE')
  t.notOk(existsSync(join(faqDir, 'en', 'christmas-hampers.md')), 'no empty entry file')
  t.same(
    readdirSync(join(faqDir, 'en')).filter((f) => f.startsWith('.')),
    [],
    'no temporary file left'
  )
  t.equal((await s.store.getProposal(id))?.status, 'open', 'the proposal is still open')
  rmSync(join(disk, 'filler'))
  const again = await s.editor.call('POST', `/api/v1/faq/proposals/${id}/accept`, {})
  t.equal(again.status, 200, JSON.stringify(again.body))
  t.match(readFileSync(join(faqDir, 'en', 'christmas-hampers.md'), 'utf8'), /^---\ntitle: Christmas hampers\n/)
})

t.test('an invalid FAQ file does not stop the server: it starts with the valid entries and shows the problem', async (t) => {
  const faqDir = faqCopy(t)
  // What the old accept left on a full disk: an empty entry file.
  writeFileSync(join(faqDir, 'en', 'christmas-hampers.md'), '')
  writeFileSync(join(faqDir, 'en', 'broken.md'), '---\ntitle: Broken\nquestions: [unclosed\n---\nAnswer.\n')
  const dataDir = t.testdir()
  const server = await spawnServer(t, { DATA_DIR: dataDir, FAQ_DIR: faqDir, LOG_LEVEL: 'warn' })
  const v = await connect(t, `${server.url.replace('http', 'ws')}/ws/visitor`)
  v.send({ type: 'hello', lang: 'en' })
  await v.next((f) => f.type === 'welcome')
  v.send({ type: 'text', client_id: 'q', text: 'how can I track my parcel?' })
  const answer = await v.next((f) => f.type === 'message' && f.kind === 'answer', 5000)
  t.equal(answer.entry_id, 'order-tracking', 'valid entries answer')
  // The logger flushes asynchronously: wait for the lines rather than for a fixed time.
  const logged = async (pattern: RegExp): Promise<boolean> => {
    for (const deadline = Date.now() + 5000; Date.now() < deadline;) {
      if (pattern.test(server.output())) return true
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    return false
  }
  t.ok(await logged(/faq\/en\/christmas-hampers\.md:1: missing front matter/), 'the log names the file and line')
  t.ok(await logged(/faq\/en\/broken\.md:3: invalid YAML/))
  v.ws.close()
  server.child.kill('SIGTERM')
  await new Promise((resolve) => server.child.once('exit', resolve))

  // The console shows the problems to editors.
  const s = await editorServer(t, faqDir)
  const report = await s.editor.call('GET', '/api/v1/faq/report?since=1d')
  t.equal(report.status, 200)
  t.match(report.body.content_problems, [
    { file: /broken\.md$/, line: Number, severity: 'error' },
    { file: /christmas-hampers\.md$/, line: 1, severity: 'error' },
  ])
  // The broken files do not block accepting an unrelated change.
  const id = await draft(s.store, { entryId: 'gift-hampers', title: 'Gift hampers' })
  const accepted = await s.editor.call('POST', `/api/v1/faq/proposals/${id}/accept`, { entry_id: 'gift-hampers' })
  t.equal(accepted.status, 200, JSON.stringify(accepted.body))
  t.ok(s.app.frontdesk.content.current().engine.entry('en', 'gift-hampers'), 'and it is served at once')
})

/** One question from a source address of our choice (127.0.0.x all reach the loopback listener). */
async function askFrom (address: string, wsUrl: string, hello: Record<string, unknown>) {
  const ws = new WebSocket(`${wsUrl}/ws/visitor`, { localAddress: address })
  const frames: Record<string, any>[] = []
  const waiting = (type: string) =>
    new Promise<Record<string, any>>((resolve) => {
      const check = () => {
        const f = frames.find((x) => x.type === type)
        if (f !== undefined) resolve(f)
        else ws.once('message', check)
      }
      check()
    })
  ws.on('message', (d) => frames.push(JSON.parse(String(d))))
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  ws.send(JSON.stringify(hello))
  const welcome = await waiting('welcome')
  ws.send(JSON.stringify({ type: 'text', client_id: 'q', text: 'is there a loyalty programme' }))
  const ack = await waiting('ack')
  ws.close()
  return { welcome, ack }
}

t.test('a proposal counts distinct visitors and addresses, not conversations', async (t) => {
  // One visitor asking in 25 conversations at once is over the start and message caps: raised,
  // as this test is about how support is counted.
  const limits = { startsPerMinutePerVisitor: 100, startsPerMinutePerAddress: 100, messagesPerMinute: 100 }
  const s = await editorServer(t, faqCopy(t), { limits })
  await addOperator(s.store, { username: 'op' })
  const op = await login(s.url, 'op')
  let proposalId: string | undefined
  // 25 conversations from one address (and one browser), then one from another visitor elsewhere.
  for (let i = 0; i < 26; i++) {
    const other = i === 25
    const { welcome, ack } = await askFrom(other ? '127.0.0.2' : '127.0.0.1', s.wsUrl, {
      type: 'hello',
      lang: 'en',
      visitor_id: other ? 'other-visitor-0123456789' : 'one-visitor-0123456789',
    })
    const link = await op.call('POST', `/api/v1/conversations/${welcome.conversation_id}/faq-link`, {
      entry_id: 'discount-codes',
      seq: ack.seq,
    })
    proposalId = link.body.proposal_id
  }
  const proposal = (await s.editor.call('GET', '/api/v1/faq/proposals')).body.proposals.find(
    (p: any) => p.id === proposalId
  )
  t.equal(proposal.support, 2, 'one visitor from one address counts once')
  t.equal(proposal.conversations, 26, 'the conversations are still listed')
})

t.test("a draft's title follows the editor's rules: at most 200 characters, one line, no front matter break", async (t) => {
  const s = await editorServer(t, faqCopy(t))
  const long = await draft(s.store, { title: `do you sell hampers ${'very '.repeat(800)}big`, entryId: null })
  const listed = (await s.editor.call('GET', '/api/v1/faq/proposals')).body.proposals.find((p: any) => p.id === long)
  t.ok(listed.title.length <= 200, `the title shown is ${listed.title.length} characters`)
  const accepted = await s.editor.call('POST', `/api/v1/faq/proposals/${long}/accept`, { entry_id: 'long-hampers' })
  t.equal(accepted.status, 200, JSON.stringify(accepted.body))
  const front = readFileSync(join(dirname(s.app.frontdesk.config.faqDir), 'faq', 'en', 'long-hampers.md'), 'utf8')
  t.ok(/^title: (.*)$/m.exec(front)![1]!.length <= 202, 'the written title is short')

  const dashes = await draft(s.store, {
    title: 'hampers\n---\nquestions: [x]',
    entryId: 'dash-hampers',
    questions: ['hampers with dashes'],
  })
  const ok = await s.editor.call('POST', `/api/v1/faq/proposals/${dashes}/accept`, {})
  t.equal(ok.status, 200, `a "---" line cannot break the front matter: ${JSON.stringify(ok.body)}`)
  t.equal(s.app.frontdesk.content.current().engine.entry('en', 'dash-hampers')?.title, 'hampers --- questions: [x]')
})

t.test("an editor's corrections lose NUL, ESC and other control characters", async (t) => {
  const s = await editorServer(t, faqCopy(t))
  const id = await draft(s.store, { entryId: 'ctl-hampers' })
  const accepted = await s.editor.call('POST', `/api/v1/faq/proposals/${id}/accept`, {
    title: 'Hampers\u0000\u001b[31m',
    questions: ['hampers\u0000 for\u001b christmas', 'gift\u0007 baskets'],
    answer: 'We sell\u0000 hampers\u001b[2J from November.',
  })
  t.equal(accepted.status, 200, JSON.stringify(accepted.body))
  const text = readFileSync(join(s.app.frontdesk.config.faqDir, 'en', 'ctl-hampers.md'), 'utf8')
  // eslint-disable-next-line no-control-regex -- control characters are what must not be written
  t.notMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f]|\\u00|\\x1b|\\e/, 'none written, not even escaped')
  t.match(text, /title: Hampers\[31m/)

  const other = await draft(s.store, { entryId: 'ctl-rejected' })
  const rejected = await s.editor.call('POST', `/api/v1/faq/proposals/${other}/reject`, { note: 'no\u0000\u001b[2J thanks' })
  t.equal(rejected.body.proposal.note, 'no[2J thanks', 'a rejection note is cleaned too')
})
