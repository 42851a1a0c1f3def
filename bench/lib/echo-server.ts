/**
 * The baseline of `bench:load`: a bare fastify + @fastify/websocket server that sends every
 * frame straight back, with the same payload cap as Frontdesk's visitor socket. Run as a child
 * process (`node --import tsx bench/lib/echo-server.ts`); HOST and PORT (0: any free port) from
 * the environment; prints "echo server running at http://HOST:PORT" once it listens.
 */
import websocket from '@fastify/websocket'
import Fastify from 'fastify'
import { MaxFrameBytes } from '../../src/core/protocol.js'

const app = Fastify({ logger: false })
await app.register(websocket, { options: { maxPayload: MaxFrameBytes } })
app.get('/ws/echo', { websocket: true }, (socket) => {
  socket.on('message', (data, isBinary) => {
    socket.send(data as Buffer, { binary: isBinary })
  })
  socket.on('error', () => {
    /* the client went away: nothing to do */
  })
})
// The same liveness route as Frontdesk's, for the responsiveness probe.
app.get('/healthz', async () => ({ status: 'ok' }))
const url = await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 0) })
console.log(`echo server running at ${url}`)

const stop = (): void => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1)
  )
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
