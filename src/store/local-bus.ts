import { EventEmitter } from 'node:events'
import type { BusEvent, EventBus } from './types.js'

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
