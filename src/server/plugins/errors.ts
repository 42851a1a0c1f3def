import fp from 'fastify-plugin'
import { isErrorCode } from '../../core/errors.js'

/**
 * One error handler for the app: client errors keep their message (it says what to fix);
 * server errors are logged with the request and answered without their text.
 */
export default fp(
  async function errorHandler (fastify) {
    fastify.setErrorHandler(
      (err: Error & { statusCode?: number; code?: string; validation?: unknown }, request, reply) => {
        const status = err.statusCode ?? 500
        if (status >= 500) {
          request.log.error({ err }, 'request failed')
          const unavailable =
            err.code === 'FD_ERR_STORE_UNAVAILABLE' ||
            /SQLITE_(READONLY|FULL|IOERR|BUSY|CANTOPEN)/.test(String(err.code))
          return reply
            .code(unavailable ? 503 : 500)
            .send({
              code: unavailable ? 'FD_ERR_STORE_UNAVAILABLE' : 'FD_ERR_INTERNAL',
              message: unavailable ? 'storage is unavailable; nothing was changed, try again' : 'internal error',
            })
        }
        // fastify's own codes (FST_ERR_CTP_BODY_TOO_LARGE...) are not ours to promise clients: map them.
        const code =
          isErrorCode(err.code)
            ? err.code
            : status === 413
              ? 'FD_ERR_REQUEST_TOO_BIG'
              : 'FD_ERR_REQUEST_INVALID'
        return reply.code(status).send({ code, message: err.message })
      }
    )
    fastify.setNotFoundHandler((request, reply) =>
      reply
        .code(404)
        .send({ code: 'FD_ERR_NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` })
    )
  },
  { name: 'frontdesk-errors' }
)
