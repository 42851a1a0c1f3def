import { randomUUID } from 'node:crypto'
import type { ContentProblem, ErrorCode } from '../core/errors.js'
import type { QuestionForGrouping } from '../core/learning/group.js'
import { questionFromLink, type SkipReason } from '../core/learning/proposals.js'
import type { Redactor } from '../core/redact/index.js'
import { tokenize, foldText } from '../core/text/normalize.js'
import type { Content } from '../content/load.js'
import type { Message, Proposal, ProposalSource, Store } from '../store/types.js'

/** What the learning loop needs: store, clock, content, a reload, the FAQ folder it writes to, the redactor. */
export interface LearningDeps {
  store: Store
  content: () => Content
  /** Loads the FAQ again after an accepted edit; resolves with the problems (errors keep the old FAQ). */
  reload: () => Promise<ContentProblem[]>
  faqDir: string
  clock: () => number
  /**
   * The redactor that cleans visitors' messages: what it finds in a question (now, not only when
   * it was stored) keeps the question out of the FAQ.
   */
  redactor: Pick<Redactor, 'personal'>
  /** Questions the report groups at most (an even sample beyond). @default 2000 */
  reportSample?: number
}

/** Why an accept or reject was refused; `problems` has what the FAQ loader would report. */
export type Failure = { ok: false; code: ErrorCode; message: string; problems?: ContentProblem[] }
/** A refusal with a registry code. */
export const fail = (code: ErrorCode, message: string, problems?: ContentProblem[]): Failure => ({
  ok: false,
  code,
  message,
  ...(problems !== undefined && { problems }),
})

/** What the bot decided about a typed visitor message, as stored with it (see conversations.ts `evidenceOf`). */
export const triageOf = (m: Message): { decision?: string; reason?: string } | undefined =>
  m.data?.triage as { decision?: string; reason?: string } | undefined

/** How many spans the redactor removed from a visitor message when it was stored. */
export const redactionsOf = (m: Message): number => Number(m.data?.redactions ?? 0)

type NewSource = Omit<ProposalSource, 'visitorKey' | 'addressKey'>

/** What the report, the sweep and the links share: the matcher's view of a text, and making proposals. */
export function createLearningParts (deps: LearningDeps) {
  const { store, clock } = deps

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

  /** Who stands behind a conversation, so that support counts visitors and addresses, not conversations. */
  const whoOf = async (conversationId: string): Promise<Pick<ProposalSource, 'visitorKey' | 'addressKey'>> => {
    const c = await store.getConversation(conversationId)
    return { visitorKey: c?.visitorKey ?? null, addressKey: c?.addressKey ?? null }
  }
  const sourcesOf = async (sources: NewSource[]): Promise<ProposalSource[]> =>
    await Promise.all(sources.map(async (s) => ({ ...s, ...(await whoOf(s.conversationId)) })))

  const propose = async (
    p: Omit<
      Proposal,
      'id' | 'support' | 'status' | 'updatedAt' | 'decidedBy' | 'decidedAt' | 'file' | 'note' | 'createdAt' | 'sources'
    > & { sources: NewSource[] }
  ): Promise<Proposal> =>
    (await store.upsertProposal({ ...p, sources: await sourcesOf(p.sources), id: randomUUID(), createdAt: clock() }))
      .proposal

  /** Proposes a visitor's question as a new way of asking `entryId`; returns why not when it is not proposed. */
  const proposeQuestion = async (
    q: { lang: string; text: string; redactions: number },
    entryId: string,
    source: NewSource
  ): Promise<{ proposal?: Proposal; skipped?: SkipReason }> => {
    const entry = deps.content().engine.entry(q.lang, entryId)
    if (entry === undefined) return { skipped: 'no_terms' }
    const r = questionFromLink({
      lang: q.lang,
      entryId,
      text: q.text,
      terms: view(q.lang, q.text).terms,
      redactions: q.redactions,
      found: deps.redactor.personal(q.text),
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

  return { view, whoOf, propose, proposeQuestion }
}

/** The parts the report, the sweep and the links share. */
export type LearningParts = ReturnType<typeof createLearningParts>
