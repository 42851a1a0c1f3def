import fp from 'fastify-plugin'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { Decision } from '../core/triage/engine.js'

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics
  }
}

export interface Metrics {
  registry: Registry
  decision(d: Decision): void
  connection(kind: 'visitor' | 'operator', delta: 1 | -1): void
}

/**
 * Prometheus metrics at `/metrics`: live gauges read from the store at scrape time (so they are
 * right whichever instance answers), counters of bot decisions and messages, and process
 * metrics. The registry is per app, so tests and several apps in one process do not collide.
 */
export function createMetrics (): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'frontdesk_process_' })
  const decisions = new Counter({ name: 'frontdesk_decisions_total', help: 'Bot decisions by outcome, reason and language', labelNames: ['decision', 'reason', 'lang'], registers: [registry] })
  const confidence = new Histogram({ name: 'frontdesk_decision_confidence', help: 'Confidence of the best FAQ entry per decision', buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], registers: [registry] })
  const connections = new Gauge({ name: 'frontdesk_websocket_connections', help: 'Open websockets on this instance', labelNames: ['kind'], registers: [registry] })
  return {
    registry,
    decision (d) {
      decisions.inc({ decision: d.decision, reason: d.decision === 'escalate' ? d.reason : '', lang: d.lang })
      confidence.observe(d.confidence)
    },
    connection: (kind, delta) => connections.inc({ kind }, delta),
  }
}

export default fp(async function metricsPlugin (fastify) {
  const fd = fastify.frontdesk
  const registry = fastify.metrics.registry
  new Gauge({
    name: 'frontdesk_conversations',
    help: 'Conversations by state (bot counts those active in the last hour)',
    labelNames: ['state'],
    registers: [registry],
    async collect () {
      for (const state of ['queued', 'assigned', 'offline'] as const) {
        this.set({ state }, (await fd.store.listConversations({ states: [state], limit: 100_000 })).length)
      }
    },
  })
  new Gauge({
    name: 'frontdesk_operators_online',
    help: 'Operators with the console open on this instance',
    registers: [registry],
    async collect () { this.set((await fd.presence.online()).length) },
  })
  new Gauge({
    name: 'frontdesk_offline_messages_open',
    help: 'Offline messages nobody has handled yet',
    registers: [registry],
    async collect () { this.set((await fd.store.listContacts({ handled: false, limit: 100_000 })).length) },
  })
  fastify.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType)
    return await registry.metrics()
  })
}, { name: 'frontdesk-metrics', dependencies: ['frontdesk-context'] })
