import { newClientId } from '../shared/ids.js'
import type {
  MessageFrame,
  StateFrame,
  VisitorActionFrame,
  VisitorHelloFrame,
  VisitorServerFrame,
} from '../shared/protocol.js'
import { createConnection, type ConnectionOptions, type ConnectionStatus } from './connection.js'
import type { WidgetOptions } from './options.js'
import { createOutbox } from './outbox.js'
import type { OutboxItem, SessionStore } from './session-store.js'

/** Everything the view shows, owned by the controller. */
export interface WidgetModel {
  conversationId?: string
  /** Stored messages in seq order, without gaps or repeats. */
  messages: MessageFrame[]
  lastSeq: number
  state?: StateFrame
  /** Frames not yet acknowledged (shown as pending), or refused (shown as not sent). */
  outbox: OutboxItem[]
  operatorTyping: boolean
  connection: ConnectionStatus
  /** The conversation's language, as the server last said (welcome, or the visitor's messages). */
  lang?: string
  /** Messages from the team that arrived live (not replayed) since the visitor last looked. */
  unread: number
  /** A frame was refused because the visitor sends too fast. */
  slowDown: boolean
}

/** An action frame without its client id: the controller gives it one. */
export type Action = VisitorActionFrame extends infer F
  ? F extends { client_id: string }
    ? Omit<F, 'client_id'>
    : never
  : never

const OperatorTypingMs = 6000
const TypingEveryMs = 3000

/**
 * The widget's brain, without any DOM: keeps the conversation (resumed with the saved token),
 * the outbox of unacknowledged frames (persisted; resent with the same client id after every
 * reconnect, so nothing is lost or stored twice), and the model the view draws.
 */
export function createController (
  options: WidgetOptions,
  store: SessionStore,
  onChange: (model: WidgetModel) => void,
  transports: Pick<ConnectionOptions, 'openTransport'> = {}
) {
  let saved = store.load()
  const model: WidgetModel = {
    messages: [],
    lastSeq: 0,
    outbox: saved.outbox.filter((i) => i.frame.type !== 'close'),
    operatorTyping: false,
    connection: 'idle',
    unread: 0,
    slowDown: false,
    ...(saved.conversationId !== undefined && { conversationId: saved.conversationId }),
  }
  let replayUntil = 0
  let visible = false
  let typingTimer: ReturnType<typeof setTimeout> | undefined
  let lastTypingSent = 0
  let scheduled = false

  const changed = (): void => {
    if (scheduled) return
    scheduled = true
    queueMicrotask(() => {
      scheduled = false
      model.outbox = outbox.items()
      model.slowDown = outbox.slowDown()
      onChange(model)
    })
  }
  const persist = (): void => {
    store.save({ ...saved, outbox: outbox.items() })
  }

  // One key per conversation this page starts: a start retried because its welcome was lost
  // (HTTP fallback, dropped socket) opens the same conversation instead of a second one.
  const newStartKey = (): string =>
    btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')
  let startKey = newStartKey()
  const hello = (): VisitorHelloFrame => {
    if (saved.conversationId !== undefined && saved.resumeToken !== undefined) {
      // After a reload the history is empty: no last_seq asks for all of it.
      return {
        type: 'hello',
        conversation_id: saved.conversationId,
        resume_token: saved.resumeToken,
        ...(model.lastSeq > 0 && { last_seq: model.lastSeq }),
      }
    }
    return {
      type: 'hello',
      lang: options.lang,
      page_url: `${location.origin}${location.pathname}`,
      visitor_id: store.visitorId(),
      start_key: startKey,
      ...(options.visitorName !== undefined && { name: options.visitorName }),
    }
  }

  const connection = createConnection({
    base: options.base,
    forceHttp: options.transport === 'http',
    hello,
    lastSeq: () => model.lastSeq,
    onFrame: receive,
    ...transports,
    onStatus (status) {
      model.connection = status
      changed()
    },
    onRejected () {
      // The saved conversation is gone (expired, purged): start a new one, keeping what was typed.
      saved = { outbox: [] }
      store.clear()
      startKey = newStartKey()
      reset()
      outbox.keep((i) => i.frame.type === 'text')
      connection.restart()
    },
  })
  const outbox = createOutbox({
    initial: model.outbox,
    save: (items) => {
      store.save({ ...saved, outbox: items })
    },
    send: (frame) => connection.send(frame),
    isOnline: () => connection.isOnline(),
    restart: () => connection.restart(),
    changed: () => changed(),
  })

  /** Forgets the conversation on screen (the outbox is the outbox's business). */
  function reset (): void {
    delete model.conversationId
    delete model.state
    model.messages = []
    model.lastSeq = 0
    model.unread = 0
    replayUntil = 0
    changed()
  }

  function receive (frame: VisitorServerFrame): void {
    switch (frame.type) {
      case 'welcome': {
        if (frame.conversation_id !== model.conversationId) reset()
        saved = { conversationId: frame.conversation_id, resumeToken: frame.resume_token, outbox: [] }
        persist()
        model.conversationId = frame.conversation_id
        model.lang = frame.lang
        model.state = { type: 'state', state: frame.state }
        // Only the first welcome of the page is history; later ones catch up on what was missed live.
        if (model.lastSeq === 0) replayUntil = frame.last_seq
        outbox.resend()
        break
      }
      case 'message': {
        if (frame.seq <= model.lastSeq) return
        model.messages.push(frame)
        model.lastSeq = frame.seq
        if (frame.client_id !== undefined) outbox.acknowledge(frame.client_id)
        if (frame.author === 'visitor' && frame.kind === undefined) model.lang = frame.lang
        if (frame.author === 'operator') model.operatorTyping = false
        if (frame.author !== 'visitor' && frame.seq > replayUntil && !visible) model.unread++
        break
      }
      case 'ack':
        outbox.acknowledge(frame.client_id)
        break
      case 'error':
        outbox.refused(frame.client_id, frame.code)
        break
      case 'state':
        model.state = frame
        break
      case 'typing': {
        model.operatorTyping = true
        clearTimeout(typingTimer)
        typingTimer = setTimeout(() => {
          model.operatorTyping = false
          changed()
        }, OperatorTypingMs)
        break
      }
    }
    changed()
  }

  return {
    model,
    /** Connects now if there is a conversation to resume; otherwise waits until the panel opens. */
    boot (): void {
      if (saved.conversationId !== undefined || model.outbox.length > 0) connection.start()
    },
    /** The panel opened or closed: opening starts the conversation and clears the unread count. */
    setVisible (open: boolean): void {
      visible = open
      if (open) {
        model.unread = 0
        connection.start()
      }
      changed()
    },
    /** Queues a frame (shown as pending at once) and sends it when connected. */
    submit (action: Action, label?: string): void {
      connection.start()
      outbox.add({ ...action, client_id: newClientId(action.type) } as VisitorActionFrame, label)
    },
    /** Sends a refused frame again, unchanged (same client id). */
    retry: (clientId: string): void => outbox.retry(clientId),
    /** Forgets a refused frame. */
    discard: (clientId: string): void => outbox.discard(clientId),
    /** The visitor is typing: told to the server at most every few seconds, never queued. */
    typing (): void {
      const now = Date.now()
      if (now - lastTypingSent < TypingEveryMs || model.state?.state === 'bot') return
      if (connection.send({ type: 'typing' })) lastTypingSent = now
    },
    /** Forgets the conversation and starts a new one. */
    newChat (): void {
      saved = { outbox: [] }
      store.clear()
      startKey = newStartKey()
      connection.stop()
      reset()
      outbox.keep(() => false)
      connection.start()
    },
    transportKind: () => connection.transportKind(),
  }
}

export type Controller = ReturnType<typeof createController>
