import type { ConversationState } from '../core/conversation/state.js'
import type { Contact, Conversation, Operator, Store } from '../store/types.js'
import { conversationSummaries, operatorMessageView } from './operator-view.js'

/** What the console's reads need: the store, who is online, and the clock. */
export interface WorkspaceDeps {
  store: Store
  presence: { onlineIds(): Promise<Set<string>> }
  clock: () => number
}

/** Conversations one list read returns unless asked for another page size. */
const ListPage = 100

/** How much of a transcript one read returns at most. */
const TranscriptLimit = 5000

/**
 * What the console reads: conversations in queue order with the visitor's latest question,
 * one transcript, the team with who is online, and the offline inbox. Views are the wire's
 * (snake_case); the routes only validate and pass them on.
 */
export function createWorkspace (deps: WorkspaceDeps) {
  const { store, clock } = deps
  /** One conversation as the console shows it, with who has it. */
  const summary = async (c: Conversation) => (await conversationSummaries(store, [c], clock(), () => false))[0]!
  return {
    summary,

    /**
     * A page of the conversations in these states (in queue order), optionally only one
     * operator's, with how many there are in all: a long queue is paged, never cut silently.
     */
    async conversations (filter: {
      states: ConversationState[]
      assignedTo?: string | undefined
      /** @default 100 */
      limit?: number | undefined
      /** @default 0 */
      offset?: number | undefined
    }) {
      const which = {
        states: filter.states,
        ...(filter.assignedTo !== undefined && { assignedTo: filter.assignedTo }),
      }
      const [list, total] = await Promise.all([
        store.listConversations({ ...which, limit: filter.limit ?? ListPage, offset: filter.offset ?? 0 }),
        store.countConversations(which),
      ])
      // A closed conversation's latest question is history: not read for the list.
      const withQuestion = !(filter.states.length === 1 && filter.states[0] === 'closed')
      return { conversations: await conversationSummaries(store, list, clock(), () => withQuestion), total }
    },

    /** One conversation with its messages after `after`; undefined when there is no such conversation. */
    async transcript (id: string, after = 0) {
      const c = await store.getConversation(id)
      if (c === undefined) return undefined
      const [conversation, messages] = await Promise.all([
        summary(c),
        store.messagesAfter(c.id, after, TranscriptLimit),
      ])
      return { conversation, messages: messages.map(operatorMessageView) }
    },

    /** The team that can take conversations, each with whether they are online now. */
    async team (): Promise<{ operator: Operator; online: boolean }[]> {
      const online = await deps.presence.onlineIds()
      return (await store.listOperators())
        .filter((o) => !o.disabled)
        .map((operator) => ({ operator, online: online.has(operator.id) }))
    },

    /** Offline messages, oldest first: the open ones, or those already answered. */
    contacts: (handled: boolean): Promise<Contact[]> => store.listContacts({ handled }),

    /** Marks an open offline message answered; false when there is no such open message. */
    handleContact: (id: string, operatorId: string): Promise<boolean> =>
      store.markContactHandled(id, operatorId, clock()),
  }
}

/** The workspace service, as `fastify.frontdesk.workspace`. */
export type Workspace = ReturnType<typeof createWorkspace>
