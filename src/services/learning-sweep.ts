import { slugFor, titleFrom } from '../core/learning/edit.js'
import { proposalsFromReplies, type AnsweredQuestion } from '../core/learning/proposals.js'
import { MaxQuestionLength } from '../core/faq/parse.js'
import { cleanLine } from '../core/conversation/text.js'
import type { Message, ProposalSource } from '../store/types.js'
import { redactionsOf, triageOf, type LearningDeps, type LearningParts } from './learning-parts.js'
import { ReportLimit } from './learning-report.js'

const ReplyWindowMs = 30 * 86_400_000
type NewSource = Omit<ProposalSource, 'visitorKey' | 'addressKey'>

/**
 * Reads recent conversations for what visitors and operators did: a visitor who picked an
 * entry the bot offered proposes their question for it; operators' replies to escalated
 * questions propose variants of the entry they match, or a draft entry when several visitors
 * got the same answer the FAQ does not have. Run by a job; idempotent.
 */
export function createSweep (deps: LearningDeps, parts: LearningParts) {
  const { store, clock } = deps
  const { view, proposeQuestion } = parts

  return async function sweep (now = clock()): Promise<{ proposed: number }> {
    let proposed = 0
    const since = now - ReplyWindowMs
    const byConversation = new Map<string, true>()
    for (const m of await store.visitorQuestions({ since, until: now + 1, limit: ReportLimit })) {
      const decision = triageOf(m)?.decision
      if (decision === 'escalate' || decision === 'clarify') byConversation.set(m.conversationId, true)
    }
    const answered = new Map<string, AnsweredQuestion[]>()
    const byChoice: { message: Message; entryId: string; source: NewSource }[] = []
    for (const conversationId of [...byConversation.keys()].slice(0, 2000)) {
      const messages = await store.messagesAfter(conversationId, 0, 500)
      const who = await parts.whoOf(conversationId)
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
            ...who,
            seq: m.seq,
            lang: m.lang,
            question: m.text,
            questionTerms: view(m.lang, m.text).terms,
            redactions: redactionsOf(m),
            found: deps.redactor.personal(m.text),
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
      const r = await proposeQuestion({ ...c.message, redactions: redactionsOf(c.message) }, c.entryId, c.source)
      if (r.proposal !== undefined) proposed++
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
        const { question, redactions, conversationId, seq, operatorId, at } = v.answered
        const r = await proposeQuestion({ lang, text: question, redactions }, v.entryId, {
          conversationId,
          seq,
          operatorId,
          at,
        })
        if (r.proposal !== undefined) proposed++
      }
      for (const d of out.drafts) {
        // Visitors' questions become the draft's title and questions: one line each, within the editor's limits.
        const questions = [...new Set(d.answered.map((a) => cleanLine(a.question, Number.MAX_SAFE_INTEGER)))]
          .filter((q) => q !== '' && q.length <= MaxQuestionLength)
          .slice(0, 12)
        const title = titleFrom(d.answered[0]?.question ?? '')
        await parts.propose({
          kind: 'entry',
          lang,
          entryId: slugFor(title) || null,
          dedupeKey: d.dedupeKey,
          title,
          questions,
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
  }
}
