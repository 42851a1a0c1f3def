import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { Contact } from '../../store/types.js'
import { me, requireRole } from '../auth-hooks.js'
import { refuse } from '../refuse.js'
import { AuthErrors, errors, IdParamsSchema } from '../schemas/common.js'
import { ContactListQuerySchema, ContactListSchema, EmptyBodySchema } from '../schemas/contacts.js'

const iso = (ms: number): string => new Date(ms).toISOString()

const view = (c: Contact) => ({
  id: c.id,
  conversation_id: c.conversationId,
  email: c.email,
  text: c.text,
  lang: c.lang,
  at: iso(c.at),
  handled_by: c.handledBy,
  handled_at: c.handledAt === null ? null : iso(c.handledAt),
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
        querystring: ContactListQuerySchema,
        response: { 200: ContactListSchema, ...AuthErrors },
      },
    },
    async (request) => ({ contacts: (await fd.workspace.contacts(request.query.handled ?? false)).map(view) })
  )

  fastify.post(
    '/api/v1/contacts/:id/handled',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Mark an offline message as answered',
        params: IdParamsSchema,
        body: EmptyBodySchema,
        response: { 204: Type.Null(), ...AuthErrors, ...errors(404, 503) },
      },
    },
    async (request, reply) => {
      const done = await fd.workspace.handleContact(request.params.id, me(request.operator).id)
      if (!done) return await refuse(reply, 'FD_ERR_NOT_FOUND', 'no such open offline message')
      return await reply.code(204).send(null)
    }
  )
}

export default contacts
