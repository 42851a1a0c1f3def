import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { sameToken } from '../../services/auth.js'
import type { LiveCounts } from '../../store/types.js'
import { refuse } from '../refuse.js'
import { errors } from '../schemas/common.js'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { Decision } from '../../core/triage/engine.js'
import type { ConversationService } from '../../services/conversations.js'
import type { OperatorActions } from '../../services/operator-actions.js'

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics
  }
}

/** The counters the services report into, registered on the /metrics registry. */
export interface Metrics {
  registry: Registry
  decision(d: Decision): void
  connection(kind: 'visitor' | 'operator', delta: 1 | -1): void
  /** A stored (not duplicate) visitor frame or new conversation. */
  visitor(event: VisitorEvent): void
  /** A successful operator action. */
  operator(action: 'claim' | 'reply' | 'transfer' | 'close'): void
}

/** What a visitor did, counted by `frontdesk_visitor_actions_total`. */
export type VisitorEvent =
  | { type: 'started' }
  | { type: 'text' | 'choose' | 'handoff' | 'contact' | 'close' }
  | { type: 'feedback'; helpful: boolean }
  | { type: 'rating'; score: number }

/**
 * Prometheus metrics at `/metrics`: live gauges read from the store at scrape time (so they are
 * right whichever instance answers), counters of bot decisions and messages, and process
 * metrics. The registry is per app, so tests and several apps in one process do not collide.
 */
export function createMetrics (): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'frontdesk_process_' })
  const decisions = new Counter({
    name: 'frontdesk_decisions_total',
    help: 'Bot decisions by outcome, reason and language',
    labelNames: ['decision', 'reason', 'lang'],
    registers: [registry],
  })
  const confidence = new Histogram({
    name: 'frontdesk_decision_confidence',
    help: 'Confidence of the best FAQ entry per decision',
    buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
    registers: [registry],
  })
  const connections = new Gauge({
    name: 'frontdesk_websocket_connections',
    help: 'Open websockets on this instance',
    labelNames: ['kind'],
    registers: [registry],
  })
  const started = new Counter({
    name: 'frontdesk_conversations_started_total',
    help: 'Conversations started on this instance',
    registers: [registry],
  })
  const visitorFrames = new Counter({
    name: 'frontdesk_visitor_actions_total',
    help: 'Stored visitor actions on this instance: text, choose, handoff, contact (offline message), close, feedback_yes, feedback_no, rating',
    labelNames: ['action'],
    registers: [registry],
  })
  const ratings = new Counter({
    name: 'frontdesk_ratings_total',
    help: 'CSAT ratings by score (1-5) on this instance',
    labelNames: ['score'],
    registers: [registry],
  })
  const operatorActions = new Counter({
    name: 'frontdesk_operator_actions_total',
    help: 'Successful operator actions on this instance: claim, reply, transfer, close',
    labelNames: ['action'],
    registers: [registry],
  })
  return {
    registry,
    decision (d) {
      decisions.inc({ decision: d.decision, reason: d.decision === 'escalate' ? d.reason : '', lang: d.lang })
      confidence.observe(d.confidence)
    },
    connection: (kind, delta) => connections.inc({ kind }, delta),
    visitor (event) {
      if (event.type === 'started') {
        started.inc()
        return
      }
      if (event.type === 'feedback') {
        visitorFrames.inc({ action: event.helpful ? 'feedback_yes' : 'feedback_no' })
        return
      }
      visitorFrames.inc({ action: event.type })
      if (event.type === 'rating') ratings.inc({ score: String(event.score) })
    },
    operator: (action) => operatorActions.inc({ action }),
  }
}

/** The conversation service, counting what visitors do (each stored frame once: resends are not counted). */
export function countVisitors (service: ConversationService, metrics: Metrics): ConversationService {
  return {
    ...service,
    async open (hello, meta) {
      const opened = await service.open(hello, meta)
      if (opened.ok && opened.created) metrics.visitor({ type: 'started' })
      return opened
    },
    async handle (id, frame) {
      const outcome = await service.handle(id, frame)
      if (outcome.ok && !outcome.duplicate) {
        metrics.visitor(
          frame.type === 'feedback'
            ? { type: 'feedback', helpful: frame.helpful }
            : frame.type === 'rating'
              ? { type: 'rating', score: frame.score }
              : { type: frame.type }
        )
      }
      return outcome
    },
  }
}

/** The operator actions, counting the ones that succeeded. */
export function countOperators (actions: OperatorActions, metrics: Metrics): OperatorActions {
  const counted =
    <A extends unknown[], R extends { ok: boolean }>(
      name: 'claim' | 'reply' | 'transfer' | 'close',
      run: (...args: A) => Promise<R>
    ) =>
      async (...args: A): Promise<R> => {
        const result = await run(...args)
        if (result.ok && !('duplicate' in result && result.duplicate === true)) metrics.operator(name)
        return result
      }
  return {
    ...actions,
    claim: counted('claim', actions.claim),
    reply: counted('reply', actions.reply),
    transfer: counted('transfer', actions.transfer),
    close: counted('close', actions.close),
  }
}

/** How long one rendering of the metrics is served again; Prometheus scrapes every 15 s or so. */
const RenderReuseMs = 1000

/** Direct from this machine: a loopback peer, and no proxy header saying it came from elsewhere. */
function fromLoopback (request: FastifyRequest): boolean {
  const peer = request.socket.remoteAddress ?? ''
  const loopback = peer === '::1' || /^(::ffff:)?127\./.test(peer)
  const proxied = ['x-forwarded-for', 'forwarded', 'x-real-ip'].some((h) => request.headers[h] !== undefined)
  return loopback && !proxied
}

/**
 * Who may scrape: with `metrics.token`, whoever sends it as a bearer token; without one, only
 * a direct loopback request, since the figures (queue, staff online, versions) are not public.
 */
function scrapeAccess (token: string | undefined) {
  return async function metricsAccess (request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (token === undefined) {
      if (fromLoopback(request)) return
      return await refuse(reply, 'FD_ERR_FORBIDDEN', '/metrics is served to loopback only; set metrics.token to scrape from elsewhere')
    }
    const given = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1]
    if (given !== undefined && sameToken(given, token)) return
    reply.header('www-authenticate', 'Bearer realm="frontdesk-metrics"')
    return await refuse(reply, 'FD_ERR_UNAUTHENTICATED', 'send Authorization: Bearer <metrics.token>')
  }
}

/**
 * `GET /metrics` for Prometheus, to loopback or a bearer token, with its own allowance: the gauges
 * counted at scrape time, and the counters the services feed.
 */
export default fp(
  async function metricsPlugin (fastify) {
    const fd = fastify.frontdesk
    const registry = fastify.metrics.registry
    // Every gauge reads the same counts: one database round trip per rendering.
    let scrape: Promise<LiveCounts> | undefined
    const counts = (): Promise<LiveCounts> => (scrape ??= fd.store.liveCounts(fd.clock() - 3600_000))
    // Scrapes within RenderReuseMs of each other (or at the same time) share one rendering: a
    // scraper in a loop costs one rendering a second, whoever sends it.
    let rendered: { at: number; text: Promise<string> } | undefined
    const render = (): Promise<string> => {
      const at = performance.now()
      if (rendered !== undefined && at - rendered.at < RenderReuseMs) return rendered.text
      scrape = undefined
      const text = registry.metrics()
      text.catch(() => {
        if (rendered?.text === text) rendered = undefined
      })
      rendered = { at, text }
      return text
    }
    // eslint-disable-next-line no-new -- a gauge registers itself and is read through the registry
    new Gauge({
      name: 'frontdesk_conversations',
      help: 'Conversations by state, shared by all instances (bot: started in the last hour and still with the bot)',
      labelNames: ['state'],
      registers: [registry],
      async collect () {
        const c = await counts()
        for (const state of ['queued', 'assigned', 'offline'] as const) this.set({ state }, c[state])
        this.set({ state: 'bot' }, c.recentBot)
      },
    })
    // eslint-disable-next-line no-new -- a gauge registers itself and is read through the registry
    new Gauge({
      name: 'frontdesk_queue_length',
      help: 'Visitors waiting in the queue for an operator, shared by all instances',
      registers: [registry],
      async collect () {
        this.set((await counts()).queued)
      },
    })
    // eslint-disable-next-line no-new -- a gauge registers itself and is read through the registry
    new Gauge({
      name: 'frontdesk_queue_oldest_wait_seconds',
      help: 'How long the visitor first in the queue has waited (0 when nobody waits)',
      registers: [registry],
      async collect () {
        const oldest = (await counts()).oldestQueuedAt
        this.set(oldest === null ? 0 : Math.max(0, Math.round((fd.clock() - oldest) / 1000)))
      },
    })
    // eslint-disable-next-line no-new -- a gauge registers itself and is read through the registry
    new Gauge({
      name: 'frontdesk_operators_online',
      help: 'Operators with the console open on any instance',
      registers: [registry],
      async collect () {
        this.set((await fd.presence.onlineIds()).size)
      },
    })
    // eslint-disable-next-line no-new -- a gauge registers itself and is read through the registry
    new Gauge({
      name: 'frontdesk_offline_messages_open',
      help: 'Offline messages nobody has handled yet',
      registers: [registry],
      async collect () {
        this.set((await counts()).openContacts)
      },
    })
    fastify.get(
      '/metrics',
      {
        // Its own allowance per address, counted before the token is checked (guesses count too).
        config: { rateLimit: { max: fd.config.metrics.scrapesPerMinute, timeWindow: 60_000, allowList: [] } },
        preHandler: scrapeAccess(fd.config.metrics.token),
        schema: { hide: true, response: errors(401, 403, 429) },
      },
      async (_request, reply) => {
        reply.type(registry.contentType)
        return await render()
      }
    )
  },
  { name: 'frontdesk-metrics', dependencies: ['frontdesk-context'] }
)
