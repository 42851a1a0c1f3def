import type { ErrorCode } from '../core/errors.js'
import { cleanText } from '../core/conversation/text.js'
import { createThrottle } from '../core/limits/token-bucket.js'
import { pickOperator, queueOrder, silentAssignments } from '../core/queue/queue.js'
import type { SystemTemplateName } from '../render/templates.js'
import type { Conversation, ConversationGuard, ConversationPatch, NewMessage, Operator } from '../store/types.js'
import { TypingIntervalMs, type ConversationServiceDeps, type Outcome } from './conversations.js'
import { systemMessage } from './system-message.js'

/** An action done, with the conversation as it is now, or why not. */
export type Acted = { ok: true; conversation: Conversation } | { ok: false; code: ErrorCode; message: string }

/** When a silent operator is reminded, and when the conversation is taken back into the queue. */
export interface OperatorActionOptions {
  /** Remind an operator who has not answered the visitor for this long. @default 60000 */
  remindAfterMs: number
  /** Take the conversation back to the queue after this long. @default 180000 */
  requeueAfterMs: number
}

const fail = (code: ErrorCode, message: string) => ({ ok: false as const, code, message })

/**
 * What operators do to conversations. Each action is one guarded transaction: a claim only
 * succeeds on a queued (or offline) conversation, a reply only from its owner, so two
 * operators, or an operator and the re-queue job, can never both win.
 */
export function createOperatorActions (deps: ConversationServiceDeps, options: OperatorActionOptions) {
  const { store, bus, clock } = deps
  const typing = createThrottle({ intervalMs: TypingIntervalMs })

  const system = (conv: Conversation, name: SystemTemplateName, at: number, operatorName = ''): NewMessage =>
    systemMessage(deps, conv, name, at, { operator: { name: operatorName } })

  const act = async (
    id: string,
    build: (
      conv: Conversation,
    ) => { messages: NewMessage[]; patch: ConversationPatch; guard: ConversationGuard } | Acted
  ): Promise<Acted> => {
    const conv = await store.getConversation(id)
    if (conv === undefined) return fail('FD_ERR_NOT_FOUND', 'no such conversation')
    const planned = build(conv)
    if ('ok' in planned) return planned
    const result = await store.appendMessages(id, planned.messages, planned.patch, planned.guard)
    if (result === undefined) {
      return fail(
        'FD_ERR_CONFLICT',
        `the conversation is ${(await store.getConversation(id))?.state ?? 'gone'} now; reload it`
      )
    }
    bus.publish({ type: 'message', conversationId: id, seq: result.conversation.lastSeq })
    bus.publish({ type: 'conversation', conversationId: id })
    return { ok: true, conversation: result.conversation }
  }

  const owns = (conv: Conversation, operator: Operator): boolean => conv.assignedTo === operator.id

  const claim = (id: string, operator: Operator): Promise<Acted> =>
    act(id, (conv) => {
      if (conv.state !== 'queued' && conv.state !== 'offline') {
        return fail(
          'FD_ERR_CONFLICT',
          conv.state === 'assigned' ? 'someone else took it already' : `cannot claim a ${conv.state} conversation`
        )
      }
      const at = clock()
      return {
        messages: [system(conv, 'assigned', at, operator.name)],
        patch: {
          state: 'assigned',
          assignedTo: operator.id,
          assignedAt: at,
          remindedAt: null,
          queuedAt: conv.queuedAt ?? at,
        },
        guard: { states: [conv.state] },
      }
    })

  return {
    claim,

    /**
     * The operator is typing: shown to the visitor only if the conversation is theirs, and at
     * most once per TypingIntervalMs (the rest are dropped, and cost no read).
     */
    async typing (id: string, operator: Operator): Promise<{ ok: true } | ReturnType<typeof fail>> {
      if (!typing.allow(`${id}\0${operator.id}`, clock())) return { ok: true }
      const conv = await store.getConversation(id)
      if (conv === undefined) return fail('FD_ERR_NOT_FOUND', 'no such conversation')
      if (conv.state !== 'assigned' || conv.assignedTo !== operator.id) {
        return fail('FD_ERR_FORBIDDEN', 'only the operator who has the conversation can type in it')
      }
      bus.publish({ type: 'typing', conversationId: id, author: 'operator' })
      return { ok: true }
    },

    async reply (id: string, operator: Operator, clientId: string, raw: string): Promise<Outcome> {
      const cleaned = cleanText(raw, deps.options.maxTextLength)
      if (!cleaned.ok) return fail(cleaned.code, cleaned.message)
      const at = clock()
      const conv = await store.getConversation(id)
      if (conv === undefined) return fail('FD_ERR_NOT_FOUND', 'no such conversation')
      const message: NewMessage = {
        author: 'operator',
        text: cleaned.text,
        html: null,
        lang: conv.lang,
        at,
        kind: null,
        clientId,
        entryId: null,
        operatorId: operator.id,
        data: { operatorName: operator.name },
      }
      const result = await store.appendMessages(
        id,
        [message],
        { lastOperatorAt: at },
        { states: ['assigned'], assignedTo: operator.id }
      )
      if (result === undefined) return fail('FD_ERR_CONFLICT', 'claim the conversation before replying')
      if (!result.duplicate) bus.publish({ type: 'message', conversationId: id, seq: result.conversation.lastSeq })
      return { ok: true, seq: result.messages[0]?.seq ?? 0, duplicate: result.duplicate }
    },

    /** Gives a conversation to the operator with this username; only its owner or an admin may. */
    async transfer (id: string, operator: Operator, username: string): Promise<Acted> {
      const to = await store.getOperatorByUsername(username)
      if (to === undefined) return fail('FD_ERR_NOT_FOUND', `no operator "${username}"`)
      return await act(id, (conv) => {
        if (!owns(conv, operator) && operator.role !== 'admin') {
          return fail('FD_ERR_FORBIDDEN', 'only the operator who has it (or an admin) can transfer it')
        }
        if (to.disabled) return fail('FD_ERR_CONFLICT', `${to.username} cannot take conversations`)
        const at = clock()
        return {
          messages: [system(conv, 'assigned', at, to.name)],
          patch: { assignedTo: to.id, assignedAt: at, remindedAt: null, lastOperatorAt: null },
          guard: { states: ['assigned'], assignedTo: conv.assignedTo },
        }
      })
    },

    close: (id: string, operator: Operator) =>
      act(id, (conv) => {
        if (conv.state === 'closed') return fail('FD_ERR_CONFLICT', 'already closed')
        if (conv.state === 'assigned' && !owns(conv, operator) && operator.role !== 'admin') {
          return fail('FD_ERR_FORBIDDEN', 'only the operator who has it (or an admin) can close it')
        }
        const at = clock()
        return {
          messages: [system(conv, 'closed', at), system(conv, 'csat', at)],
          patch: { state: 'closed', closedAt: at },
          guard: { states: [conv.state], assignedTo: conv.assignedTo },
        }
      }),

    /**
     * Gives waiting conversations to free operators, oldest first, each to the best operator
     * for it (its language, then the least loaded). Claims are guarded like manual ones, so
     * this can race with operators and other instances safely.
     */
    async autoAssign (): Promise<string[]> {
      const online = await deps.presence.online()
      if (online.length === 0) return []
      const queued = queueOrder(
        (await store.listConversations({ states: ['queued'] })).map((c) => ({
          ...c,
          queuedAt: c.queuedAt ?? c.createdAt,
        }))
      )
      const assigned: string[] = []
      for (const conv of queued) {
        const pick = pickOperator(conv.lang, online)
        if (pick === undefined) break
        const operator = await store.getOperator(pick.id)
        if (operator === undefined) continue
        const result = await claim(conv.id, operator)
        if (!result.ok) continue
        pick.active++
        pick.lastAssignedAt = clock()
        assigned.push(conv.id)
      }
      return assigned
    },

    /** Reminds silent operators and takes conversations back from those silent for too long. */
    async sweepSilent (): Promise<{ reminded: string[]; requeued: string[] }> {
      const now = clock()
      const assigned = await store.listConversations({ states: ['assigned'] })
      const due = silentAssignments(
        assigned.map((c) => ({
          id: c.id,
          assignedAt: c.assignedAt ?? c.updatedAt,
          lastVisitorAt: c.lastVisitorAt,
          lastOperatorAt: c.lastOperatorAt,
          remindedAt: c.remindedAt,
        })),
        now,
        options
      )
      const reminded: string[] = []
      for (const id of due.remind) {
        const conv = assigned.find((c) => c.id === id)
        if (conv?.assignedTo == null) continue
        if (
          (await store.updateConversation(
            id,
            { remindedAt: now },
            { states: ['assigned'], assignedTo: conv.assignedTo }
          )) === undefined
        ) { continue }
        bus.publish({ type: 'reminder', conversationId: id, operatorId: conv.assignedTo })
        reminded.push(id)
      }
      const requeued: string[] = []
      for (const id of due.requeue) {
        const conv = assigned.find((c) => c.id === id)
        if (conv === undefined) continue
        // Back at its original place: queuedAt is kept, so it goes before anyone who came later.
        const result = await act(id, (c) => ({
          messages: [],
          patch: { state: 'queued', assignedTo: null, assignedAt: null, remindedAt: null },
          guard: { states: ['assigned'], assignedTo: c.assignedTo },
        }))
        if (result.ok) requeued.push(id)
      }
      return { reminded, requeued }
    },
  }
}

/** The operator-action service, as `fastify.frontdesk.operators`. */
export type OperatorActions = ReturnType<typeof createOperatorActions>
