import type { ConversationFact } from '../core/analytics/index.js'
import type { Conversation, MessageEvent } from '../store/types.js'

/** Facts kept at most (about 50 MB); beyond, the ones kept longest go first. */
export const MaxCachedFacts = 100_000

/**
 * How long after its re-contact window a fact is final: a conversation stamped by another
 * instance whose clock is a little behind is in the database by then.
 */
const SettleMs = 3_600_000

/** Conversations created less than this far apart share one read of their messages. */
const SpanGapMs = 86_400_000

/**
 * Everything a conversation's fact depends on that can change: a new message moves `lastSeq`
 * (messages are never edited), a claim, a close or a re-queue moves the rest.
 */
const signature = (c: Conversation): string =>
  [c.lastSeq, c.state, c.queuedAt, c.assignedTo, c.closedAt, c.lang, c.visitorKey].join('|')

/**
 * The facts of conversations that can no longer change, so that a report need not read their
 * messages again. A fact is final once its re-contact window is over (nothing that comes later
 * can make it a re-contact, and it is not pending) and stays valid while the conversation's
 * signature does; one that changes afterwards (a late rating, a visitor back in an old
 * conversation) is computed again. Kept per re-contact window: another window clears it.
 */
export function createFactCache (maxFacts = MaxCachedFacts) {
  const facts = new Map<string, { signature: string; fact: ConversationFact }>()
  let windowMs: number | undefined
  return {
    /** The conversations whose facts are kept and still valid, and those to compute. */
    split (conversations: readonly Conversation[], recontactMs: number) {
      if (windowMs !== recontactMs) facts.clear()
      windowMs = recontactMs
      const known = new Map<string, ConversationFact>()
      const fresh: Conversation[] = []
      for (const c of conversations) {
        const kept = facts.get(c.id)
        if (kept !== undefined && kept.signature === signature(c)) {
          known.set(c.id, kept.fact)
          continue
        }
        facts.delete(c.id)
        fresh.push(c)
      }
      return { known, fresh }
    },
    /** Keeps the computed facts that are final at `now`. */
    keep (
      conversations: readonly Conversation[],
      computed: readonly ConversationFact[],
      messages: readonly MessageEvent[],
      options: { recontactMs: number; now: number }
    ): void {
      const last = new Map<string, number>()
      for (const m of messages) last.set(m.conversationId, Math.max(last.get(m.conversationId) ?? 0, m.at))
      const byId = new Map(conversations.map((c) => [c.id, c]))
      for (const fact of computed) {
        const c = byId.get(fact.id)
        if (c === undefined) continue
        const windowEnd = Math.max(c.createdAt, last.get(c.id) ?? 0) + options.recontactMs
        if (options.now < windowEnd + SettleMs) continue
        facts.delete(c.id)
        facts.set(c.id, { signature: signature(c), fact })
      }
      for (const id of facts.keys()) {
        if (facts.size <= maxFacts) break
        facts.delete(id)
      }
    },
    get size (): number {
      return facts.size
    },
  }
}

/** The facts kept between reports; made by {@link createFactCache}. */
export type FactCache = ReturnType<typeof createFactCache>

/** [from, to) ranges of creation times that cover `conversations`, merging those close together. */
export function messageSpans (conversations: readonly Conversation[]): [number, number][] {
  const times = conversations.map((c) => c.createdAt).sort((a, b) => a - b)
  const spans: [number, number][] = []
  for (const at of times) {
    const span = spans[spans.length - 1]
    if (span !== undefined && at - span[1] < SpanGapMs) span[1] = at + 1
    else spans.push([at, at + 1])
  }
  return spans
}
