import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { operatorView } from '../../services/operator-view.js'
import { requireRole, SessionCookie, sessionCookieOptions } from '../auth-hooks.js'
import { refuse } from '../refuse.js'
import { LoginBodySchema, SessionSchema } from '../schemas/auth.js'
import { AuthErrors, errors } from '../schemas/common.js'

/** Login, logout and "who am I" for the console. */
const auth: FastifyPluginAsyncTypebox = async (fastify) => {
  const fd = fastify.frontdesk

  fastify.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets the session cookie and returns the CSRF token for state-changing calls',
        body: LoginBodySchema,
        response: { 200: SessionSchema, ...errors(400, 401, 429, 503) },
      },
    },
    async (request, reply) => {
      const result = await fd.auth.login(request.body.username, request.body.password)
      if (!result.ok) return await refuse(reply, result.code, result.message)
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
        response: { 204: Type.Null(), ...AuthErrors },
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
        response: { 200: SessionSchema, ...errors(401, 429) },
      },
    },
    async (request, reply) => {
      const session = await fd.auth.session(request.cookies[SessionCookie])
      if (session === undefined) {
        return await refuse(reply, 'FD_ERR_UNAUTHENTICATED', 'log in first')
      }
      return { operator: operatorView(session.operator), csrf_token: session.csrfToken }
    }
  )
}

export default auth
