import { randomUUID } from 'node:crypto'
import type { Test } from 'tap'
import type { Conversation, Operator, Store } from '../../src/store/types.js'

/** One behaviour suite for every Store implementation: SQLite now, PostgreSQL with the same tests. */
export function storeSuite (t: Test, open: () => Promise<Store>): void {
  const conversation = (over: Partial<Conversation> = {}): Omit<Conversation, 'lastSeq'> => ({
    id: randomUUID(),
    state: 'bot',
    lang: 'es',
    visitorName: 'Lucía',
    pageUrl: 'https://shop.example/envios',
    userAgent: 'Mozilla/5.0',
    browserLang: 'es',
    tokenHash: 'h'.repeat(64),
    createdAt: 1_000,
    updatedAt: 1_000,
    queuedAt: null,
    assignedTo: null,
    assignedAt: null,
    lastVisitorAt: null,
    lastOperatorAt: null,
    remindedAt: null,
    closedAt: null,
    visitorKey: null,
    ...over,
  })
  const text = (t: string, clientId: string | null = null, at = 2_000) => ({
    author: 'visitor' as const,
    text: t,
    html: null,
    lang: 'es',
    at,
    kind: null,
    clientId,
    entryId: null,
    operatorId: null,
    data: null,
  })
  const operator = (over: Partial<Operator> = {}): Operator => ({
    id: randomUUID(),
    username: 'marta',
    name: 'Marta Rossi',
    role: 'operator',
    langs: ['it', 'en'],
    passwordHash: 'scrypt$x',
    capacity: 3,
    failedLogins: 0,
    lockedUntil: null,
    createdAt: 1_000,
    disabled: false,
    ...over,
  })

  t.test('a new conversation can be read back whole', async (t) => {
    const store = await open()
    const c = conversation()
    await store.createConversation(c)
    t.same(await store.getConversation(c.id), { addressKey: null, ...c, lastSeq: 0 })
    t.equal(await store.getConversation('missing'), undefined)
  })

  t.test('messages get gap-free sequence numbers and the conversation its last one', async (t) => {
    const store = await open()
    const c = conversation()
    await store.createConversation(c)
    const first = await store.appendMessages(c.id, [text('¿Dónde está mi pedido?', 'c1')])
    const second = await store.appendMessages(c.id, [
      text('hola', 'c2'),
      { ...text('Respuesta'), author: 'bot', html: '<p>Respuesta</p>', data: { evidence: { confidence: 0.9 } } },
    ])
    t.same(
      first?.messages.map((m) => m.seq),
      [1]
    )
    t.same(
      second?.messages.map((m) => m.seq),
      [2, 3]
    )
    t.equal(second?.conversation.lastSeq, 3)
    const all = await store.messagesAfter(c.id, 0)
    t.same(
      all.map((m) => [m.seq, m.text]),
      [
        [1, '¿Dónde está mi pedido?'],
        [2, 'hola'],
        [3, 'Respuesta'],
      ]
    )
    t.same(all[2]?.data, { evidence: { confidence: 0.9 } })
    t.same(
      (await store.messagesAfter(c.id, 2)).map((m) => m.seq),
      [3]
    )
  })

  t.test('a resend with a stored client id writes nothing and returns the first message', async (t) => {
    const store = await open()
    const c = conversation()
    await store.createConversation(c)
    const first = await store.appendMessages(c.id, [text('hola', 'same')])
    const again = await store.appendMessages(c.id, [text('hola', 'same')])
    t.equal(again?.duplicate, true)
    t.equal(again?.messages[0]?.seq, first?.messages[0]?.seq)
    t.equal((await store.messagesAfter(c.id, 0)).length, 1)
  })

  t.test(
    "a client id deduplicates one author's resends only: the same id from another author is another message",
    async (t) => {
      const store = await open()
      const c = conversation()
      await store.createConversation(c)
      await store.appendMessages(c.id, [{ ...text('Un momento', 'same-id'), author: 'operator', operatorId: 'op1' }])
      const visitor = await store.appendMessages(c.id, [text('vale', 'same-id')])
      t.equal(visitor?.duplicate, false)
      t.equal(
        (await store.appendMessages(c.id, [text('vale', 'same-id')]))?.duplicate,
        true,
        "the visitor's own resend is one"
      )
      t.same(
        (await store.messagesAfter(c.id, 0)).map((m) => [m.author, m.text]),
        [
          ['operator', 'Un momento'],
          ['visitor', 'vale'],
        ]
      )
    }
  )

  t.test('concurrent appends never share or skip a sequence number', async (t) => {
    const store = await open()
    const c = conversation()
    await store.createConversation(c)
    await Promise.all(Array.from({ length: 40 }, (_, i) => store.appendMessages(c.id, [text(`m${i}`, `c${i}`)])))
    await Promise.all(Array.from({ length: 10 }, () => store.appendMessages(c.id, [text('dup', 'one-id')])))
    const seqs = (await store.messagesAfter(c.id, 0)).map((m) => m.seq)
    t.same(
      seqs,
      Array.from({ length: 41 }, (_, i) => i + 1)
    )
  })

  t.test('a guarded update applies only while the guard holds', async (t) => {
    const store = await open()
    const c = conversation({ state: 'queued', queuedAt: 1_500 })
    await store.createConversation(c)
    const claims = await Promise.all(
      ['op-a', 'op-b'].map((op) =>
        store.updateConversation(
          c.id,
          { state: 'assigned', assignedTo: op, assignedAt: 3_000 },
          { states: ['queued'] }
        )
      )
    )
    t.equal(claims.filter((r) => r !== undefined).length, 1, 'exactly one claim wins')
    const owner = (await store.getConversation(c.id))?.assignedTo
    t.ok(owner === 'op-a' || owner === 'op-b')
    t.equal(await store.updateConversation(c.id, { state: 'closed' }, { assignedTo: 'someone-else' }), undefined)
    t.equal((await store.getConversation(c.id))?.state, 'assigned')
  })

  t.test('an append with a failing guard stores nothing', async (t) => {
    const store = await open()
    const c = conversation({ state: 'assigned', assignedTo: 'op-a' })
    await store.createConversation(c)
    t.equal(
      await store.appendMessages(c.id, [{ ...text('bot answer'), author: 'bot' }], undefined, { states: ['bot'] }),
      undefined
    )
    t.same(await store.messagesAfter(c.id, 0), [])
  })

  t.test('conversations are listed by state in queue order', async (t) => {
    const store = await open()
    const late = conversation({ state: 'queued', queuedAt: 9_000 })
    const early = conversation({ state: 'queued', queuedAt: 5_000 })
    await store.createConversation(late)
    await store.createConversation(early)
    await store.createConversation(conversation({ state: 'closed' }))
    const queued = await store.listConversations({ states: ['queued'] })
    t.same(
      queued.filter((c) => c.id === late.id || c.id === early.id).map((c) => c.id),
      [early.id, late.id]
    )
    t.notOk(queued.some((c) => c.state !== 'queued'))
  })

  t.test('a queue longer than a page is counted, paged, and listed whole for places', async (t) => {
    const store = await open()
    const before = await store.countConversations({ states: ['queued'] })
    const ids: string[] = []
    // Queued in the future of every other test's conversations, so they come last, in this order.
    for (let i = 0; i < 520; i++) {
      const c = conversation({ state: 'queued', lang: i % 2 === 0 ? 'es' : 'it', queuedAt: 10_000_000 + i })
      await store.createConversation(c)
      ids.push(c.id)
    }
    t.equal(await store.countConversations({ states: ['queued'] }), before + 520)
    const page = await store.listConversations({ states: ['queued'], limit: 10, offset: before + 510 })
    t.same(
      page.map((c) => c.id),
      ids.slice(510)
    )
    const all = await store.listQueued()
    t.equal(all.length, before + 520, 'listQueued has no limit')
    t.same(all.slice(-520), ids.map((id, i) => ({ id, lang: i % 2 === 0 ? 'es' : 'it', queuedAt: 10_000_000 + i })))
  })

  t.test('operators are stored with their languages and found by username', async (t) => {
    const store = await open()
    const o = operator({ username: `u-${randomUUID()}` })
    await store.createOperator(o)
    t.same(await store.getOperatorByUsername(o.username), o)
    await store.updateOperator(o.id, { langs: ['ru'], disabled: true })
    t.match(await store.getOperator(o.id), { langs: ['ru'], disabled: true })
  })

  t.test('parallel failed logins are all counted and lock the account', async (t) => {
    const store = await open()
    const o = operator({ username: `u-${randomUUID()}` })
    await store.createOperator(o)
    await Promise.all(Array.from({ length: 50 }, () => store.recordLoginFailure(o.id, 10_000, 5, 60_000)))
    t.match(await store.getOperator(o.id), { failedLogins: 50, lockedUntil: 70_000 })
  })

  t.test('one failed login after a lock has expired starts a new count instead of locking again', async (t) => {
    const store = await open()
    const o = operator({ username: `u-${randomUUID()}` })
    await store.createOperator(o)
    for (let i = 0; i < 5; i++) await store.recordLoginFailure(o.id, 10_000, 5, 60_000)
    t.same(await store.recordLoginFailure(o.id, 80_000, 5, 60_000), { failedLogins: 1, lockedUntil: null })
    t.match(await store.getOperator(o.id), { failedLogins: 1, lockedUntil: null })
  })

  t.test('sessions expire and can be deleted', async (t) => {
    const store = await open()
    const o = operator({ username: `u-${randomUUID()}` })
    await store.createOperator(o)
    await store.createSession({
      idHash: `s-${o.id}`,
      operatorId: o.id,
      csrfToken: 'csrf',
      createdAt: 1,
      expiresAt: 100,
    })
    t.match(await store.getSession(`s-${o.id}`), { operatorId: o.id, csrfToken: 'csrf' })
    t.ok((await store.deleteExpiredSessions(100)) >= 1)
    t.equal(await store.getSession(`s-${o.id}`), undefined)
  })

  t.test('an unhandled offline message survives retention; handled ones go with their conversation', async (t) => {
    const store = await open()
    const kept = conversation({ state: 'offline', updatedAt: 10 })
    const gone = conversation({ state: 'closed', updatedAt: 10 })
    await store.createConversation(kept)
    await store.createConversation(gone)
    await store.appendMessages(gone.id, [text('viejo', null, 10)])
    await store.addContact({
      id: randomUUID(),
      conversationId: kept.id,
      email: 'lucia@example.com',
      text: 'Llamadme',
      lang: 'es',
      at: 10,
      handledBy: null,
      handledAt: null,
    })
    t.ok((await store.purgeBefore(500)) >= 1)
    t.ok(await store.getConversation(kept.id))
    t.equal(await store.getConversation(gone.id), undefined)
    t.same(await store.messagesAfter(gone.id, 0), [])
    const open_ = await store.listContacts({ handled: false })
    const contact = open_.find((c) => c.conversationId === kept.id)
    t.ok(contact)
    t.equal(await store.markContactHandled(contact!.id, 'op-a', 600), true)
    t.equal(await store.markContactHandled(contact!.id, 'op-b', 700), false, 'handled once')
  })

  t.test('a store says where another thread can open the same data', async (t) => {
    const store = await open()
    t.equal(store.location?.kind, store.kind)
    const where = store.location?.kind === 'sqlite' ? store.location.file : store.location?.url
    t.ok(where !== undefined && where.length > 0, 'a file or a URL')
  })

  t.test('live counts: open states, the oldest wait, recent bot conversations and open contacts', async (t) => {
    const store = await open()
    t.same(await store.liveCounts(0), {
      queued: 0,
      oldestQueuedAt: null,
      assigned: 0,
      offline: 0,
      recentBot: 0,
      openContacts: 0,
    })
    await store.createConversation(conversation({ state: 'queued', createdAt: 100, queuedAt: 300 }))
    await store.createConversation(conversation({ state: 'queued', createdAt: 200, queuedAt: null }))
    await store.createConversation(conversation({ state: 'queued', createdAt: 50, queuedAt: 400 }))
    await store.createConversation(conversation({ state: 'assigned', assignedTo: 'op-a' }))
    await store.createConversation(conversation({ state: 'closed' }))
    await store.createConversation(conversation({ state: 'bot', createdAt: 5_000 }))
    await store.createConversation(conversation({ state: 'bot', createdAt: 4_999 }))
    const offline = conversation({ state: 'offline' })
    await store.createConversation(offline)
    for (const [id, handledAt] of [[randomUUID(), null], [randomUUID(), 900]] as const) {
      await store.addContact({
        id,
        conversationId: offline.id,
        email: 'lucia@example.com',
        text: 'Llamadme',
        lang: 'es',
        at: 10,
        handledBy: handledAt === null ? null : 'op-a',
        handledAt,
      })
    }
    t.same(await store.liveCounts(5_000), {
      queued: 3,
      oldestQueuedAt: 200,
      assigned: 1,
      offline: 1,
      recentBot: 1,
      openContacts: 1,
    })
  })

  t.test('an exclusive job does not run twice at the same time', async (t) => {
    const store = await open()
    let inside = 0
    let max = 0
    const job = async () => {
      inside++
      max = Math.max(max, inside)
      await new Promise((resolve) => setTimeout(resolve, 20))
      inside--
    }
    const ran = await Promise.all([store.runExclusive('retention', job), store.runExclusive('retention', job)])
    t.same(ran.sort(), [false, true])
    t.equal(max, 1)
  })

  t.test('an FAQ link is stored once and listed by time', async (t) => {
    const store = await open()
    const c = conversation()
    await store.createConversation(c)
    const link = {
      id: `${c.id}:3`,
      conversationId: c.id,
      seq: 3,
      entryId: 'returns',
      lang: 'es',
      question: '¿puedo devolverlo?',
      operatorId: 'op-a',
      at: 5_000,
    }
    await store.addFaqLink(link)
    await store.addFaqLink({ ...link, entryId: 'refunds' })
    const links = (await store.listFaqLinks({ since: 4_000 })).filter((l) => l.conversationId === c.id)
    t.same(links, [link])
  })

  t.test('presence from any instance counts until it expires, and can be dropped', async (t) => {
    const store = await open()
    const a = operator({ username: `u-${randomUUID()}` })
    const b = operator({ username: `u-${randomUUID()}` })
    await store.createOperator(a)
    await store.createOperator(b)
    await store.touchPresence(a.id, 'instance-1', 10_000)
    await store.touchPresence(b.id, 'instance-2', 5_000)
    await store.touchPresence(b.id, 'instance-2', 20_000)
    const online = async (now: number) =>
      (await store.onlineOperatorIds(now)).filter((id) => id === a.id || id === b.id).sort()
    t.same(await online(6_000), [a.id, b.id].sort(), 'a renewal extends it')
    t.same(await online(15_000), [b.id])
    await store.dropPresence(b.id, 'instance-2')
    t.same(await online(15_000), [])
  })

  t.test('handling times are closed minus assigned, newest first', async (t) => {
    const store = await open()
    const since = 50_000_000 + Math.floor(Math.random() * 1_000_000)
    await store.createConversation(conversation({ state: 'closed', assignedAt: since + 100, closedAt: since + 400 }))
    await store.createConversation(conversation({ state: 'closed', assignedAt: since + 200, closedAt: since + 1_200 }))
    await store.createConversation(conversation({ state: 'closed', assignedAt: null, closedAt: since + 1_300 }))
    t.same(await store.handlingTimes(since, 10), [1_000, 300])
  })

  t.test('a repeated proposal adds its new sources as support, a decided one is never reopened', async (t) => {
    const store = await open()
    const source = (seq: number, conversationId = 'c1') => ({ conversationId, seq, operatorId: 'op1', at: 5_000 + seq })
    const proposal = (sources: ReturnType<typeof source>[], at = 5_000) => ({
      id: randomUUID(),
      kind: 'question' as const,
      lang: 'es',
      entryId: 'refunds',
      dedupeKey: 'question|es|refunds|devolver dinero',
      questions: ['¿me devolvéis el dinero?'],
      title: null,
      answer: null,
      sources,
      createdAt: at,
    })
    const first = await store.upsertProposal(proposal([source(1)]))
    t.equal(first.created, true)
    t.equal(first.proposal.support, 1)
    t.equal(first.proposal.status, 'open')
    const again = await store.upsertProposal(proposal([source(1), source(4, 'c5')], 6_000))
    t.equal(again.created, false)
    t.equal(again.proposal.id, first.proposal.id, 'the same row')
    t.equal(again.proposal.support, 2, 'the source already counted is not counted twice')
    t.same(
      (await store.getProposal(first.proposal.id))?.sources.map((s) => s.seq),
      [1, 4]
    )
    t.equal((await store.getProposal(first.proposal.id))?.updatedAt, 6_000)
    // Racing repeats from two instances both count.
    await Promise.all([
      store.upsertProposal(proposal([source(7, 'c2')])),
      store.upsertProposal(proposal([source(8, 'c3')])),
    ])
    t.equal((await store.getProposal(first.proposal.id))?.support, 4)
    const oneVisitor = [source(5, 'c6'), source(6, 'c7')].map((s) => ({ ...s, visitorKey: 'v-one' }))
    const sameVisitor = await store.upsertProposal(proposal(oneVisitor, 7_000))
    t.equal(sameVisitor.proposal.support, 5, 'two conversations of one visitor count once')
    t.equal(sameVisitor.proposal.sources.length, 6, 'and both are listed')

    const decided = await store.decideProposal(first.proposal.id, {
      status: 'accepted',
      decidedBy: 'ed1',
      decidedAt: 9_000,
      file: 'faq/es/refunds.md',
      note: 'added',
    })
    t.equal(decided?.status, 'accepted')
    t.equal(decided?.file, 'faq/es/refunds.md')
    t.equal(
      await store.decideProposal(first.proposal.id, { status: 'rejected', decidedBy: 'ed2', decidedAt: 9_500 }),
      undefined,
      'decided once'
    )
    const late = await store.upsertProposal(proposal([source(9, 'c4')]))
    t.equal(late.proposal.status, 'accepted', 'a repeat after the decision does not reopen it')
    t.equal(late.proposal.support, 5)
    t.same(
      (await store.listProposals({ status: 'open' })).filter((p) => p.dedupeKey === first.proposal.dedupeKey),
      []
    )
    t.equal((await store.listProposals({ status: 'accepted', lang: 'es' })).length, 1)
    t.equal((await store.listProposals({ status: 'accepted', lang: 'it' })).length, 0)
  })

  t.test('two editors deciding one proposal at once: exactly one decision holds', async (t) => {
    const store = await open()
    const { proposal } = await store.upsertProposal({
      id: randomUUID(),
      kind: 'entry',
      lang: 'en',
      entryId: 'gift-receipt',
      dedupeKey: `entry|en|${randomUUID()}`,
      questions: ['can I get a gift receipt'],
      title: 'Gift receipts',
      answer: 'Yes, tick "gift" at checkout.',
      sources: [],
      createdAt: 1,
    })
    const results = await Promise.all([
      store.decideProposal(proposal.id, { status: 'accepted', decidedBy: 'a', decidedAt: 2 }),
      store.decideProposal(proposal.id, { status: 'rejected', decidedBy: 'b', decidedAt: 2 }),
    ])
    t.equal(results.filter((r) => r !== undefined).length, 1)
    t.equal((await store.getProposal(proposal.id))?.status, results.find((r) => r !== undefined)?.status)
  })

  t.test('analytics reads: conversations by creation time, their text-free messages, visitor questions', async (t) => {
    const store = await open()
    const base = 70_000_000 + Math.floor(Math.random() * 1_000_000)
    const inside = conversation({ createdAt: base + 10, visitorKey: 'k'.repeat(64) })
    const outside = conversation({ createdAt: base + 5_000 })
    await store.createConversation(inside)
    await store.createConversation(outside)
    await store.appendMessages(inside.id, [
      {
        ...text('¿dónde está mi paquete?', 'q1', base + 20),
        data: { triage: { decision: 'escalate', reason: 'low_confidence' } },
      },
      { ...text('Lo siento', null, base + 21), author: 'bot', kind: 'escalate' },
      { ...text('No', 'f1', base + 30), kind: 'feedback', data: { seq: 2, helpful: false } },
      text('plain, no data', 'p1', base + 40),
    ])
    await store.appendMessages(outside.id, [
      { ...text('otra', 'q2', base + 5_010), data: { triage: { decision: 'answer' } } },
    ])
    t.same(
      (await store.conversationsCreated(base, base + 1_000)).map((c) => [c.id, c.visitorKey]),
      [[inside.id, 'k'.repeat(64)]]
    )
    const events = await store.messageEvents(base, base + 1_000)
    t.same(
      events.map((m) => [m.conversationId, m.seq, m.kind]),
      [
        [inside.id, 1, null],
        [inside.id, 2, 'escalate'],
        [inside.id, 3, 'feedback'],
        [inside.id, 4, null],
      ]
    )
    t.notOk(
      events.some((m) => 'text' in m || 'html' in m),
      'no text in analytics events'
    )
    t.same(events[2]?.data, { seq: 2, helpful: false })
    const questions = await store.visitorQuestions({ since: base, until: base + 10_000 })
    t.same(
      questions.map((m) => [m.conversationId, m.seq, m.text]),
      [
        [inside.id, 1, '¿dónde está mi paquete?'],
        [inside.id, 3, 'No'],
        [outside.id, 1, 'otra'],
      ],
      'typed questions with data and feedback, oldest first; plain text without data is left out'
    )
    t.same((await store.visitorQuestions({ since: base, until: base + 1_000 })).length, 2)
    t.same(
      (await store.visitorQuestions({ since: base, until: base + 10_000, limit: 2 })).map((m) => m.seq),
      [3, 1],
      'over the limit: the newest, oldest first'
    )
  })
}
