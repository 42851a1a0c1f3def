import { questionKey } from '../faq/build.js'
import { MaxQuestionLength } from '../faq/parse.js'
import { foldText } from '../text/normalize.js'
import { cosine, groupQuestions, tfidf } from './group.js'
import { distinctVisitors } from './support.js'

/**
 * What the learning loop proposes to editors, decided from what operators did. Pure: the
 * service passes in the stored rows and the matcher's terms. Nothing here changes the FAQ; an
 * editor accepts or rejects every proposal.
 */

/** Why a question was not proposed. */
export type SkipReason = 'redacted' | 'personal' | 'too_long' | 'no_terms' | 'already_listed'

/** What the redactor finds in a text: kinds as `Redactor.personal` names them. */
export interface Found {
  kind: string
}

/** Kinds the redactor reports but keeps in the text: an e-mail address, a long number. */
const Kept = new Set(['email', 'number'])

/**
 * Whether a question must not be learned from, decided by the redactor alone (no pattern of
 * our own here): something was removed from it when it was stored (`redactions`), or the
 * redactor finds something to remove or something personal in it now (`found`: an older
 * message, stored before the redactor knew a format, is caught too).
 */
export function personalReason (redactions: number, found: readonly Found[]): 'redacted' | 'personal' | undefined {
  if (redactions > 0 || found.some((f) => !Kept.has(f.kind))) return 'redacted'
  return found.length > 0 ? 'personal' : undefined
}

/** Same entry, same language and the same terms (after stemming and synonyms): the same proposal. */
export function questionDedupeKey (lang: string, entryId: string, terms: string[], text: string): string {
  const normal = terms.length > 0 ? [...new Set(terms)].sort().join(' ') : foldText(text)
  return `question|${lang}|${entryId}|${normal}`
}

export interface LinkedQuestion {
  lang: string
  entryId: string
  text: string
  /** The matcher's terms for the text. */
  terms: string[]
  /** How many spans the redactor removed from it when it was stored. */
  redactions: number
  /** What the redactor finds in the text now. */
  found: readonly Found[]
  /** The entry's current questions. */
  entryQuestions: string[]
}

/** A new way of asking `entryId`, from an operator's "answered by this entry"; or why not. */
export function questionFromLink (
  q: LinkedQuestion
): { ok: true; question: string; dedupeKey: string } | { ok: false; reason: SkipReason } {
  const personal = personalReason(q.redactions, q.found)
  if (personal !== undefined) return { ok: false, reason: personal }
  const question = q.text.trim().replace(/\s+/g, ' ')
  if (question.length > MaxQuestionLength) return { ok: false, reason: 'too_long' }
  if (q.terms.length === 0) return { ok: false, reason: 'no_terms' }
  if (q.entryQuestions.some((x) => questionKey(x) === questionKey(question))) {
    return { ok: false, reason: 'already_listed' }
  }
  return { ok: true, question, dedupeKey: questionDedupeKey(q.lang, q.entryId, q.terms, question) }
}

/** An escalated question and the first thing an operator wrote after it. */
export interface AnsweredQuestion {
  key: string
  conversationId: string
  seq: number
  lang: string
  question: string
  questionTerms: string[]
  redactions: number
  /** What the redactor finds in the question now. */
  found: readonly Found[]
  /** Who asked, to count people rather than conversations. */
  visitorKey?: string | null
  addressKey?: string | null
  reply: string
  replyTerms: string[]
  operatorId: string
  at: number
}

export interface EntryAnswer {
  entryId: string
  title: string
  questions: string[]
  answerTerms: string[]
}

export interface ReplyProposals {
  /** Operators answered these with an existing entry's content: new ways of asking it. */
  variants: { entryId: string; answered: AnsweredQuestion; similarity: number }[]
  /** Operators gave the same answer, not in the FAQ, to at least `minSupport` distinct visitors: a draft entry. */
  drafts: { answered: AnsweredQuestion[]; answer: AnsweredQuestion; dedupeKey: string }[]
}

export interface ReplyOptions {
  /** How close an operator's reply must be to an entry's answer to count as that answer. @default 0.5 */
  sameAnswer?: number
  /**
   * Distinct visitors (conversations, visitor ids and addresses taken together) needed before a
   * draft entry is proposed. @default 3
   */
  minSupport?: number
}

/**
 * "Repeatedly answers similar questions the same way": an operator's reply close to an entry's
 * answer proposes the question as a variant of that entry; replies close to one another but to
 * no entry, from enough distinct visitors, propose a draft entry whose answer is the most
 * typical reply (the one closest to the others). Questions with personal data are left out.
 */
export function proposalsFromReplies (
  answered: AnsweredQuestion[],
  entries: EntryAnswer[],
  options: ReplyOptions = {}
): ReplyProposals {
  const sameAnswer = options.sameAnswer ?? 0.5
  const minSupport = options.minSupport ?? 3
  const usable = answered.filter(
    (a) =>
      personalReason(a.redactions, a.found) === undefined && a.questionTerms.length > 0 && a.replyTerms.length > 0
  )
  const vectors = tfidf([...usable.map((a) => a.replyTerms), ...entries.map((e) => e.answerTerms)])
  const entryVectors = vectors.slice(usable.length)
  const variants: ReplyProposals['variants'] = []
  const rest: AnsweredQuestion[] = []
  usable.forEach((a, i) => {
    let best = -1
    let bestSimilarity = 0
    entryVectors.forEach((v, j) => {
      const s = cosine(vectors[i] as Map<string, number>, v)
      if (s > bestSimilarity) {
        best = j
        bestSimilarity = s
      }
    })
    const entry = entries[best]
    if (entry !== undefined && bestSimilarity >= sameAnswer) {
      if (!entry.questions.some((q) => questionKey(q) === questionKey(a.question))) {
        variants.push({ entryId: entry.entryId, answered: a, similarity: bestSimilarity })
      }
    } else {
      rest.push(a)
    }
  })
  const groups = groupQuestions(
    rest.map((a) => ({ key: a.key, text: a.reply, terms: a.replyTerms, candidates: [], answered: a })),
    { minSimilarity: sameAnswer }
  )
  const drafts: ReplyProposals['drafts'] = []
  for (const g of groups) {
    const members = g.questions.map((q) => q.answered)
    if (distinctVisitors(members) < minSupport) continue
    const replyVectors = tfidf(members.map((m) => m.replyTerms))
    const centrality = replyVectors.map((v) => replyVectors.reduce((s, w) => s + cosine(v, w), 0))
    const medoid = members[centrality.indexOf(Math.max(...centrality))] as AnsweredQuestion
    drafts.push({
      answered: members,
      answer: medoid,
      dedupeKey: `entry|${medoid.lang}|${g.topTerms.slice(0, 4).sort().join(' ')}`,
    })
  }
  return { variants, drafts }
}
