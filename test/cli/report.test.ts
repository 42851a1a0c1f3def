import t from 'tap'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'
import type { Io } from '../../src/cli/io.js'
import { createSqliteStore } from '../../src/store/sqlite.js'

function capture (): Io & { text: () => string } {
  const lines: string[] = []
  return { out: (l) => lines.push(l), err: (l) => lines.push(l), text: () => lines.join('\n') }
}

t.test('faq report groups the unanswered questions of the database, as text and as JSON', async (t) => {
  const dir = t.testdir()
  process.env.DATA_DIR = dir
  t.teardown(() => {
    delete process.env.DATA_DIR
  })
  const store = createSqliteStore({ file: join(dir, 'frontdesk.db') })
  const now = Date.now()
  const ask = async (id: string, text: string, triage: Record<string, unknown>, redactions = 0) => {
    await store.createConversation({
      id,
      state: 'queued',
      lang: 'en',
      visitorName: null,
      pageUrl: null,
      userAgent: null,
      browserLang: 'en',
      tokenHash: 'x',
      createdAt: now - 3_600_000,
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
    await store.appendMessages(id, [
      {
        author: 'visitor',
        text,
        html: null,
        lang: 'en',
        at: now - 3_600_000,
        kind: null,
        clientId: 'q',
        entryId: null,
        operatorId: null,
        data: { triage, ...(redactions > 0 && { redactions }) },
      },
    ])
  }
  await ask('a', 'where is my parcel', { decision: 'escalate', reason: 'low_confidence' })
  await ask('b', "my package hasn't arrived", { decision: 'escalate', reason: 'no_match' })
  await ask('c', 'do you sell garden furniture', { decision: 'escalate', reason: 'low_confidence' })
  await ask('d', 'I want a human', { decision: 'escalate', reason: 'asked_for_person' })
  await ask(
    'e',
    'my card [card number removed] was charged twice',
    { decision: 'escalate', reason: 'low_confidence' },
    1
  )
  await store.close()

  const io = capture()
  t.equal(await main(['faq', 'report', '--since', '2d'], io), 0, io.text())
  t.match(io.text(), /Unanswered questions since .*: 4 in 3 group\(s\)/, 'asking for a person is not an FAQ gap')
  t.match(io.text(), /1\. \[en\] 2 question\(s\) in 2 conversation\(s\)/)
  t.match(io.text(), /"where is my parcel"/)
  t.match(io.text(), /closest entries: order-tracking/)
  t.match(io.text(), /personal data: never proposed/)

  const json = capture()
  t.equal(await main(['faq', 'report', '--json', '--lang', 'en'], json), 0)
  const report = JSON.parse(json.text())
  t.equal(report.groups[0].count, 2)
  t.same(report.groups[0].questions.map((q: { text: string }) => q.text).sort(), [
    "my package hasn't arrived",
    'where is my parcel',
  ])
  t.equal(
    JSON.parse(
      (
        await (async () => {
          const x = capture()
          await main(['faq', 'report', '--json', '--lang', 'it'], x)
          return x
        })()
      ).text()
    ).groups.length,
    0
  )
  const old = capture()
  t.equal(await main(['faq', 'report', '--since', '30m'], old), 0)
  t.match(old.text(), /: 0 in 0 group/, 'older questions are outside the window')

  const bad = capture()
  t.equal(await main(['faq', 'report', '--since', 'last week'], bad), 2)
  t.match(bad.text(), /--since must be like 7d/)
})
