import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { operatorView } from '../../services/operator-view.js'
import { requireRole } from '../auth-hooks.js'
import { TeamSchema } from '../schemas/auth.js'
import { AuthErrors } from '../schemas/common.js'

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
        response: { 200: TeamSchema, ...AuthErrors },
      },
    },
    async () => ({
      operators: (await fd.workspace.team()).map(({ operator, online }) => operatorView(operator, online)),
    })
  )
}

export default operators
