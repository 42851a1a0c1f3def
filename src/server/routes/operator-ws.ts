import type { WebSocket } from '@fastify/websocket'
import type { FastifyInstance } from 'fastify'
import { checkOperatorFrame, CloseCodes, type OperatorFrame } from '../../core/protocol.js'
import type { BusEvent } from '../../store/types.js'
import { operatorMessageView } from '../../services/operator-view.js'
import type { Operator } from '../../store/types.js'
import { requireRole } from '../auth-hooks.js'

const MaxBufferedBytes = 4 * 1024 * 1024
// A console this far behind gets no typing indicators and skips queue frames until it catches up
// (the next one it gets is complete): nothing is sent faster than the console can draw it.
const DroppableBacklogBytes = 64 * 1024

/**
 * `/ws/operator`: the console's live channel. A logged-in operator (session cookie, same
 * origin) gets the queue whenever it changes, the messages of the conversations they watch
 * (resumed from the last seq they saw), visitors' typing, and reminders.
 */
export default async function operatorWs (fastify: FastifyInstance): Promise<void> {
  const fd = fastify.frontdesk
  const authenticate = requireRole('operator')

  fastify.get(
    '/ws/operator',
    {
      websocket: true,
      preValidation: async (request, reply) => {
        const origin = request.headers.origin
        if (
          origin !== undefined &&
          origin !== `http://${request.headers.host}` &&
          origin !== `https://${request.headers.host}`
        ) {
          return await reply
            .code(403)
            .send({ code: 'FD_ERR_FORBIDDEN', message: 'the console must be opened from this server' })
        }
        await authenticate(request, reply)
      },
    },
    (socket: WebSocket, request) => {
      const operator = request.operator as Operator
      const watched = new Map<string, number>()
      const pumping = new Map<string, Promise<void>>()
      const sendRaw = (data: string, droppable = false): void => {
        if (socket.readyState !== socket.OPEN) return
        if (socket.bufferedAmount > MaxBufferedBytes) {
          socket.terminate()
          return
        }
        if (droppable && socket.bufferedAmount > DroppableBacklogBytes) return
        socket.send(data)
      }
      const send = (frame: object, droppable = false): void => sendRaw(JSON.stringify(frame), droppable)
      let staleQueue = false
      // Queue frames come from the feed, computed once for every console; one skipped while the
      // console is behind is made up by the next change, or at once when it asks (hello).
      const onQueue = (frame: string): void => {
        staleQueue = socket.bufferedAmount > DroppableBacklogBytes
        sendRaw(frame, true)
      }
      const sendQueue = async (): Promise<void> => {
        staleQueue = false
        sendRaw(await fd.queue.current())
      }
      const pump = (id: string): void => {
        const previous = pumping.get(id) ?? Promise.resolve()
        const next = previous
          .then(async () => {
            // Page after page until caught up: a console far behind gets the whole transcript.
            for (let more = true; more;) {
              const after = watched.get(id)
              if (after === undefined) return
              more = false
              for (const m of await fd.conversations.messagesAfter(id, after)) {
                if ((watched.get(id) ?? Infinity) >= m.seq) continue
                send({ type: 'message', ...operatorMessageView(m) })
                watched.set(id, m.seq)
                more = true
              }
            }
          })
          .catch((err: unknown) => request.log.error({ err }, 'operator pump failed'))
        pumping.set(id, next)
      }
      const onEvent = (event: BusEvent): void => {
        if (event.type === 'message') {
          if (watched.has(event.conversationId)) pump(event.conversationId)
        } else if (event.type === 'typing' && event.author === 'visitor' && watched.has(event.conversationId)) {
          send({ type: 'typing', author: 'visitor', conversation_id: event.conversationId }, true)
        } else if (event.type === 'reminder' && event.operatorId === operator.id) {
          send({ type: 'reminder', conversation_id: event.conversationId })
        }
      }
      const handle = async (frame: OperatorFrame): Promise<void> => {
        switch (frame.type) {
          case 'hello':
            return await sendQueue()
          case 'watch':
            watched.set(frame.conversation_id, frame.last_seq ?? 0)
            pump(frame.conversation_id)
            return
          case 'unwatch':
            watched.delete(frame.conversation_id)
            return
          case 'typing': {
            const typed = await fd.operators.typing(frame.conversation_id, operator)
            if (!typed.ok) send({ type: 'error', code: typed.code, message: typed.message })
            return
          }
          case 'text': {
            const outcome = await fd.operators.reply(frame.conversation_id, operator, frame.client_id, frame.text)
            send(
              outcome.ok
                ? { type: 'ack', client_id: frame.client_id, seq: outcome.seq, conversation_id: frame.conversation_id }
                : { type: 'error', code: outcome.code, message: outcome.message, client_id: frame.client_id }
            )
          }
        }
      }

      const leave = fd.presence.connect(operator.id)
      fastify.metrics.connection('operator', 1)
      const unsubscribe = fd.bus.subscribe('*', onEvent)
      const unwatchQueue = fd.queue.watchQueue(onQueue)
      // A skipped queue frame is sent once the console has caught up, even if nothing changes.
      const catchUp = setInterval(() => {
        if (staleQueue && socket.bufferedAmount <= DroppableBacklogBytes) {
          sendQueue().catch((err: unknown) => request.log.error({ err }, 'queue snapshot failed'))
        }
      }, 1000)
      let chain: Promise<void> = Promise.resolve()
      socket.on('message', (data, isBinary) => {
        if (isBinary) {
          send({ type: 'error', code: 'FD_ERR_FRAME_INVALID', message: 'binary frames are not accepted' })
          return
        }
        const checked = checkOperatorFrame(data as Buffer)
        if (!checked.ok) {
          send({ type: 'error', code: checked.code, message: checked.message })
          if (checked.code === 'FD_ERR_FRAME_TOO_BIG') socket.close(CloseCodes.tooBig, 'frame too big')
          return
        }
        chain = chain
          .then(() => handle(checked.frame))
          .catch((err: unknown) => {
            request.log.error({ err }, 'operator frame failed')
            send({ type: 'error', code: 'FD_ERR_STORE_UNAVAILABLE', message: 'that could not be done; try again' })
          })
      })
      socket.on('error', (err) => request.log.debug({ err }, 'operator socket error'))
      socket.on('close', () => {
        clearInterval(catchUp)
        unwatchQueue()
        unsubscribe()
        leave()
        fastify.metrics.connection('operator', -1)
      })
    }
  )
}
