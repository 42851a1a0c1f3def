import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { buildFaq, type FaqInput } from '../core/faq/build.js'
import { EntryIdPattern, type FaqSource } from '../core/faq/parse.js'
import { formatProblem, type ContentProblem, type ErrorCode } from '../core/errors.js'
import { addQuestion, newEntryDocument, questionProblem, slugFor } from '../core/learning/edit.js'
import { groupQuestions, type QuestionForGrouping } from '../core/learning/group.js'
import type { UnansweredReason } from '../core/learning/reasons.js'
import {
  personalReason,
  proposalsFromReplies,
  questionFromLink,
  type AnsweredQuestion,
  type SkipReason,
} from '../core/learning/proposals.js'
import { tokenize, foldText } from '../core/text/normalize.js'
import { readFaqFolder } from '../content/faq.js'
import type { Content } from '../content/load.js'
import type { Message, Proposal, ProposalSource, Store } from '../store/types.js'

/** What the learning loop needs: store, clock, the current content, a reload, and the FAQ folder it writes to. */
export interface LearningDeps {
  store: Store
  content: () => Content
  /** Loads the FAQ again after an accepted edit; resolves with the problems (errors keep the old FAQ). */
  reload: () => Promise<ContentProblem[]>
  faqDir: string
  clock: () => number
}

/** A visitor question the bot could not answer, with why and its terms for grouping. */
export interface UnansweredQuestion extends QuestionForGrouping {
  conversationId: string
  seq: number
  lang: string
  at: number
  reason: UnansweredReason
  /** The question had personal data removed (or still looks personal): shown, never learned from. */
  personal: boolean
}

/** Unanswered questions that ask the same thing, with the entries closest to them. */
export interface ReportGroup {
  id: string
  lang: string
  count: number
  conversations: number
  reasons: Partial<Record<UnansweredReason, number>>
  firstAt: number
  lastAt: number
  /** Up to 20, newest first. */
  questions: Pick<UnansweredQuestion, 'text' | 'conversationId' | 'seq' | 'at' | 'reason' | 'personal'>[]
  closest: { entryId: string; title: string; confidence: number }[]
  topTerms: string[]
}

/** The editors' report: unanswered questions since a time, grouped, biggest first. */
export interface Report {
  since: number
  until: number
  lang: string | null
  questions: number
  groups: ReportGroup[]
}

/** Why an accept or reject was refused; `problems` has what the FAQ loader would report. */
export type Failure = { ok: false; code: ErrorCode; message: string; problems?: ContentProblem[] }
const fail = (code: ErrorCode, message: string, problems?: ContentProblem[]): Failure => ({
  ok: false,
  code,
  message,
  ...(problems !== undefined && { problems }),
})

/** What an editor may change in a proposal when accepting it. */
export interface AcceptEdits {
  question?: string
  entryId?: string
  title?: string
  questions?: string[]
  answer?: string
}

/** What the bot decided about a typed visitor message, as stored with it (see conversations.ts `evidenceOf`). */
const triageOf = (m: Message): { decision?: string; reason?: string } | undefined =>
  m.data?.triage as { decision?: string; reason?: string } | undefined

const ReportLimit = 20_000
const ReplyWindowMs = 30 * 86_400_000

/**
 * The learning loop: what visitors asked that the bot could not answer, grouped for editors;
 * proposals from operators' links, visitors' choices and operators' repeated replies; and an
 * editor's acceptance, written into the FAQ's markdown and loaded at once. Nothing an operator
 * or a visitor wrote reaches the FAQ without an editor's acceptance, and nothing personal is
 * ever proposed.
 */
export function createLearning (deps: LearningDeps) {
  const { store, clock } = deps
  // Accepted edits are written one at a time: two editors accepting into one file must not lose a line.
  let writing: Promise<unknown> = Promise.resolve()

  const view = (lang: string, text: string): Pick<QuestionForGrouping, 'terms' | 'candidates'> => {
    const content = deps.content()
    const matcher = content.engine.matchers.get(lang)
    if (matcher === undefined) return { terms: tokenize(foldText(text)), candidates: [] }
    const r = matcher.match(text, 8)
    return {
      terms: r.terms,
      candidates: r.candidates.map((c) => ({
        entryId: c.entryId,
        title: content.engine.entry(lang, c.entryId)?.title ?? c.entryId,
        confidence: c.confidence,
      })),
    }
  }

  /** The visitor question a bot message of `seq` answered: the last typed visitor message before it. */
  const questionBefore = async (conversationId: string, seq: number): Promise<Message | undefined> => {
    const before = await store.messagesAfter(conversationId, Math.max(0, seq - 20), 20)
    return before.filter((m) => m.seq < seq && m.author === 'visitor' && m.kind === null).at(-1)
  }

  const unanswered = async (since: number, until: number, lang?: string): Promise<UnansweredQuestion[]> => {
    const out: UnansweredQuestion[] = []
    const seen = new Set<string>()
    for (const m of await store.visitorQuestions({ since, until, limit: ReportLimit })) {
      let question: Message | undefined
      let reason: UnansweredReason | undefined
      const triage = triageOf(m)
      if (m.kind === null && triage?.decision === 'escalate' && triage.reason !== 'asked_for_person') {
        question = m
        reason =
          triage.reason === 'no_match' || triage.reason === 'unsupported_language' ? triage.reason : 'low_confidence'
      } else if (m.kind === 'feedback' && m.data?.helpful === false && typeof m.data.seq === 'number') {
        question = await questionBefore(m.conversationId, m.data.seq)
        reason = 'unhelpful'
      }
      if (question === undefined || reason === undefined) continue
      const key = `${question.conversationId}:${question.seq}`
      if (seen.has(key) || (lang !== undefined && question.lang !== lang)) continue
      seen.add(key)
      out.push({
        key,
        text: question.text,
        conversationId: question.conversationId,
        seq: question.seq,
        lang: question.lang,
        at: question.at,
        reason,
        personal: personalReason(question.text, redactionsOf(question)) !== undefined,
        ...view(question.lang, question.text),
      })
    }
    return out
  }

  const propose = async (
    p: Omit<
      Proposal,
      'id' | 'support' | 'status' | 'updatedAt' | 'decidedBy' | 'decidedAt' | 'file' | 'note' | 'createdAt'
    >
  ): Promise<Proposal> => (await store.upsertProposal({ ...p, id: randomUUID(), createdAt: clock() })).proposal

  /** Proposes a visitor's question as a new way of asking `entryId`; returns why not when it is not proposed. */
  const proposeQuestion = async (
    q: { lang: string; text: string; redactions: number },
    entryId: string,
    source: ProposalSource
  ): Promise<{ proposal?: Proposal; skipped?: SkipReason }> => {
    const entry = deps.content().engine.entry(q.lang, entryId)
    if (entry === undefined) return { skipped: 'no_terms' }
    const r = questionFromLink({
      lang: q.lang,
      entryId,
      text: q.text,
      terms: view(q.lang, q.text).terms,
      redactions: q.redactions,
      entryQuestions: entry.questions,
    })
    if (!r.ok) return { skipped: r.reason }
    return {
      proposal: await propose({
        kind: 'question',
        lang: q.lang,
        entryId,
        dedupeKey: r.dedupeKey,
        questions: [r.question],
        title: null,
        answer: null,
        sources: [source],
      }),
    }
  }
  const redactionsOf = (m: Message): number => Number(m.data?.redactions ?? 0)

  /** The FAQ folder as it is on disk now (an edit starts from the files, not from what was loaded). */
  const readFolder = async (): Promise<FaqInput> => {
    const { input, problems } = await readFaqFolder(deps.faqDir)
    if (problems.some((p) => p.severity === 'error')) {
      throw new Error(`the FAQ folder cannot be read: ${problems.map(formatProblem).join('; ')}`)
    }
    return input
  }
  /** A document's file: its shown path is relative to the working directory when below it. */
  const absolute = (doc: FaqSource): string => resolve(process.cwd(), doc.file)

  /** Writes a file whole or not at all (a temporary file renamed over it). */
  const writeAtomically = async (path: string, text: string, exclusive = false): Promise<void> => {
    await mkdir(dirname(path), { recursive: true })
    if (exclusive) {
      await writeFile(path, text, { flag: 'wx' })
      return
    }
    const tmp = join(dirname(path), `.${randomUUID()}.tmp`)
    try {
      await writeFile(tmp, text)
      await rename(tmp, path)
    } catch (err) {
      await rm(tmp, { force: true })
      throw err
    }
  }

  const accept = async (
    id: string,
    editorId: string,
    edits: AcceptEdits
  ): Promise<{ ok: true; proposal: Proposal; file: string } | Failure> => {
    const proposal = await store.getProposal(id)
    if (proposal === undefined) return fail('FD_ERR_NOT_FOUND', 'no such proposal')
    if (proposal.status !== 'open') return fail('FD_ERR_CONFLICT', `this proposal was already ${proposal.status}`)
    const folder = await readFolder()
    let path: string
    let before: string | undefined
    let text: string
    let documents: FaqSource[]
    if (proposal.kind === 'question') {
      const question = (edits.question ?? proposal.questions[0] ?? '').trim()
      const doc = folder.documents.find((d) => d.lang === proposal.lang && d.id === proposal.entryId)
      if (doc === undefined) {
        return fail('FD_ERR_NOT_FOUND', `the entry "${proposal.entryId}" (${proposal.lang}) is not in the FAQ any more`)
      }
      const edited = addQuestion(doc, question)
      if (!edited.ok) return fail('FD_ERR_REQUEST_INVALID', edited.message)
      path = absolute(doc)
      before = doc.text
      text = edited.text
      documents = folder.documents.map((d) => (d === doc ? { ...d, text } : d))
    } else {
      const title = (edits.title ?? proposal.title ?? '').trim()
      const entryId = (edits.entryId ?? proposal.entryId ?? slugFor(title)).trim()
      const questions = (edits.questions ?? proposal.questions).map((q) => q.trim()).filter((q) => q !== '')
      const answer = (edits.answer ?? proposal.answer ?? '').trim()
      if (!EntryIdPattern.test(entryId)) {
        return fail(
          'FD_ERR_REQUEST_INVALID',
          `"${entryId}" is not a valid entry id: use lower-case letters, digits and dashes`
        )
      }
      if (title === '' || answer === '' || questions.length === 0) {
        return fail('FD_ERR_REQUEST_INVALID', 'a new entry needs a title, at least one question and an answer')
      }
      const bad = questions.map(questionProblem).find((p) => p !== undefined)
      if (bad !== undefined) return fail('FD_ERR_REQUEST_INVALID', bad)
      if (folder.documents.some((d) => d.lang === proposal.lang && d.id === entryId)) {
        return fail('FD_ERR_CONFLICT', `an entry "${entryId}" already exists in ${proposal.lang}: choose another id`)
      }
      text = newEntryDocument({ title, questions, answer })
      path = join(deps.faqDir, proposal.lang, `${entryId}.md`)
      documents = [
        ...folder.documents,
        { file: `faq/${proposal.lang}/${entryId}.md`, lang: proposal.lang, id: entryId, text },
      ]
    }
    // The whole FAQ as it would be: an edit that breaks it (a question of another entry, a bad
    // template) is refused with the loader's own messages and never written.
    const built = buildFaq({ ...folder, documents })
    const errors = built.problems.filter((p) => p.severity === 'error')
    if (built.faq === undefined || errors.length > 0) {
      return fail(
        'FD_ERR_FAQ_INVALID',
        `the FAQ would not load with this change: ${errors.map((p) => p.message).join('; ')}`,
        errors
      )
    }

    await writeAtomically(path, text, before === undefined)
    const decided = await store.decideProposal(id, {
      status: 'accepted',
      decidedBy: editorId,
      decidedAt: clock(),
      file: path,
      note: null,
    })
    if (decided === undefined) {
      // Another editor decided it meanwhile: take the edit back.
      if (before === undefined) await rm(path, { force: true })
      else if ((await readFile(path, 'utf8')) === text) await writeAtomically(path, before)
      return fail('FD_ERR_CONFLICT', 'another editor decided this proposal meanwhile')
    }
    await deps.reload()
    return { ok: true, proposal: decided, file: path }
  }

  return {
    /** Unanswered questions since `since`, grouped by similarity, biggest groups first. */
    async report (filter: { since: number; until?: number; lang?: string }): Promise<Report> {
      const until = filter.until ?? clock() + 1
      const questions = await unanswered(filter.since, until, filter.lang)
      const langs = [...new Set(questions.map((q) => q.lang))].sort()
      const groups = langs.flatMap((lang) =>
        groupQuestions(questions.filter((q) => q.lang === lang)).map((g): ReportGroup => ({
          id: g.id,
          lang,
          count: g.questions.length,
          conversations: new Set(g.questions.map((q) => q.conversationId)).size,
          reasons: g.questions.reduce<Partial<Record<UnansweredReason, number>>>(
            (r, q) => ({ ...r, [q.reason]: (r[q.reason] ?? 0) + 1 }),
            {}
          ),
          firstAt: Math.min(...g.questions.map((q) => q.at)),
          lastAt: Math.max(...g.questions.map((q) => q.at)),
          questions: [...g.questions]
            .sort((a, b) => b.at - a.at)
            .slice(0, 20)
            .map(({ text, conversationId, seq, at, reason, personal }) => ({
              text,
              conversationId,
              seq,
              at,
              reason,
              personal,
            })),
          closest: g.closest,
          topTerms: g.topTerms,
        }))
      )
      groups.sort((a, b) => b.count - a.count || b.lastAt - a.lastAt)
      return { since: filter.since, until, lang: filter.lang ?? null, questions: questions.length, groups }
    },

    /** An operator said entry `entryId` answers this visitor message. */
    linked: async (message: Message, entryId: string, operatorId: string) =>
      await proposeQuestion({ ...message, redactions: redactionsOf(message) }, entryId, {
        conversationId: message.conversationId,
        seq: message.seq,
        operatorId,
        at: clock(),
      }),

    /**
     * Reads recent conversations for what visitors and operators did: a visitor who picked an
     * entry the bot offered proposes their question for it; operators' replies to escalated
     * questions propose variants of the entry they match, or a draft entry when several
     * conversations got the same answer the FAQ does not have. Run by a job; idempotent.
     */
    async sweep (now = clock()): Promise<{ proposed: number }> {
      let proposed = 0
      const since = now - ReplyWindowMs
      const byConversation = new Map<string, true>()
      for (const m of await store.visitorQuestions({ since, until: now + 1, limit: ReportLimit })) {
        const decision = triageOf(m)?.decision
        if (decision === 'escalate' || decision === 'clarify') byConversation.set(m.conversationId, true)
      }
      const answered = new Map<string, AnsweredQuestion[]>()
      const byChoice: { message: Message; entryId: string; source: ProposalSource }[] = []
      for (const conversationId of [...byConversation.keys()].slice(0, 2000)) {
        const messages = await store.messagesAfter(conversationId, 0, 500)
        messages.forEach((m, i) => {
          const next = messages.slice(i + 1)
          if (m.author !== 'visitor' || m.kind !== null) return
          const decision = triageOf(m)?.decision
          // The visitor picked one of the offered entries right after the clarification.
          const choice = decision === 'clarify' ? next.find((x) => x.author === 'visitor') : undefined
          if (choice?.kind === 'choice' && typeof choice.data?.entryId === 'string') {
            byChoice.push({
              message: m,
              entryId: choice.data.entryId,
              source: { conversationId, seq: m.seq, operatorId: null, at: choice.at },
            })
          }
          // The first operator reply after an escalated question.
          const reply =
            decision === 'escalate' ? next.find((x) => x.author === 'operator' && x.kind === null) : undefined
          if (reply !== undefined && reply.operatorId !== null) {
            const list = answered.get(m.lang) ?? []
            list.push({
              key: `${conversationId}:${m.seq}`,
              conversationId,
              seq: m.seq,
              lang: m.lang,
              question: m.text,
              questionTerms: view(m.lang, m.text).terms,
              redactions: redactionsOf(m),
              reply: reply.text,
              replyTerms: view(m.lang, reply.text).terms,
              operatorId: reply.operatorId,
              at: reply.at,
            })
            answered.set(m.lang, list)
          }
        })
      }
      for (const c of byChoice) {
        if (
          (await proposeQuestion({ ...c.message, redactions: redactionsOf(c.message) }, c.entryId, c.source))
            .proposal !== undefined
        ) { proposed++ }
      }
      const content = deps.content()
      for (const [lang, list] of answered) {
        const entries = (content.faq.entries.get(lang) ?? []).map((e) => ({
          entryId: e.id,
          title: e.title,
          questions: e.questions,
          answerTerms: view(lang, e.body).terms,
        }))
        const out = proposalsFromReplies(list, entries)
        for (const v of out.variants) {
          if (
            (
              await proposeQuestion({ lang, text: v.answered.question, redactions: v.answered.redactions }, v.entryId, {
                conversationId: v.answered.conversationId,
                seq: v.answered.seq,
                operatorId: v.answered.operatorId,
                at: v.answered.at,
              })
            ).proposal !== undefined
          ) { proposed++ }
        }
        for (const d of out.drafts) {
          const title = d.answered[0]?.question ?? ''
          await propose({
            kind: 'entry',
            lang,
            entryId: slugFor(title) || null,
            dedupeKey: d.dedupeKey,
            title,
            questions: [...new Set(d.answered.map((a) => a.question.trim()))].slice(0, 12),
            answer: d.answer.reply,
            sources: d.answered.map((a) => ({
              conversationId: a.conversationId,
              seq: a.seq,
              operatorId: a.operatorId,
              at: a.at,
            })),
          })
          proposed++
        }
      }
      return { proposed }
    },

    proposals: (filter: { status?: Proposal['status']; lang?: string; limit?: number }) => store.listProposals(filter),
    accept: async (id: string, editorId: string, edits: AcceptEdits = {}) => {
      const run = writing.then(() => accept(id, editorId, edits))
      writing = run.catch(() => undefined)
      return await run
    },
    async reject (
      id: string,
      editorId: string,
      note: string | null
    ): Promise<{ ok: true; proposal: Proposal } | Failure> {
      const decided = await store.decideProposal(id, {
        status: 'rejected',
        decidedBy: editorId,
        decidedAt: clock(),
        note,
      })
      if (decided !== undefined) return { ok: true, proposal: decided }
      const existing = await store.getProposal(id)
      return existing === undefined
        ? fail('FD_ERR_NOT_FOUND', 'no such proposal')
        : fail('FD_ERR_CONFLICT', `this proposal was already ${existing.status}`)
    },
  }
}

/** The learning-loop service, as `fastify.frontdesk.learning`. */
export type Learning = ReturnType<typeof createLearning>
