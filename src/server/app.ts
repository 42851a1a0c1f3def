import cookie from '@fastify/cookie'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import websocket from '@fastify/websocket'
import type { FastifyInstance } from 'fastify'
import { MaxFrameBytes } from '../core/protocol.js'
import autoAssign from './plugins/auto-assign.js'
import analytics from './routes/analytics.js'
import context, { type AppOptions } from './plugins/context.js'
import errors from './plugins/errors.js'
import jobs from './plugins/jobs.js'
import auth from './routes/auth.js'
import contacts from './routes/contacts.js'
import conversations from './routes/conversations.js'
import faq from './routes/faq.js'
import learning from './routes/learning.js'
import metrics from './plugins/metrics.js'
import health from './routes/health.js'
import operatorWs from './routes/operator-ws.js'
import operators from './routes/operators.js'
import visitorHttp from './routes/visitor-http.js'
import visitorWs from './routes/visitor-ws.js'
import web from './routes/web.js'

/** The options `frontdeskApp` takes (see plugins/context.ts). */
export type { AppOptions }

/**
 * The whole Frontdesk server as one fastify plugin: external plugins, then Frontdesk's own,
 * then routes. Only server.ts creates an instance and listens; tests register this.
 */
export default async function frontdeskApp (fastify: FastifyInstance, opts: AppOptions): Promise<void> {
  await fastify.register(cookie)
  await fastify.register(rateLimit, {
    max: opts.config.limits.requestsPerMinute,
    timeWindow: 60_000,
    // Probes come often and from the load balancer: never lock them out (/metrics has its own
    // allowance). Websocket upgrades have their own per-IP connection cap; counting them here
    // would cap a shop's visitors behind one NAT address at this many widget loads a minute.
    allowList: (request) =>
      ['/healthz', '/readyz'].includes(request.url) ||
      request.headers.upgrade?.toLowerCase() === 'websocket',
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'FD_ERR_RATE_LIMITED',
      message: `too many requests: ${context.max} per minute; try again in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  })
  await fastify.register(websocket, { options: { maxPayload: MaxFrameBytes } })
  await fastify.register(swagger, {
    openapi: {
      info: {
        title: 'Frontdesk API',
        version: '1',
        description:
          "Operators' REST API and the visitor HTTP fallback. State-changing calls need the session cookie and the x-csrf-token header from the login response.",
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fd_session' } } },
    },
  })
  await fastify.register(swaggerUi, { routePrefix: '/api/v1/docs' })
  await fastify.register(errors)
  await fastify.register(context, opts)

  await fastify.register(metrics)
  await fastify.register(health)
  await fastify.register(visitorWs)
  await fastify.register(operatorWs)
  await fastify.register(visitorHttp)
  await fastify.register(auth)
  await fastify.register(conversations)
  await fastify.register(contacts)
  await fastify.register(operators)
  await fastify.register(faq)
  await fastify.register(learning)
  await fastify.register(analytics)
  await fastify.register(web)
  await fastify.register(autoAssign)
  if (opts.jobs !== false) await fastify.register(jobs)
}
