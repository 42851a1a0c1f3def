import type { FastifyInstance } from 'fastify'
import type { WebSocket } from '@fastify/websocket'
import { parseAcceptLanguage } from '../../core/lang/tags.js'
import { createVisitorChannel } from '../visitor-channel.js'

// A client that stops reading is cut off rather than buffered for without limit.
const MaxBufferedBytes = 1024 * 1024
// Typing indicators are skipped for a client this far behind: they are stale by the time it reads them.
const DroppableBacklogBytes = 16 * 1024
const PingIntervalMs = 30_000
// After the server's close frame, the client has this long to answer before the socket is destroyed.
const CloseGraceMs = 2000

/** `/ws/visitor`: the widget's websocket. See PROTOCOL.md. */
export default async function visitorWs (fastify: FastifyInstance): Promise<void> {
  const fd = fastify.frontdesk
  const perIp = new Map<string, number>()

  fastify.get(
    '/ws/visitor',
    {
      websocket: true,
      preValidation: async (request, reply) => {
        if (!fd.originAllowed(request)) {
          return await reply
            .code(403)
            .send({ code: 'FD_ERR_FORBIDDEN', message: `origin ${request.headers.origin ?? ''} may not open the chat` })
        }
        if ((perIp.get(request.ip) ?? 0) >= fd.config.limits.connectionsPerIp) {
          return await reply
            .code(429)
            .send({ code: 'FD_ERR_RATE_LIMITED', message: 'too many open connections from this address' })
        }
        if (!fd.allowance.mayConnect(request.ip)) {
          return await reply
            .code(429)
            .send({ code: 'FD_ERR_RATE_LIMITED', message: 'too many connections from this address were closed for abuse' })
        }
      },
    },
    (socket: WebSocket, request) => {
      perIp.set(request.ip, (perIp.get(request.ip) ?? 0) + 1)
      let closeTimer: NodeJS.Timeout | undefined
      fastify.metrics.connection('visitor', 1)
      const channel = createVisitorChannel(
        fd,
        {
          send (frame, droppable) {
            if (socket.readyState !== socket.OPEN) return
            if (socket.bufferedAmount > MaxBufferedBytes) {
              socket.terminate()
              return
            }
            if (droppable === true && socket.bufferedAmount > DroppableBacklogBytes) return
            socket.send(JSON.stringify(frame))
          },
          close: (code, reason) => {
            socket.close(code, reason)
            // The channel may have paused reading (backpressure): the client's answering close
            // frame must still be read, or the close only completes at the library's 30 s timeout
            // and the socket keeps its place under the per-address cap meanwhile.
            socket.resume()
            closeTimer ??= setTimeout(() => socket.terminate(), CloseGraceMs)
          },
          onError: (err) => request.log.error({ err }, 'visitor frame failed'),
          pause: () => {
            socket.pause()
          },
          resume: () => {
            socket.resume()
          },
        },
        {
          userAgent: request.headers['user-agent'],
          address: request.ip,
          acceptLanguage: parseAcceptLanguage(request.headers['accept-language'] ?? ''),
        }
      )
      let alive = true
      const ping = setInterval(() => {
        if (!alive) {
          socket.terminate()
          return
        }
        alive = false
        socket.ping()
      }, PingIntervalMs)
      socket.on('pong', () => {
        alive = true
      })
      socket.on('message', (data, isBinary) => {
        channel.receive(data as Buffer, isBinary)
      })
      socket.on('error', (err) => request.log.debug({ err }, 'visitor socket error'))
      socket.on('close', () => {
        clearInterval(ping)
        clearTimeout(closeTimer)
        fastify.metrics.connection('visitor', -1)
        channel.dispose()
        const left = (perIp.get(request.ip) ?? 1) - 1
        if (left <= 0) perIp.delete(request.ip)
        else perIp.set(request.ip, left)
      })
    }
  )
}
