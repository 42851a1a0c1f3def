import { EventEmitter } from 'node:events'

/**
 * Live events between the parts of one instance (and, with PostgreSQL, between instances).
 * An event is only a hint: "conversation X has messages up to seq N", "the queue changed".
 * Whoever receives it reads the rows from the store, so a lost or repeated hint never loses or
 * duplicates a message.
 */
export type BusEvent =
  | { type: 'message'; conversationId: string; seq: number }
  | { type: 'conversation'; conversationId: string }
  | { type: 'typing'; conversationId: string; author: 'visitor' | 'operator' }
  | { type: 'reminder'; conversationId: string; operatorId: string }

/** Listen to one conversation's events, or to every event with `'*'` (operators' consoles). */
export type Topic = string | '*'

export interface EventBus {
  publish(event: BusEvent): void
  /** Returns the unsubscribe function. */
  subscribe(topic: Topic, listener: (event: BusEvent) => void): () => void
  close(): Promise<void>
}

/** Delivers an event to its conversation's listeners and to the `'*'` listeners. */
export function createEmitterBus (): EventBus & { deliver(event: BusEvent): void } {
  const emitter = new EventEmitter()
  // Every open websocket subscribes: thousands of listeners are expected, not a leak.
  emitter.setMaxListeners(0)
  const deliver = (event: BusEvent): void => {
    emitter.emit(event.conversationId, event)
    emitter.emit('*', event)
  }
  return {
    deliver,
    publish: deliver,
    subscribe (topic, listener) {
      emitter.on(topic, listener)
      return () => {
        emitter.off(topic, listener)
      }
    },
    async close () {
      emitter.removeAllListeners()
    },
  }
}

/** The single-instance bus: events stay in this process. */
export const createLocalBus = (): EventBus => createEmitterBus()
