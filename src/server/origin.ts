import type { FastifyRequest } from 'fastify'

/**
 * Whether a browser request comes from a page allowed to use the chat: the server's own origin,
 * or one listed in `allowedOrigins` ("*" allows any). A request without an Origin header is not
 * from a page script (browsers always send it on websockets and cross-site POSTs), so it is
 * allowed: the resume token, not the origin, protects a conversation.
 */
export function originAllowed (request: FastifyRequest, allowed: readonly string[]): boolean {
  const origin = request.headers.origin
  if (origin === undefined) return true
  if (allowed.includes('*') || allowed.includes(origin)) return true
  const host = request.headers.host
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`)
}
