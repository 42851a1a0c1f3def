import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { TObject } from '@sinclair/typebox'
import type { Acted } from '../../services/operator-actions.js'
import type { Operator } from '../../store/types.js'
import { me, requireRole } from '../auth-hooks.js'
import { refuse } from '../refuse.js'
import { AuthErrors, errors, IdParamsSchema } from '../schemas/common.js'
import {
  AckSchema,
  ConversationListSchema,
  ConversationResultSchema,
  FaqLinkBodySchema,
  FaqLinkResultSchema,
  ListQuerySchema,
  NoBodySchema,
  ReplyBodySchema,
  TranscriptQuerySchema,
  TranscriptSchema,
  TransferBodySchema,
} from '../schemas/conversations.js'

/** The operators' REST API over conversations: list, read, claim, reply, transfer, close, link to FAQ. */
const conversations: FastifyPluginAsyncTypebox = async (fastify) => {
  const fd = fastify.frontdesk
  fastify.addHook('preHandler', requireRole('operator'))

  fastify.get(
    '/api/v1/conversations',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Conversations by state, in queue order, a page at a time with the total',
        querystring: ListQuerySchema,
        response: { 200: ConversationListSchema, ...AuthErrors },
      },
    },
    async (request) => {
      const { state, mine, limit, offset } = request.query
      return await fd.workspace.conversations({
        states: state === undefined ? ['queued', 'assigned', 'offline'] : [state],
        assignedTo: mine === true ? me(request.operator).id : undefined,
        limit,
        offset,
      })
    }
  )

  fastify.get(
    '/api/v1/conversations/:id',
    {
      schema: {
        tags: ['conversations'],
        summary: "One conversation with its transcript and the bot's evidence",
        params: IdParamsSchema,
        querystring: TranscriptQuerySchema,
        response: { 200: TranscriptSchema, ...AuthErrors, ...errors(404) },
      },
    },
    async (request, reply) => {
      const transcript = await fd.workspace.transcript(request.params.id, request.query.after)
      if (transcript === undefined) return await refuse(reply, 'FD_ERR_NOT_FOUND', 'no such conversation')
      return transcript
    }
  )

  /** An action on one conversation, answered with the conversation as it is after it. */
  const action = <B extends TObject>(
    name: string,
    summary: string,
    body: B,
    run: (id: string, body: B['static'], operator: Operator) => Promise<Acted>
  ) => {
    fastify.post(
      `/api/v1/conversations/:id/${name}`,
      {
        schema: {
          tags: ['conversations'],
          summary,
          params: IdParamsSchema,
          body,
          response: { 200: ConversationResultSchema, ...AuthErrors, ...errors(404, 409, 503) },
        },
      },
      async (request, reply) => {
        const result = await run(request.params.id, request.body as B['static'], me(request.operator))
        if (!result.ok) return await refuse(reply, result.code, result.message)
        return { conversation: await fd.workspace.summary(result.conversation) }
      }
    )
  }

  action(
    'claim',
    'Take a queued or offline conversation; exactly one of several racing operators wins',
    NoBodySchema,
    (id, _body, op) => fd.operators.claim(id, op)
  )
  action('close', 'End the conversation; the visitor is asked for a rating', NoBodySchema, (id, _body, op) =>
    fd.operators.close(id, op)
  )
  action('transfer', 'Give the conversation to another operator', TransferBodySchema, (id, body, op) =>
    fd.operators.transfer(id, op, body.operator)
  )

  fastify.post(
    '/api/v1/conversations/:id/messages',
    {
      schema: {
        tags: ['conversations'],
        summary:
          'Reply to the visitor (the operator must own the conversation); a resend with the same client_id is stored once',
        params: IdParamsSchema,
        body: ReplyBodySchema,
        response: { 200: AckSchema, ...AuthErrors, ...errors(404, 409, 503) },
      },
    },
    async (request, reply) => {
      const { client_id: clientId, text } = request.body
      const outcome = await fd.operators.reply(request.params.id, me(request.operator), clientId, text)
      if (!outcome.ok) return await refuse(reply, outcome.code, outcome.message)
      return { client_id: clientId, seq: outcome.seq }
    }
  )

  fastify.post(
    '/api/v1/conversations/:id/faq-link',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Say which FAQ entry answers a visitor question of this conversation (feeds the learning loop)',
        params: IdParamsSchema,
        body: FaqLinkBodySchema,
        response: { 200: FaqLinkResultSchema, ...AuthErrors, ...errors(404, 503) },
      },
    },
    async (request, reply) => {
      const { entry_id: entryId, seq } = request.body
      const linked = await fd.faqLinks.link(request.params.id, seq, entryId, me(request.operator).id)
      if (!linked.ok) return await refuse(reply, linked.code, linked.message)
      return {
        id: linked.id,
        ...(linked.proposalId !== undefined && { proposal_id: linked.proposalId }),
        ...(linked.notProposed !== undefined && { not_proposed: linked.notProposed }),
      }
    }
  )
}

export default conversations
