import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import t, { type Test } from 'tap'
import { addOperator, build, connect, login, type Built } from './helpers.js'

const root = join(import.meta.dirname, '..', '..')
const isType = (type: string) => (f: Record<string, any>) => f.type === type

/** A server on a copy of the sample FAQ: accepted proposals write into it. */
async function setup (t: Test) {
  // Not t.testdir(): build() takes that one (and empties it).
  const faqDir = join(mkdtempSync(join(tmpdir(), 'frontdesk-learning-')), 'faq')
  t.teardown(() => rmSync(dirname(faqDir), { recursive: true, force: true }))
  cpSync(join(root, 'faq'), faqDir, { recursive: true })
  const built = await build(t, { faqDir })
  await addOperator(built.store, { username: 'ed', role: 'editor' })
  await addOperator(built.store, { username: 'op' })
  return { ...built, faqDir, editor: await login(built.url, 'ed'), operator: await login(built.url, 'op') }
}

/** A visitor asks one question; resolves with the conversation id and the question's seq. */
async function ask (t: Test, b: Built, text: string): Promise<{ id: string; seq: number; decision: string }> {
  const c = await connect(t, `${b.wsUrl}/ws/visitor`)
  c.send({ type: 'hello', lang: 'en', visitor_id: 'visitor-id-0123456789' })
  const { conversation_id: id } = await c.next(isType('welcome'))
  c.send({ type: 'text', client_id: 'q1', text })
  const ack = await c.next(isType('ack'))
  const [question] = await b.store.messagesAfter(id, ack.seq - 1, 1)
  c.ws.close()
  return { id, seq: ack.seq, decision: String((question?.data?.triage as { decision?: string } | undefined)?.decision) }
}

t.test('unanswered questions are grouped for editors; operators may not read the report', async (t) => {
  const s = await setup(t)
  const asked = [
    await ask(t, s, 'do you sell garden furniture'),
    await ask(t, s, 'do you have outdoor furniture for gardens'),
    await ask(t, s, 'do you sell sofas made of oak'),
  ]
  t.same(
    asked.map((a) => a.decision),
    ['escalate', 'escalate', 'escalate'],
    'the sample FAQ answers none of them'
  )
  const r = await s.editor.call('GET', '/api/v1/faq/report?since=1d')
  t.equal(r.status, 200)
  const garden = r.body.groups.find((g: any) => g.questions.some((q: any) => q.text === 'do you sell garden furniture'))
  t.equal(garden?.count, 2, 'both furniture questions in one group')
  t.equal(garden?.conversations, 2)
  t.same(garden?.questions.map((q: any) => q.text).sort(), [
    'do you have outdoor furniture for gardens',
    'do you sell garden furniture',
  ])
  t.ok(garden?.closest.length > 0, 'with the closest entries')
  t.equal(r.body.groups[0].count, 2, 'biggest group first')
  t.equal(
    (await s.editor.call('GET', '/api/v1/faq/report?since=1d&lang=es')).body.groups.length,
    0,
    'filtered by language'
  )
  t.equal((await s.editor.call('GET', '/api/v1/faq/report?since=yesterday')).status, 400)
  t.equal((await s.operator.call('GET', '/api/v1/faq/report')).status, 403)
  t.equal((await s.operator.call('GET', '/api/v1/faq/proposals')).status, 403)
})

t.test(
  '"answered by entry X" proposes the question; an accepted proposal is one line in the markdown and answers at once',
  async (t) => {
    const s = await setup(t)
    const question = 'is there a loyalty programme'
    const first = await ask(t, s, question)
    const second = await ask(t, s, question)
    t.equal(first.decision, 'escalate', 'not answered before')
    const link1 = await s.operator.call('POST', `/api/v1/conversations/${first.id}/faq-link`, {
      entry_id: 'discount-codes',
      seq: first.seq,
    })
    const link2 = await s.operator.call('POST', `/api/v1/conversations/${second.id}/faq-link`, {
      entry_id: 'discount-codes',
      seq: second.seq,
    })
    t.equal(link1.status, 200)
    t.ok(link1.body.proposal_id)
    t.equal(link2.body.proposal_id, link1.body.proposal_id, 'the same question twice is one proposal')
    const open = await s.editor.call('GET', '/api/v1/faq/proposals')
    const proposal = open.body.proposals.find((p: any) => p.id === link1.body.proposal_id)
    t.match(proposal, {
      kind: 'question',
      lang: 'en',
      entry_id: 'discount-codes',
      questions: [question],
      support: 1,
      conversations: 2,
      status: 'open',
    })
    t.equal(proposal.sources.length, 2, 'one visitor asking twice: two sources, support 1')

    const file = join(s.faqDir, 'en', 'discount-codes.md')
    const before = readFileSync(file, 'utf8')
    const accepted = await s.editor.call('POST', `/api/v1/faq/proposals/${proposal.id}/accept`, {})
    t.equal(accepted.status, 200, JSON.stringify(accepted.body))
    t.equal(accepted.body.proposal.status, 'accepted')
    const after = readFileSync(file, 'utf8')
    const added = after.split('\n').filter((line) => !before.split('\n').includes(line))
    t.same(added, [`  - ${question}`], 'exactly one line added')
    t.equal(after.replace(`  - ${question}\n`, ''), before, 'and nothing else changed')
    const again = await ask(t, s, question)
    t.equal(again.decision, 'answer', 'the reloaded FAQ answers it')
    t.equal(
      (await s.editor.call('POST', `/api/v1/faq/proposals/${proposal.id}/accept`, {})).status,
      409,
      'decided once'
    )
    t.equal((await s.editor.call('POST', `/api/v1/faq/proposals/${proposal.id}/reject`, {})).status, 409)
    t.equal((await s.editor.call('POST', '/api/v1/faq/proposals/nope/accept', {})).status, 404)
    t.equal(
      (await s.operator.call('POST', `/api/v1/faq/proposals/${proposal.id}/accept`, {})).status,
      403,
      'operators cannot accept'
    )
    t.equal(
      (await s.editor.call('GET', '/api/v1/faq/proposals?status=accepted')).body.proposals[0].file.endsWith(
        'discount-codes.md'
      ),
      true
    )
  }
)

t.test(
  'personal questions are never proposed; an edit that would break the FAQ is refused and not written',
  async (t) => {
    const s = await setup(t)
    const personal = await ask(t, s, 'my order 12345678 has not come, mail me at ana@example.com')
    const link = await s.operator.call('POST', `/api/v1/conversations/${personal.id}/faq-link`, {
      entry_id: 'order-tracking',
      seq: personal.seq,
    })
    t.equal(link.status, 200)
    t.equal(link.body.not_proposed, 'personal')
    t.notOk(link.body.proposal_id)

    const q = await ask(t, s, 'do you deliver to the moon')
    const ok = await s.operator.call('POST', `/api/v1/conversations/${q.id}/faq-link`, {
      entry_id: 'shipping-countries',
      seq: q.seq,
    })
    const file = join(s.faqDir, 'en', 'shipping-countries.md')
    const before = readFileSync(file, 'utf8')
    // The editor "corrects" it into a question another entry already has: the loader would refuse that FAQ.
    const broken = await s.editor.call('POST', `/api/v1/faq/proposals/${ok.body.proposal_id}/accept`, {
      question: 'Where is my order?',
    })
    t.equal(broken.status, 422)
    t.match(broken.body.message, /would not load.*order-tracking/)
    t.equal(readFileSync(file, 'utf8'), before, 'nothing written')
    const rejected = await s.editor.call('POST', `/api/v1/faq/proposals/${ok.body.proposal_id}/reject`, {
      note: 'we do not',
    })
    t.equal(rejected.status, 200)
    t.match(rejected.body.proposal, { status: 'rejected', note: 'we do not' })
    const relinked = await s.operator.call('POST', `/api/v1/conversations/${q.id}/faq-link`, {
      entry_id: 'shipping-countries',
      seq: q.seq,
    })
    t.equal(relinked.body.proposal_id, ok.body.proposal_id)
    t.equal(
      (await s.editor.call('GET', '/api/v1/faq/proposals')).body.proposals.length,
      0,
      'a rejected proposal is not reopened'
    )
  }
)

t.test(
  'the same reply to three conversations proposes a draft entry; accepted, it is a new file the bot answers from',
  async (t) => {
    const s = await setup(t)
    // A minute ago, as the server's clock sees it: the sweep reads what was said before its own "now".
    // Stamped at Date.now() + i, the last question was a few ms in the future whenever the sweep ran
    // within those ms, and was left out.
    const now = Date.now() - 60_000
    const questions = [
      'do you sell christmas hampers',
      'christmas hamper for my team',
      'are there hampers for christmas',
    ]
    for (const [i, text] of questions.entries()) {
      const id = `hamper-${i}`
      await s.store.createConversation({
        id,
        state: 'assigned',
        lang: 'en',
        visitorName: null,
        pageUrl: null,
        userAgent: null,
        browserLang: 'en',
        tokenHash: 'x',
        createdAt: now,
        updatedAt: now,
        queuedAt: now,
        assignedTo: 'op-op',
        assignedAt: now,
        lastVisitorAt: now,
        lastOperatorAt: now,
        remindedAt: null,
        closedAt: null,
        visitorKey: null,
      })
      await s.store.appendMessages(id, [
        {
          author: 'visitor',
          text,
          html: null,
          lang: 'en',
          at: now + i,
          kind: null,
          clientId: 'q',
          entryId: null,
          operatorId: null,
          data: { triage: { decision: 'escalate', reason: 'low_confidence' } },
        },
        {
          author: 'operator',
          text:
            [
              'Yes: our Christmas hampers are sold from 1 November, with free gift wrap.',
              'Christmas hampers are on sale from 1 November and gift wrap is free.',
              'From 1 November we sell Christmas hampers; the gift wrap is free.',
            ][i] ?? '',
          html: null,
          lang: 'en',
          at: now + i + 1,
          kind: null,
          clientId: null,
          entryId: null,
          operatorId: 'op-op',
          data: null,
        },
      ])
    }
    await s.app.frontdesk.learning.sweep()
    const drafts = (await s.editor.call('GET', '/api/v1/faq/proposals')).body.proposals.filter(
      (p: any) => p.kind === 'entry'
    )
    t.equal(drafts.length, 1)
    t.same(drafts[0].questions.slice().sort(), questions.slice().sort())
    t.match(drafts[0].answer, /hampers/i)
    t.equal(drafts[0].support, 3)
    await s.app.frontdesk.learning.sweep()
    t.equal(
      (await s.editor.call('GET', '/api/v1/faq/proposals')).body.proposals.filter((p: any) => p.kind === 'entry')[0]
        .support,
      3,
      'a second sweep adds nothing'
    )
    const clash = await s.editor.call('POST', `/api/v1/faq/proposals/${drafts[0].id}/accept`, { entry_id: 'returns' })
    t.equal(clash.status, 409, 'an existing id is refused')
    const bad = await s.editor.call('POST', `/api/v1/faq/proposals/${drafts[0].id}/accept`, { entry_id: 'Bad Id' })
    t.equal(bad.status, 400)
    const accepted = await s.editor.call('POST', `/api/v1/faq/proposals/${drafts[0].id}/accept`, {
      entry_id: 'christmas-hampers',
      title: 'Christmas hampers',
      answer: 'Our Christmas hampers are sold from 1 November, with free gift wrap.',
    })
    t.equal(accepted.status, 200, JSON.stringify(accepted.body))
    t.match(
      readFileSync(join(s.faqDir, 'en', 'christmas-hampers.md'), 'utf8'),
      /^---\ntitle: Christmas hampers\nquestions:\n {2}- /
    )
    t.ok(s.app.frontdesk.content.current().engine.entry('en', 'christmas-hampers'), 'loaded at once')
    t.equal((await ask(t, s, 'do you sell christmas hampers')).decision, 'answer')
  }
)
