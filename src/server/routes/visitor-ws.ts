import type { FastifyInstance } from 'fastify'
import type { WebSocket } from '@fastify/websocket'
import { parseAcceptLanguage } from '../../core/lang/tags.js'
import { createVisitorChannel } from '../visitor-channel.js'

// A client that stops reading is cut off rather than buffered for without limit.
const MaxBufferedBytes = 1024 * 1024
const PingIntervalMs = 30_000

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
      },
    },
    (socket: WebSocket, request) => {
      perIp.set(request.ip, (perIp.get(request.ip) ?? 0) + 1)
      fastify.metrics.connection('visitor', 1)
      const channel = createVisitorChannel(
        fd,
        {
          send (frame) {
            if (socket.readyState !== socket.OPEN) return
            if (socket.bufferedAmount > MaxBufferedBytes) {
              socket.terminate()
              return
            }
            socket.send(JSON.stringify(frame))
          },
          close: (code, reason) => {
            socket.close(code, reason)
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
        fastify.metrics.connection('visitor', -1)
        channel.dispose()
        const left = (perIp.get(request.ip) ?? 1) - 1
        if (left <= 0) perIp.delete(request.ip)
        else perIp.set(request.ip, left)
      })
    }
  )
}
