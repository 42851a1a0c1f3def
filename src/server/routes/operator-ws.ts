import type { WebSocket } from '@fastify/websocket'
import type { FastifyInstance } from 'fastify'
import { checkOperatorFrame, CloseCodes, type OperatorFrame } from '../../core/protocol.js'
import type { BusEvent } from '../../store/types.js'
import { conversationSummaries, operatorMessageView } from '../../services/operator-view.js'
import type { Operator } from '../../store/types.js'
import { requireRole } from '../auth-hooks.js'

const QueueDebounceMs = 150
const MaxBufferedBytes = 4 * 1024 * 1024

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
      let queueTimer: NodeJS.Timeout | undefined
      const send = (frame: object): void => {
        if (socket.readyState !== socket.OPEN) return
        if (socket.bufferedAmount > MaxBufferedBytes) {
          socket.terminate()
          return
        }
        socket.send(JSON.stringify(frame))
      }
      const sendQueue = async (): Promise<void> => {
        const list = await fd.store.listConversations({ states: ['queued', 'offline', 'assigned'] })
        const conversations = await conversationSummaries(fd.store, list, fd.clock(), (c) => c.state !== 'assigned')
        const openContacts = (await fd.store.listContacts({ handled: false })).length
        send({ type: 'queue', conversations, open_contacts: openContacts })
      }
      // One snapshot per interval at most, sent within the interval of the first change: a timer
      // restarted on every change would never fire while visitors keep writing.
      const queueChanged = (): void => {
        queueTimer ??= setTimeout(() => {
          queueTimer = undefined
          sendQueue().catch((err: unknown) => request.log.error({ err }, 'queue snapshot failed'))
        }, QueueDebounceMs)
      }
      const pump = (id: string): void => {
        const previous = pumping.get(id) ?? Promise.resolve()
        const next = previous
          .then(async () => {
            const after = watched.get(id)
            if (after === undefined) return
            for (const m of await fd.store.messagesAfter(id, after)) {
              if ((watched.get(id) ?? Infinity) >= m.seq) continue
              send({ type: 'message', ...operatorMessageView(m) })
              watched.set(id, m.seq)
            }
          })
          .catch((err: unknown) => request.log.error({ err }, 'operator pump failed'))
        pumping.set(id, next)
      }
      const onEvent = (event: BusEvent): void => {
        if (event.type === 'conversation') queueChanged()
        else if (event.type === 'message') {
          if (watched.has(event.conversationId)) pump(event.conversationId)
          queueChanged()
        } else if (event.type === 'typing' && event.author === 'visitor' && watched.has(event.conversationId)) {
          send({ type: 'typing', author: 'visitor', conversation_id: event.conversationId })
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
          case 'typing':
            fd.bus.publish({ type: 'typing', conversationId: frame.conversation_id, author: 'operator' })
            return
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
        clearTimeout(queueTimer)
        unsubscribe()
        leave()
        fastify.metrics.connection('operator', -1)
      })
    }
  )
}
