import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import type { ErrorCode } from '../../core/errors.js'
import { conversationSummaries, operatorMessageView } from '../../services/operator-view.js'
import type { Conversation, Operator } from '../../store/types.js'
import { requireRole } from '../auth-hooks.js'
import { ClientId, IdParams, WithErrors } from '../schemas/common.js'
import { Ack, ConversationSchema, ListQuery, MessageSchema, TranscriptQuery } from '../schemas/conversations.js'

const Status: Partial<Record<ErrorCode, number>> = {
  FD_ERR_NOT_FOUND: 404,
  FD_ERR_CONFLICT: 409,
  FD_ERR_FORBIDDEN: 403,
  FD_ERR_TEXT_TOO_LONG: 400,
  FD_ERR_TEXT_EMPTY: 400,
  // Content an edit would break (an accepted FAQ proposal): understood, but not applicable.
  FD_ERR_FAQ_INVALID: 422,
}

export async function refuse (reply: FastifyReply, code: ErrorCode, message: string): Promise<FastifyReply> {
  return await reply.code(Status[code] ?? 400).send({ code, message })
}

/** The operator the auth hook let through; its absence is a bug, not a client error. */
export function me (operator: Operator | undefined): Operator {
  if (operator === undefined) throw new Error('route is missing its requireRole hook')
  return operator
}

/** The operators' REST API over conversations: list, read, claim, reply, transfer, close, link to FAQ. */
const conversations: FastifyPluginAsyncTypebox = async (fastify) => {
  const fd = fastify.frontdesk
  fastify.addHook('preHandler', requireRole('operator'))

  const summaries = (list: Conversation[], withQuestion: boolean) =>
    conversationSummaries(fd.store, list, fd.clock(), () => withQuestion)
  // One conversation in, one summary out.
  const view = async (c: Conversation, withQuestion: boolean) => (await summaries([c], withQuestion))[0]!

  fastify.get(
    '/api/v1/conversations',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Conversations by state, in queue order',
        querystring: ListQuery,
        response: WithErrors({ 200: Type.Object({ conversations: Type.Array(ConversationSchema) }) }),
      },
    },
    async (request) => {
      const { state, mine } = request.query
      const list = await fd.store.listConversations({
        states: state === undefined ? ['queued', 'assigned', 'offline'] : [state],
        ...(mine === true && { assignedTo: request.operator?.id }),
      })
      const withQuestion = state !== 'closed'
      return { conversations: await summaries(list, withQuestion) }
    }
  )

  fastify.get(
    '/api/v1/conversations/:id',
    {
      schema: {
        tags: ['conversations'],
        summary: "One conversation with its transcript and the bot's evidence",
        params: IdParams,
        querystring: TranscriptQuery,
        response: WithErrors({
          200: Type.Object({ conversation: ConversationSchema, messages: Type.Array(MessageSchema) }),
        }),
      },
    },
    async (request, reply) => {
      const c = await fd.store.getConversation(request.params.id)
      if (c === undefined) return await refuse(reply, 'FD_ERR_NOT_FOUND', 'no such conversation')
      const messages = await fd.store.messagesAfter(c.id, request.query.after ?? 0, 5000)
      return { conversation: await view(c, false), messages: messages.map(operatorMessageView) }
    }
  )

  // `body` is typed by the schema each action passes in, so the runner takes it as it comes.
  const action = (
    name: string,
    summary: string,
    run: (
      id: string,
      body: any,
      operator: Operator,
    ) => Promise<{ ok: true; conversation: Conversation } | { ok: false; code: ErrorCode; message: string }>,
    body: ReturnType<typeof Type.Object> = Type.Object({}, { additionalProperties: false })
  ) => {
    fastify.post(
      `/api/v1/conversations/:id/${name}`,
      {
        schema: {
          tags: ['conversations'],
          summary,
          params: IdParams,
          body,
          response: WithErrors({ 200: Type.Object({ conversation: ConversationSchema }) }),
        },
      },
      async (request, reply) => {
        const result = await run(request.params.id, request.body, me(request.operator))
        if (!result.ok) return await refuse(reply, result.code, result.message)
        return { conversation: await view(result.conversation, false) }
      }
    )
  }

  action(
    'claim',
    'Take a queued or offline conversation; exactly one of several racing operators wins',
    (id, _body, op) => fd.operators.claim(id, op)
  )
  action('close', 'End the conversation; the visitor is asked for a rating', (id, _body, op) =>
    fd.operators.close(id, op)
  )
  action(
    'transfer',
    'Give the conversation to another operator',
    async (id, body: { operator: string }, op) => {
      const to = await fd.store.getOperatorByUsername(body.operator)
      if (to === undefined) return { ok: false, code: 'FD_ERR_NOT_FOUND', message: `no operator "${body.operator}"` }
      return await fd.operators.transfer(id, op, to)
    },
    Type.Object(
      { operator: Type.String({ minLength: 1, maxLength: 100, description: 'username' }) },
      { additionalProperties: false }
    )
  )

  fastify.post(
    '/api/v1/conversations/:id/messages',
    {
      schema: {
        tags: ['conversations'],
        summary:
          'Reply to the visitor (the operator must own the conversation); a resend with the same client_id is stored once',
        params: IdParams,
        body: Type.Object(
          { client_id: ClientId, text: Type.String({ maxLength: 100_000 }) },
          { additionalProperties: false }
        ),
        response: WithErrors({ 200: Ack }),
      },
    },
    async (request, reply) => {
      const outcome = await fd.operators.reply(
        request.params.id,
        me(request.operator),
        request.body.client_id,
        request.body.text
      )
      if (!outcome.ok) return await refuse(reply, outcome.code, outcome.message)
      return { client_id: request.body.client_id, seq: outcome.seq }
    }
  )

  fastify.post(
    '/api/v1/conversations/:id/faq-link',
    {
      schema: {
        tags: ['conversations'],
        summary: 'Say which FAQ entry answers a visitor question of this conversation (feeds the learning loop)',
        params: IdParams,
        body: Type.Object(
          {
            entry_id: Type.String({ minLength: 1, maxLength: 100 }),
            seq: Type.Integer({ minimum: 1, maximum: 2 ** 31 }),
          },
          { additionalProperties: false }
        ),
        response: WithErrors({
          200: Type.Object({
            id: Type.String(),
            proposal_id: Type.Optional(Type.String({ description: "the editors' proposal this link supports" })),
            not_proposed: Type.Optional(
              Type.String({
                description: 'why the question is not proposed: redacted, personal, too_long, no_terms, already_listed',
              })
            ),
          }),
        }),
      },
    },
    async (request, reply) => {
      const c = await fd.store.getConversation(request.params.id)
      if (c === undefined) return await refuse(reply, 'FD_ERR_NOT_FOUND', 'no such conversation')
      const [message] = await fd.store.messagesAfter(c.id, request.body.seq - 1, 1)
      if (message?.seq !== request.body.seq || message.author !== 'visitor') {
        return await refuse(
          reply,
          'FD_ERR_NOT_FOUND',
          `message ${request.body.seq} is not a visitor question of this conversation`
        )
      }
      if (fd.content.current().engine.entry(message.lang, request.body.entry_id) === undefined) {
        return await refuse(reply, 'FD_ERR_NOT_FOUND', `no FAQ entry "${request.body.entry_id}" in ${message.lang}`)
      }
      const id = `${c.id}:${message.seq}`
      await fd.store.addFaqLink({
        id,
        conversationId: c.id,
        seq: message.seq,
        entryId: request.body.entry_id,
        lang: message.lang,
        question: message.text,
        operatorId: me(request.operator).id,
        at: fd.clock(),
      })
      // The learning loop proposes the question to the editors (unless it is personal or already listed).
      const learned = await fd.learning.linked(message, request.body.entry_id, me(request.operator).id)
      return {
        id,
        ...(learned.proposal !== undefined && { proposal_id: learned.proposal.id }),
        ...(learned.skipped !== undefined && { not_proposed: learned.skipped }),
      }
    }
  )
}

export default conversations
