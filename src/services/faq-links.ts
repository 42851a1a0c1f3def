import type { Content } from '../content/load.js'
import type { ErrorCode } from '../core/errors.js'
import type { Store } from '../store/types.js'
import type { Learning } from './learning.js'

/** What linking needs: the store, the clock, the current FAQ (to check the entry) and the learning loop. */
export interface FaqLinkDeps {
  store: Store
  clock: () => number
  content: () => Pick<Content, 'engine'>
  learning: Pick<Learning, 'linked'>
}

/** A stored link with what the learning loop made of it, or why there is no link. */
export type Linked =
  | { ok: true; id: string; proposalId?: string; notProposed?: string }
  | { ok: false; code: ErrorCode; message: string }

/**
 * An operator's word that an FAQ entry answers a visitor question: stored as a link (the
 * learning loop's input, and analytics'), then proposed to the editors as a new way of
 * asking the entry unless it is personal or already listed.
 */
export function createFaqLinks (deps: FaqLinkDeps) {
  const { store, clock } = deps
  return {
    async link (conversationId: string, seq: number, entryId: string, operatorId: string): Promise<Linked> {
      const c = await store.getConversation(conversationId)
      if (c === undefined) return { ok: false, code: 'FD_ERR_NOT_FOUND', message: 'no such conversation' }
      const [message] = await store.messagesAfter(c.id, seq - 1, 1)
      if (message?.seq !== seq || message.author !== 'visitor') {
        return { ok: false, code: 'FD_ERR_NOT_FOUND', message: `message ${seq} is not a visitor question of this conversation` }
      }
      if (deps.content().engine.entry(message.lang, entryId) === undefined) {
        return { ok: false, code: 'FD_ERR_NOT_FOUND', message: `no FAQ entry "${entryId}" in ${message.lang}` }
      }
      const id = `${c.id}:${message.seq}`
      await store.addFaqLink({
        id,
        conversationId: c.id,
        seq: message.seq,
        entryId,
        lang: message.lang,
        question: message.text,
        operatorId,
        at: clock(),
      })
      const learned = await deps.learning.linked(message, entryId, operatorId)
      return {
        ok: true,
        id,
        ...(learned.proposal !== undefined && { proposalId: learned.proposal.id }),
        ...(learned.skipped !== undefined && { notProposed: learned.skipped }),
      }
    },
  }
}

/** The FAQ-link service, as `fastify.frontdesk.faqLinks`. */
export type FaqLinks = ReturnType<typeof createFaqLinks>
