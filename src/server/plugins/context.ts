import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../../config/schema.js'
import { createRedactor } from '../../core/redact/index.js'
import { createAllowance, type Allowance } from '../../services/allowance.js'
import { createAnalyticsRunner, type AnalyticsRunner } from '../../services/analytics-runner.js'
import { createAuth, type Auth } from '../../services/auth.js'
import { createLocalBus } from '../../store/local-bus.js'
import { createConversationService, type ConversationService } from '../../services/conversations.js'
import { createOperatorActions, type OperatorActions } from '../../services/operator-actions.js'
import { createFaqLinks, type FaqLinks } from '../../services/faq-links.js'
import { createLearning, type Learning } from '../../services/learning.js'
import { createWorkspace, type Workspace } from '../../services/workspace.js'
import type { Content } from '../../content/load.js'
import type { EventBus, Store } from '../../store/types.js'
import { availabilityFrom } from '../../services/availability.js'
import { createContentHolder, type ContentHolder } from '../content-holder.js'
import { countOperators, countVisitors, createMetrics } from './metrics.js'
import { createPresence, type PresenceTracker } from '../../services/presence.js'
import { createOriginCheck } from '../origin.js'
import { createQueueFeed, type QueueFeed } from '../../services/queue-feed.js'

/** What the app is built from; tests pass their own store, clock and content. */
export interface AppOptions {
  config: Config
  store: Store
  /** @default an in-process bus */
  bus?: EventBus
  /** Milliseconds since the epoch; tests pass their own. @default Date.now */
  clock?: () => number
  /** Reload the FAQ and templates when their files change. @default true */
  watchContent?: boolean
  /** Run the background jobs (silent operators, retention). @default true */
  jobs?: boolean
  /** Content already loaded from the configured folders (tests share one); loaded at boot when absent. */
  content?: Content
}

/** The services every route and socket shares, as `fastify.frontdesk`. */
export interface Frontdesk {
  config: Config
  store: Store
  bus: EventBus
  clock: () => number
  content: ContentHolder
  conversations: ConversationService
  operators: OperatorActions
  learning: Learning
  /** What the console reads: lists, transcripts, the team, the offline inbox. */
  workspace: Workspace
  /** Operators' "answered by entry X" links, which feed the learning loop. */
  faqLinks: FaqLinks
  auth: Auth
  /** Analytics reports, off the main thread and one at a time per person. */
  analytics: AnalyticsRunner
  presence: PresenceTracker
  /**
   * What visitors may do per minute (messages per conversation, visitor id and address; new
   * conversations per address and visitor id), shared by all connections and both transports: a
   * flooder who reconnects, starts over or switches to HTTP keeps the same allowance.
   */
  allowance: Allowance
  /** Queue places for waiting visitors and queue frames for consoles, computed once per change. */
  queue: QueueFeed
  /** Whether a page's origin may use the visitor chat; the first refusal of each origin is a logged warning. */
  originAllowed: (request: FastifyRequest) => boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    frontdesk: Frontdesk
  }
}

/**
 * Builds the services once and shares them with every route as `fastify.frontdesk`. Bad
 * config (hours, redaction rules) and bad content fail here, at registration, never on the
 * first request.
 */
export default fp(
  async function frontdeskContext (fastify, opts: AppOptions) {
    const { config, store } = opts
    const bus = opts.bus ?? createLocalBus()
    const clock = opts.clock ?? Date.now
    const content = await createContentHolder(config, fastify.log, { watch: opts.watchContent, initial: opts.content })
    const presence = createPresence(store, {
      defaultCapacity: config.queue.defaultCapacity,
      clock,
      onError: (err) => fastify.log.warn({ err }, 'presence not recorded'),
    })
    const analytics = createAnalyticsRunner({ store })
    const metrics = createMetrics()
    fastify.decorate('metrics', metrics)
    const allowance = createAllowance(config.limits, clock)
    const redactor = createRedactor({ rules: config.redaction })
    const deps = {
      store,
      bus,
      clock,
      content: content.current,
      availability: availabilityFrom(config.hours),
      presence,
      redactor,
      options: { maxTextLength: config.maxTextLength, shop: config.shop },
      observe: { decision: metrics.decision },
      allowance,
    }
    const learning = createLearning({
      store,
      clock,
      content: content.current,
      reload: content.reload,
      faqDir: config.faqDir,
      redactor,
      reportSample: config.learning.reportSample,
    })
    const conversations = countVisitors(createConversationService(deps), metrics)
    fastify.decorate('frontdesk', {
      config,
      store,
      bus,
      clock,
      content,
      presence,
      analytics,
      originAllowed: createOriginCheck(config.allowedOrigins, fastify.log),
      allowance,
      conversations,
      queue: createQueueFeed({
        store,
        bus,
        clock,
        conversations,
        onError: (err) => fastify.log.error({ err }, 'queue feed failed'),
      }),
      learning,
      workspace: createWorkspace({ store, presence, clock }),
      faqLinks: createFaqLinks({ store, clock, content: content.current, learning }),
      operators: countOperators(
        createOperatorActions(deps, {
          remindAfterMs: config.queue.remindAfterSeconds * 1000,
          requeueAfterMs: config.queue.requeueAfterSeconds * 1000,
        }),
        metrics
      ),
      auth: createAuth({
        store,
        clock,
        options: {
          sessionTtlMs: config.auth.sessionHours * 3600_000,
          maxFailures: config.auth.maxFailures,
          lockMs: config.auth.lockMinutes * 60_000,
        },
      }),
    })
    fastify.addHook('onClose', async () => {
      content.close()
      await analytics.close()
      await presence.close()
      await bus.close()
    })
  },
  { name: 'frontdesk-context' }
)
