import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { requireRole } from '../auth-hooks.js'
import { OperatorSchema, WithErrors } from '../schemas/common.js'
import { operatorView } from './auth.js'

/** Who is on the team and who is online: for transfers and the console's header. */
const operators: FastifyPluginAsyncTypebox = async (fastify) => {
  const fd = fastify.frontdesk
  fastify.get(
    '/api/v1/operators',
    {
      preHandler: requireRole('operator'),
      schema: {
        tags: ['operators'],
        summary: 'Operators, with whether they are online',
        response: WithErrors({ 200: Type.Object({ operators: Type.Array(OperatorSchema) }) }),
      },
    },
    async () => {
      const online = await fd.presence.onlineIds()
      return {
        operators: (await fd.store.listOperators())
          .filter((o) => !o.disabled)
          .map((o) => operatorView(o, online.has(o.id))),
      }
    }
  )
}

export default operators
