import type { FastifyInstance } from 'fastify'

/** Liveness (the process answers) and readiness (the store answers and content is loaded). */
export default async function health (fastify: FastifyInstance): Promise<void> {
  const fd = fastify.frontdesk
  const Status = {
    type: 'object',
    properties: {
      status: { type: 'string' },
      store: { type: 'string' },
      langs: { type: 'array', items: { type: 'string' } },
    },
  } as const
  fastify.get('/healthz', { schema: { response: { 200: Status } } }, async () => ({ status: 'ok' }))
  fastify.get('/readyz', { schema: { response: { 200: Status, 503: Status } } }, async (_request, reply) => {
    try {
      await fd.store.getConversation('readyz-probe')
      return { status: 'ready', store: fd.store.kind, langs: fd.content.current().faq.langs }
    } catch {
      return await reply.code(503).send({ status: 'unavailable', store: fd.store.kind })
    }
  })
}
