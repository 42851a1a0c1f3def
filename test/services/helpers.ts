import type { Test } from 'tap'
import { configFrom } from '../../src/config/load.js'
import type { Config } from '../../src/config/schema.js'
import { loadContent, type Content } from '../../src/content/load.js'
import { createRedactor } from '../../src/core/redact/index.js'
import { availabilityFrom } from '../../src/services/availability.js'
import { createPresence, type PresenceTracker } from '../../src/services/presence.js'
import { createConversationService, type ConversationServiceDeps } from '../../src/services/conversations.js'
import { createOperatorActions } from '../../src/services/operator-actions.js'
import { createLocalBus } from '../../src/store/local-bus.js'
import { createSqliteStore } from '../../src/store/sqlite.js'
import type { BusEvent, Conversation, EventBus, Operator, Store } from '../../src/store/types.js'
import { createClock, operatorFixture, type Clock } from './fixtures.js'

export * from './fixtures.js'

let sample: Promise<Content> | undefined

/** The sample FAQ and templates (en, es, it, ru), loaded once per test file. */
export async function sampleContent (): Promise<Content> {
  sample ??= loadContent(configFrom({}, {})).then((r) => {
    if (r.content === undefined) throw new Error(`the sample content does not load: ${JSON.stringify(r.problems)}`)
    return r.content
  })
  return await sample
}

/** Every event published on a bus, in order. */
export function recordBus (bus: EventBus): BusEvent[] {
  const events: BusEvent[] = []
  bus.subscribe('*', (e) => events.push(e))
  return events
}

export interface Services {
  store: Store
  clock: Clock
  bus: EventBus
  events: BusEvent[]
  presence: PresenceTracker
  config: Config
  deps: ConversationServiceDeps
  conversations: ReturnType<typeof createConversationService>
  operators: ReturnType<typeof createOperatorActions>
  /** Stores an operator and, unless `online` is false, opens a console for them. */
  addOperator(over: Partial<Operator> & { username: string }, online?: boolean): Promise<Operator>
}

/**
 * The services wired as src/server/context.ts wires them, on an in-memory SQLite store, the
 * sample content and a hand-moved clock: no fastify, no network.
 */
export async function services (
  t: Test,
  overrides: Record<string, unknown> = {},
  clock: Clock = createClock(),
  /** What the services see of the store: a wrapper can race them, or fail. @default the store itself */
  seen: (store: Store) => Store = (store) => store
): Promise<Services> {
  const config = configFrom(overrides, {})
  const real = createSqliteStore({ file: ':memory:' })
  const store = seen(real)
  const bus = createLocalBus()
  const events = recordBus(bus)
  const content = await sampleContent()
  const presence = createPresence(store, {
    defaultCapacity: config.queue.defaultCapacity,
    clock,
    onError: (err) => {
      throw err
    },
  })
  // Presence drops its rows on close: the store closes last.
  t.teardown(async () => {
    await presence.close()
    await bus.close()
    await real.close()
  })
  const deps: ConversationServiceDeps = {
    store,
    bus,
    clock,
    content: () => content,
    availability: availabilityFrom(config.hours),
    presence,
    redactor: createRedactor({ rules: config.redaction }),
    options: { maxTextLength: config.maxTextLength, shop: config.shop },
  }
  return {
    store,
    clock,
    bus,
    events,
    presence,
    config,
    deps,
    conversations: createConversationService(deps),
    operators: createOperatorActions(deps, {
      remindAfterMs: config.queue.remindAfterSeconds * 1000,
      requeueAfterMs: config.queue.requeueAfterSeconds * 1000,
    }),
    async addOperator (over, online = true) {
      const operator = operatorFixture(over)
      await store.createOperator(operator)
      if (online) presence.connect(operator.id)
      return operator
    },
  }
}

/** A conversation in `lang` that asked for a person: queued when someone is online, offline otherwise. */
export async function handedOver (s: Services, lang = 'en', name?: string): Promise<Conversation> {
  const opened = await s.conversations.open({ type: 'hello', lang, ...(name !== undefined && { name }) })
  if (!opened.ok) throw new Error(`not opened: ${opened.code}`)
  const outcome = await s.conversations.handle(opened.conversation.id, { type: 'handoff', client_id: 'handoff-1' })
  if (!outcome.ok) throw new Error(`not handed over: ${outcome.code}`)
  const conversation = await s.store.getConversation(opened.conversation.id)
  if (conversation === undefined) throw new Error('the conversation is gone')
  return conversation
}
