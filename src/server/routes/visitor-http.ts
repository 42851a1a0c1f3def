import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { parseAcceptLanguage } from '../../core/lang/tags.js'
import { checkVisitorFrame } from '../../core/protocol.js'
import { visitorMessageFrame } from '../../services/frames.js'
import type { Conversation } from '../../store/types.js'
import { refuse } from '../refuse.js'
import { ErrorSchema } from '../schemas/common.js'

const LongPollMs = 25_000
const Frames = Type.Object({
  frames: Type.Array(
    Type.Object(
      { type: Type.String() },
      { additionalProperties: true, description: 'frames as on the websocket: see PROTOCOL.md' }
    )
  ),
})
const Errors = {
  400: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  413: ErrorSchema,
  429: ErrorSchema,
  503: ErrorSchema,
}

/**
 * The visitor protocol over plain HTTP, for networks that block websockets: the same frames,
 * POSTed one at a time, and a long-poll that returns every message after a seq. The resume
 * token travels in the `x-resume-token` header, never in a URL (URLs end up in logs).
 */
const tooMany = async (reply: FastifyReply): Promise<FastifyReply> =>
  await reply.code(429).send({ code: 'FD_ERR_RATE_LIMITED', message: 'too many messages: wait a moment and send again' })

const visitorHttp: FastifyPluginAsyncTypebox = async (fastify) => {
  const fd = fastify.frontdesk

  // The frame is checked by the same compiled schema as on the websocket, so it arrives raw.
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_request, body, done) => {
      done(null, body)
    }
  )

  // A widget embedded on the shop's own domain calls us cross-origin: allowed origins get CORS
  // headers (never credentials: the resume token is a header, not a cookie), others a 403.
  fastify.addHook('onRequest', async (request, reply) => {
    if (!fd.originAllowed(request)) {
      // Readable by the refused page (its preflight passes, the request itself is refused), so
      // that its widget can say the chat is unavailable there instead of retrying as if the
      // network were down. The answer carries nothing but the refusal.
      const origin = request.headers.origin
      if (origin !== undefined) void reply.header('access-control-allow-origin', origin).header('vary', 'Origin')
      if (request.method === 'OPTIONS') return
      return await reply
        .code(403)
        .send({ code: 'FD_ERR_FORBIDDEN', message: `origin ${request.headers.origin ?? ''} may not use the chat` })
    }
    const origin = request.headers.origin
    if (origin !== undefined) {
      void reply.header('access-control-allow-origin', origin).header('vary', 'Origin')
    }
  })
  for (const url of ['/api/v1/visitor/frames', '/api/v1/visitor/events']) {
    fastify.options(
      url,
      { schema: { hide: true } },
      async (_request, reply) =>
        await reply
          .code(204)
          .header('access-control-allow-methods', 'GET, POST')
          .header('access-control-allow-headers', 'content-type, x-resume-token')
          .header('access-control-max-age', '600')
          .send()
    )
  }

  const owned = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string | undefined
  ): Promise<Conversation | undefined> => {
    const token = request.headers['x-resume-token']
    const opened = await fd.conversations.open({
      type: 'hello',
      conversation_id: id,
      resume_token: typeof token === 'string' ? token : '',
    })
    if (!opened.ok) {
      await refuse(reply, opened.code, opened.message)
      return undefined
    }
    return opened.conversation
  }

  fastify.post(
    '/api/v1/visitor/frames',
    {
      schema: {
        tags: ['visitor'],
        summary: 'Send one visitor frame (hello, text, choose, feedback, handoff, contact, rating, close, typing)',
        querystring: Type.Object(
          { conversation_id: Type.Optional(Type.String({ maxLength: 100 })) },
          { additionalProperties: false }
        ),
        response: { 200: Frames, ...Errors },
      },
    },
    async (request, reply) => {
      const checked = checkVisitorFrame(String(request.body ?? ''))
      if (!checked.ok) {
        // Charged like a message, as on the websocket: a stream of them is a flood.
        if (!fd.allowance.message({ address: request.ip }).ok) return await tooMany(reply)
        return await reply
          .code(checked.code === 'FD_ERR_FRAME_TOO_BIG' ? 413 : 400)
          .send({ code: checked.code, message: checked.message })
      }
      const frame = checked.frame
      if (frame.type === 'hello') {
        const opened = await fd.conversations.open(frame, {
          userAgent: request.headers['user-agent'],
          address: request.ip,
          acceptLanguage: parseAcceptLanguage(request.headers['accept-language'] ?? ''),
        })
        if (!opened.ok) return await refuse(reply, opened.code, opened.message)
        const c = opened.conversation
        return {
          frames: [
            {
              type: 'welcome',
              conversation_id: c.id,
              resume_token: opened.resumeToken,
              state: c.state,
              lang: c.lang,
              last_seq: c.lastSeq,
            },
          ],
        }
      }
      const conversation = await owned(request, reply, request.query.conversation_id)
      if (conversation === undefined) return reply
      if (frame.type === 'typing') {
        fd.conversations.typing(conversation.id)
        return { frames: [] }
      }
      const allowed = fd.allowance.message({
        address: request.ip,
        conversationId: conversation.id,
        visitorKey: conversation.visitorKey,
      })
      if (!allowed.ok) return await tooMany(reply)
      const outcome = await fd.conversations.handle(conversation.id, frame)
      return {
        frames: [
          outcome.ok
            ? { type: 'ack', client_id: frame.client_id, seq: outcome.seq }
            : { type: 'error', code: outcome.code, message: outcome.message, client_id: frame.client_id },
        ],
      }
    }
  )

  fastify.get(
    '/api/v1/visitor/events',
    {
      schema: {
        tags: ['visitor'],
        summary:
          'Long-poll: the messages after `after` (at once if there are any, else when one arrives, or empty after 25 s), then the state',
        querystring: Type.Object(
          {
            conversation_id: Type.String({ maxLength: 100 }),
            after: Type.Integer({ minimum: 0, maximum: 2 ** 31 }),
            wait: Type.Optional(Type.Boolean({ default: true })),
          },
          { additionalProperties: false }
        ),
        response: { 200: Frames, ...Errors },
      },
    },
    async (request, reply) => {
      // ajv coerces "1e400" to Infinity and lets it through its own maximum.
      if (!Number.isSafeInteger(request.query.after)) {
        return await reply
          .code(400)
          .send({ code: 'FD_ERR_REQUEST_INVALID', message: 'querystring/after must be an integer up to 2^31' })
      }
      const conversation = await owned(request, reply, request.query.conversation_id)
      if (conversation === undefined) return reply
      const { after } = request.query
      if (conversation.lastSeq <= after && request.query.wait !== false) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, LongPollMs)
          const unsubscribe = fd.bus.subscribe(conversation.id, (e) => {
            if (e.type === 'message' || e.type === 'conversation') done()
          })
          request.raw.on('close', done)
          function done (): void {
            clearTimeout(timer)
            unsubscribe()
            resolve()
          }
        })
      }
      const messages = await fd.conversations.messagesAfter(conversation.id, after)
      const current = (await fd.conversations.get(conversation.id)) ?? conversation
      return { frames: [...messages.map(visitorMessageFrame), await fd.conversations.state(current)] }
    }
  )
}

export default visitorHttp
