import type { FastifyReply, FastifyRequest } from 'fastify'
import { hasRole, sameToken } from '../services/auth.js'
import type { Operator, Role } from '../store/types.js'
import { refuse } from './refuse.js'

/** The session cookie's name (httpOnly, SameSite=Strict). */
export const SessionCookie = 'fd_session'

declare module 'fastify' {
  interface FastifyRequest {
    operator?: Operator
  }
}

const Safe = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * A preHandler that lets through only a logged-in operator with at least `role`, and, for
 * state-changing methods, only with the session's CSRF token in `x-csrf-token`. Auth lives
 * here, never in handlers.
 */
export function requireRole (role: Role) {
  return async function authenticate (request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const fd = request.server.frontdesk
    const session = await fd.auth.session(request.cookies[SessionCookie])
    if (session === undefined) {
      return await refuse(reply, 'FD_ERR_UNAUTHENTICATED', 'log in first')
    }
    if (!Safe.has(request.method)) {
      const given = request.headers['x-csrf-token']
      if (typeof given !== 'string' || !sameToken(given, session.csrfToken)) {
        return await refuse(reply, 'FD_ERR_CSRF', 'missing or wrong x-csrf-token header')
      }
    }
    if (!hasRole(session.operator, role)) {
      return await refuse(reply, 'FD_ERR_FORBIDDEN', `this needs the ${role} role`)
    }
    request.operator = session.operator
  }
}

/** The operator the auth hook let through; its absence is a bug in the route, not a client error. */
export function me (operator: Operator | undefined): Operator {
  if (operator === undefined) throw new Error('route is missing its requireRole hook')
  return operator
}

/**
 * Cookie options: httpOnly and SameSite=Strict always; Secure on HTTPS (or as configured).
 * The lifetime goes out as Max-Age, relative to the server's clock, never as an Expires date:
 * a browser judges a date by its own clock, which need not agree with the server's.
 */
export function sessionCookieOptions (request: FastifyRequest, expiresAt: number) {
  const configured = request.server.frontdesk.config.auth.secureCookies
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/',
    secure: configured === 'auto' ? request.protocol === 'https' : configured,
    maxAge: Math.max(0, Math.floor((expiresAt - request.server.frontdesk.clock()) / 1000)),
  }
}
