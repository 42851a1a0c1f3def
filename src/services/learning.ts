import { cleanText } from '../core/conversation/text.js'
import type { Message, Proposal } from '../store/types.js'
import { createAccept } from './learning-accept.js'
import { createLearningParts, fail, redactionsOf, type Failure, type LearningDeps } from './learning-parts.js'
import { createReport } from './learning-report.js'
import { createSweep } from './learning-sweep.js'

export type { AcceptEdits } from './learning-accept.js'
export type { Failure, LearningDeps } from './learning-parts.js'
export type { Report, ReportGroup, UnansweredQuestion } from './learning-report.js'

const MaxNoteLength = 500

/**
 * The learning loop: what visitors asked that the bot could not answer, grouped for editors;
 * proposals from operators' links, visitors' choices and operators' repeated replies; and an
 * editor's acceptance, written into the FAQ's markdown and loaded at once. Nothing an operator
 * or a visitor wrote reaches the FAQ without an editor's acceptance, and nothing personal is
 * ever proposed.
 */
export function createLearning (deps: LearningDeps) {
  const { store, clock } = deps
  const parts = createLearningParts(deps)

  return {
    /** Unanswered questions since `since`, grouped by similarity, biggest groups first. */
    report: createReport(deps, parts),

    /** An operator said entry `entryId` answers this visitor message. */
    linked: async (message: Message, entryId: string, operatorId: string) =>
      await parts.proposeQuestion({ ...message, redactions: redactionsOf(message) }, entryId, {
        conversationId: message.conversationId,
        seq: message.seq,
        operatorId,
        at: clock(),
      }),

    sweep: createSweep(deps, parts),

    proposals: (filter: { status?: Proposal['status']; lang?: string; limit?: number }) => store.listProposals(filter),
    accept: createAccept(deps),
    async reject (
      id: string,
      editorId: string,
      note: string | null
    ): Promise<{ ok: true; proposal: Proposal } | Failure> {
      // An editor's note is cleaned like any other text (no NUL, ESC or other control characters).
      const cleaned = note === null ? undefined : cleanText(note, MaxNoteLength)
      const decided = await store.decideProposal(id, {
        status: 'rejected',
        decidedBy: editorId,
        decidedAt: clock(),
        note: cleaned?.ok === true ? cleaned.text : null,
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
