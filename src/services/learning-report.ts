import { createGrouper, type QuestionForGrouping } from '../core/learning/group.js'
import { personalReason } from '../core/learning/proposals.js'
import type { UnansweredReason } from '../core/learning/reasons.js'
import type { Message } from '../store/types.js'
import { redactionsOf, triageOf, type LearningDeps, type LearningParts } from './learning-parts.js'

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
  /** Unanswered questions in the period (of at most the newest {@link ReportLimit} read). */
  questions: number
  /** How many of them were matched and grouped: all, or an even sample of {@link GroupedMax}. */
  grouped: number
  groups: ReportGroup[]
}

/** Visitor rows read for one report: the newest ones when there are more. */
export const ReportLimit = 20_000
/**
 * Questions matched and grouped at most: grouping costs O(questions × groups), and visitors
 * control how many questions there are. Beyond it an even sample over the period is grouped,
 * which keeps the biggest gaps the biggest. Config: `learning.reportSample`.
 */
export const GroupedMax = 2_000
/** Visitor rows read at once. */
const PageSize = 500
/** Longest stretch of report work between two turns of the event loop (other requests run in between). */
const SliceMs = 5

/** An unanswered question before it is matched. */
type Unanswered = Omit<UnansweredQuestion, 'terms' | 'candidates' | 'personal'> & { redactions: number }

/** A cooperative pause: yields to the event loop when the current slice of work is used up. */
function slicer (): () => Promise<void> {
  let since = performance.now()
  return async () => {
    if (performance.now() - since < SliceMs) return
    await new Promise((resolve) => setImmediate(resolve))
    since = performance.now()
  }
}

/** Every `n / max`-th item, oldest to newest: an even sample that keeps proportions over time. */
function evenSample<T> (items: T[], max: number): T[] {
  if (items.length <= max) return items
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)] as T)
}

/**
 * The editors' report: what visitors asked that the bot could not answer, grouped by
 * similarity. Bounded, because visitors control its input: at most {@link GroupedMax}
 * questions are matched and grouped, the work yields to the event loop every few milliseconds
 * (so `/healthz` and visitors are served while it runs), and reports run one at a time.
 */
export function createReport (deps: LearningDeps, parts: LearningParts) {
  const { store, clock } = deps
  let queue: Promise<unknown> = Promise.resolve()

  /** The visitor question a bot message of `seq` answered: the last typed visitor message before it. */
  const questionBefore = async (conversationId: string, seq: number): Promise<Message | undefined> => {
    const before = await store.messagesAfter(conversationId, Math.max(0, seq - 20), 20)
    return before.filter((m) => m.seq < seq && m.author === 'visitor' && m.kind === null).at(-1)
  }

  /**
   * The newest {@link ReportLimit} visitor rows of [since, until), oldest first, read a page at a
   * time with a pause between pages: one read of 20,000 rows would hold the event loop itself.
   */
  const rows = async (since: number, until: number): Promise<Message[]> => {
    const pages: Message[][] = []
    const seen = new Set<string>()
    let read = 0
    for (let before = until; read < ReportLimit;) {
      const limit = Math.min(PageSize, ReportLimit - read)
      const page = await store.visitorQuestions({ since, until: before, limit })
      // Rows of the page's oldest millisecond may continue on the next page: read it again, skip repeats.
      const fresh = page.filter((m) => !seen.has(m.id))
      for (const m of fresh) seen.add(m.id)
      pages.push(fresh)
      read += fresh.length
      const oldest = page[0]?.at
      if (page.length < limit || fresh.length === 0 || oldest === undefined) break
      before = oldest + 1
      await new Promise((resolve) => setImmediate(resolve))
    }
    return pages.reverse().flat()
  }

  const unanswered = async (since: number, until: number, lang: string | undefined): Promise<Unanswered[]> => {
    const out: Unanswered[] = []
    const seen = new Set<string>()
    const pause = slicer()
    for (const m of await rows(since, until)) {
      await pause()
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
      const { text, conversationId, seq, at } = question
      out.push({ key, text, conversationId, seq, lang: question.lang, at, reason, redactions: redactionsOf(question) })
    }
    return out
  }

  const build = async (filter: { since: number; until?: number; lang?: string }): Promise<Report> => {
    const until = filter.until ?? clock() + 1
    const all = await unanswered(filter.since, until, filter.lang)
    const sample = evenSample(all, deps.reportSample ?? GroupedMax)
    const pause = slicer()
    const viewed: UnansweredQuestion[] = []
    for (const { redactions, ...q } of sample) {
      await pause()
      const personal = personalReason(redactions, deps.redactor.personal(q.text)) !== undefined
      viewed.push({ ...q, personal, ...parts.view(q.lang, q.text) })
    }
    const groups: ReportGroup[] = []
    for (const lang of [...new Set(viewed.map((q) => q.lang))].sort()) {
      const mine = viewed.filter((q) => q.lang === lang)
      const grouper = createGrouper<UnansweredQuestion>(mine.map((q) => q.terms))
      for (const q of mine) {
        await pause()
        grouper.add(q)
      }
      groups.push(...grouper.groups().map((g) => summary(lang, g)))
    }
    groups.sort((a, b) => b.count - a.count || b.lastAt - a.lastAt)
    const { since } = filter
    return { since, until, lang: filter.lang ?? null, questions: all.length, grouped: sample.length, groups }
  }

  return async (filter: { since: number; until?: number; lang?: string }): Promise<Report> => {
    const run = queue.then(async () => await build(filter))
    queue = run.catch(() => undefined)
    return await run
  }
}

const pick = ({ text, conversationId, seq, at }: UnansweredQuestion) => ({ text, conversationId, seq, at })

function summary (lang: string, g: { id: string; questions: UnansweredQuestion[]; closest: ReportGroup['closest']; topTerms: string[] }): ReportGroup {
  let firstAt = Infinity
  let lastAt = -Infinity
  const reasons: Partial<Record<UnansweredReason, number>> = {}
  for (const q of g.questions) {
    firstAt = Math.min(firstAt, q.at)
    lastAt = Math.max(lastAt, q.at)
    reasons[q.reason] = (reasons[q.reason] ?? 0) + 1
  }
  return {
    id: g.id,
    lang,
    count: g.questions.length,
    conversations: new Set(g.questions.map((q) => q.conversationId)).size,
    reasons,
    firstAt,
    lastAt,
    questions: [...g.questions]
      .sort((a, b) => b.at - a.at)
      .slice(0, 20)
      .map((q) => ({ ...pick(q), reason: q.reason, personal: q.personal })),
    closest: g.closest,
    topTerms: g.topTerms,
  }
}
