import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { requireRole, SessionCookie, sessionCookieOptions } from '../auth-hooks.js'
import { ErrorSchema, OperatorSchema } from '../schemas/common.js'
import type { Operator } from '../../store/types.js'

const Session = Type.Object({ operator: OperatorSchema, csrf_token: Type.String() })

export const operatorView = (o: Operator, online?: boolean) => ({
  id: o.id,
  username: o.username,
  name: o.name,
  role: o.role,
  langs: o.langs,
  capacity: o.capacity,
  ...(online !== undefined && { online }),
})

/** Login, logout and "who am I" for the console. */
const auth: FastifyPluginAsyncTypebox = async (fastify) => {
  const fd = fastify.frontdesk

  fastify.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets the session cookie and returns the CSRF token for state-changing calls',
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 100 }),
            password: Type.String({ minLength: 1, maxLength: 1000 }),
          },
          { additionalProperties: false }
        ),
        response: { 200: Session, 400: ErrorSchema, 401: ErrorSchema },
      },
    },
    async (request, reply) => {
      const result = await fd.auth.login(request.body.username, request.body.password)
      if (!result.ok) return await reply.code(401).send({ code: result.code, message: result.message })
      reply.setCookie(SessionCookie, result.sessionToken, sessionCookieOptions(request, result.expiresAt))
      return { operator: operatorView(result.operator), csrf_token: result.csrfToken }
    }
  )

  fastify.post(
    '/api/v1/auth/logout',
    {
      preHandler: requireRole('operator'),
      schema: {
        tags: ['auth'],
        summary: 'Log out: ends the session',
        response: { 204: Type.Null(), 401: ErrorSchema, 403: ErrorSchema },
      },
    },
    async (request, reply) => {
      await fd.auth.logout(request.cookies[SessionCookie])
      reply.clearCookie(SessionCookie, { path: '/' })
      return await reply.code(204).send(null)
    }
  )

  fastify.get(
    '/api/v1/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The logged-in operator and the CSRF token',
        response: { 200: Session, 401: ErrorSchema },
      },
    },
    async (request, reply) => {
      const session = await fd.auth.session(request.cookies[SessionCookie])
      if (session === undefined) {
        return await reply.code(401).send({ code: 'FD_ERR_UNAUTHENTICATED', message: 'log in first' })
      }
      return { operator: operatorView(session.operator), csrf_token: session.csrfToken }
    }
  )
}

export default auth
