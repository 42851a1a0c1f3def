import type { FastifyBaseLogger, FastifyRequest } from 'fastify'

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

/** Refused origins warned about at most once each, up to this many (a misconfiguration has a few). */
const MaxWarnedOrigins = 100

/**
 * `originAllowed` that tells the admin: the first refusal of each origin is logged as a warning
 * naming it and the `allowedOrigins` setting, since a widget embedded on a page that is not
 * allowed otherwise only shows visitors that the chat is unavailable.
 */
export function createOriginCheck (allowed: readonly string[], log: FastifyBaseLogger) {
  const warned = new Set<string>()
  return (request: FastifyRequest): boolean => {
    if (originAllowed(request, allowed)) return true
    const origin = String(request.headers.origin)
    if (!warned.has(origin) && warned.size < MaxWarnedOrigins) {
      warned.add(origin)
      log.warn(
        { origin, allowedOrigins: allowed },
        `the chat was refused to a page on ${origin}: add it to allowedOrigins in the config to embed the widget there`
      )
    }
    return false
  }
}
