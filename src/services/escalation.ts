import type { StateFrame } from '../core/protocol.js'
import { estimateWaitSeconds, queuePosition, queuePositions, type OperatorLoad } from '../core/queue/queue.js'
import type { ContextInput } from '../render/context.js'
import type { Conversation, ConversationPatch, NewMessage } from '../store/types.js'
import { formatWait } from './availability.js'
import type { ConversationServiceDeps } from './conversations.js'
import { systemMessage } from './system-message.js'

// Handling times older than this say little about today's wait.
const HistoryWindowMs = 7 * 24 * 3600_000
const HistorySize = 50
const HistoryCacheMs = 30_000

/**
 * Handing a conversation to people: to the queue when someone is working and online, to the
 * offline inbox otherwise, with what the visitor is told in each case (their place and an
 * honest wait, or when someone is back).
 */
export function createEscalation (deps: ConversationServiceDeps) {
  const { store, availability, presence, clock } = deps
  let history: { at: number; ms: number[] } | undefined

  const handlingTimes = async (now: number): Promise<number[]> => {
    if (history === undefined || now - history.at > HistoryCacheMs) {
      history = { at: now, ms: await store.handlingTimes(now - HistoryWindowMs, HistorySize) }
    }
    return history.ms
  }

  const hoursContext = (at: number, lang: string): NonNullable<ContextInput['hours']> => ({
    open: availability.isOpen(at),
    summary: availability.summary(lang),
    nextOpen: availability.backAt(at, lang)?.text ?? '',
  })

  /**
   * The hours as a visitor should read them now: `open` only while someone can really answer
   * (within business hours and an operator online), so no message promises a person who is not there.
   */
  const liveHoursContext = async (at: number, lang: string): Promise<NonNullable<ContextInput['hours']>> => {
    const hours = hoursContext(at, lang)
    return { ...hours, open: hours.open === true && (await presence.anyoneOnline()) }
  }

  /** The wait at `position` for the operators online now. */
  const waitAt = (position: number, recentHandlingMs: number[], online: OperatorLoad[]) => {
    const etaSeconds = estimateWaitSeconds(position, {
      recentHandlingMs,
      operatorsOnline: online.length,
      capacityOnline: online.reduce((sum, o) => sum + Math.max(0, o.capacity), 0),
    })
    return { position, ...(etaSeconds !== undefined && { etaSeconds }) }
  }

  /**
   * Place and wait of a queued conversation, computed from the whole queue in the store (so
   * every instance agrees, and a place is true however long the queue).
   */
  const place = async (
    conv: Pick<Conversation, 'id' | 'queuedAt' | 'lang'>,
    now: number,
    known?: OperatorLoad[]
  ): Promise<{ position: number; etaSeconds?: number }> => {
    const queued = await store.listQueued()
    if (!queued.some((c) => c.id === conv.id)) {
      queued.push({ id: conv.id, lang: conv.lang, queuedAt: conv.queuedAt ?? now })
    }
    const position = queuePosition(queued, conv.id) ?? queued.length
    return waitAt(position, await handlingTimes(now), known ?? (await presence.online()))
  }

  const message = (
    conv: Conversation,
    name: 'escalate' | 'queue' | 'offline',
    at: number,
    context: ContextInput
  ): NewMessage => systemMessage(deps, conv, name, at, context)

  return {
    hoursContext,
    liveHoursContext,

    /** Place and wait of every queued conversation: one read of the queue for all of them. */
    async places (): Promise<Map<string, { position: number; etaSeconds?: number }>> {
      const now = clock()
      const [positions, recent, online] = await Promise.all([
        store.listQueued().then(queuePositions),
        handlingTimes(now),
        presence.online(),
      ])
      return new Map([...positions].map(([id, position]) => [id, waitAt(position, recent, online)]))
    },

    async plan (conv: Conversation, at: number): Promise<{ messages: NewMessage[]; patch: ConversationPatch }> {
      const hours = hoursContext(at, conv.lang)
      const online = await presence.online()
      if (!hours.open || online.length === 0) {
        return { messages: [message(conv, 'offline', at, { hours })], patch: { state: 'offline' } }
      }
      const queuedAt = conv.queuedAt ?? at
      const where = await place({ ...conv, queuedAt }, at, online)
      const queue = {
        position: where.position,
        eta: where.etaSeconds === undefined ? '' : formatWait(where.etaSeconds, conv.lang),
      }
      return {
        messages: [message(conv, 'escalate', at, { hours }), message(conv, 'queue', at, { hours, queue })],
        patch: { state: 'queued', queuedAt },
      }
    },

    /** The `state` frame a visitor sees now. */
    async describe (conv: Conversation): Promise<StateFrame> {
      const now = clock()
      const frame: StateFrame = { type: 'state', state: conv.state }
      if (conv.state === 'queued') {
        const where = await place(conv, now)
        frame.queue_position = where.position
        if (where.etaSeconds !== undefined) frame.eta_seconds = where.etaSeconds
      }
      if (conv.state === 'assigned' && conv.assignedTo !== null) {
        const operator = await store.getOperator(conv.assignedTo)
        if (operator !== undefined) frame.operator_name = operator.name
      }
      if (conv.state === 'offline') {
        const back = availability.backAt(now, conv.lang)
        if (back !== undefined) {
          frame.back_at = new Date(back.at).toISOString()
          frame.back_at_text = back.text
        }
      }
      return frame
    },
  }
}
