import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Contact } from '../../store/types.js'
import { requireRole } from '../auth-hooks.js'
import { IdParams, WithErrors } from '../schemas/common.js'
import { ContactSchema } from '../schemas/conversations.js'
import { me, refuse } from './conversations.js'

const view = (c: Contact) => ({
  id: c.id,
  conversation_id: c.conversationId,
  email: c.email,
  text: c.text,
  lang: c.lang,
  at: new Date(c.at).toISOString(),
  handled_by: c.handledBy,
  handled_at: c.handledAt === null ? null : new Date(c.handledAt).toISOString(),
})

/** The offline inbox: messages visitors left when nobody was there. */
const contacts: FastifyPluginAsyncTypebox = async (fastify) => {
  const fd = fastify.frontdesk
  fastify.addHook('preHandler', requireRole('operator'))

  fastify.get(
    '/api/v1/contacts',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Offline messages, oldest first',
        querystring: Type.Object({ handled: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: WithErrors({ 200: Type.Object({ contacts: Type.Array(ContactSchema) }) }),
      },
    },
    async (request) => ({
      contacts: (await fd.store.listContacts({ handled: request.query.handled ?? false })).map(view),
    })
  )

  fastify.post(
    '/api/v1/contacts/:id/handled',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Mark an offline message as answered',
        params: IdParams,
        body: Type.Optional(Type.Object({}, { additionalProperties: false })),
        response: WithErrors({ 204: Type.Null() }),
      },
    },
    async (request, reply) => {
      const done = await fd.store.markContactHandled(request.params.id, me(request.operator).id, fd.clock())
      if (!done) return await refuse(reply, 'FD_ERR_NOT_FOUND', 'no such open offline message')
      return await reply.code(204).send(null)
    }
  )
}

export default contacts
