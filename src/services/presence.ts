import { randomUUID } from 'node:crypto'
import type { OperatorLoad } from '../core/queue/queue.js'
import type { Presence } from './availability.js'
import type { Store } from '../store/types.js'

// An instance renews its operators' presence this often; a presence not renewed for
// PresenceTtlMs (the instance died) no longer counts.
const HeartbeatMs = 20_000
const PresenceTtlMs = 60_000

/**
 * Presence with the writes: an operator socket that opens, beats and closes; shared by instances through the store.
 */
export interface PresenceTracker extends Presence {
  /** An operator opened a console websocket here; returns what to call when it closes. */
  connect(operatorId: string): () => void
  /** The ids of operators online on any instance. */
  onlineIds(): Promise<Set<string>>
  close(): Promise<void>
}

/**
 * Who is online: operators with a console websocket open on any instance. Each instance
 * records its own operators in the store with a short expiry and renews it on a heartbeat, so a
 * visitor on instance A is queued for an operator on instance B, and an instance killed with
 * kill -9 stops counting a minute later. Loads are read from the store too.
 */
export function createPresence (
  store: Store,
  options: { defaultCapacity: number; clock: () => number; onError: (err: unknown) => void }
): PresenceTracker {
  const instanceId = randomUUID()
  const sockets = new Map<string, number>()
  const touch = (operatorId: string): void => {
    store.touchPresence(operatorId, instanceId, options.clock() + PresenceTtlMs).catch(options.onError)
  }
  const heartbeat = setInterval(() => {
    for (const id of sockets.keys()) touch(id)
  }, HeartbeatMs)
  heartbeat.unref()
  const onlineIds = async (): Promise<Set<string>> =>
    new Set([...(await store.onlineOperatorIds(options.clock())), ...sockets.keys()])

  return {
    connect (operatorId) {
      sockets.set(operatorId, (sockets.get(operatorId) ?? 0) + 1)
      touch(operatorId)
      let done = false
      return () => {
        if (done) return
        done = true
        const left = (sockets.get(operatorId) ?? 1) - 1
        if (left > 0) {
          sockets.set(operatorId, left)
          return
        }
        sockets.delete(operatorId)
        store.dropPresence(operatorId, instanceId).catch(options.onError)
      }
    },
    onlineIds,
    anyoneOnline: async () => (await onlineIds()).size > 0,
    async online (): Promise<OperatorLoad[]> {
      const ids = await onlineIds()
      if (ids.size === 0) return []
      const [operators, assigned] = await Promise.all([
        store.listOperators(),
        store.listConversations({ states: ['assigned'] }),
      ])
      const active = new Map<string, number>()
      for (const c of assigned) if (c.assignedTo !== null) active.set(c.assignedTo, (active.get(c.assignedTo) ?? 0) + 1)
      return operators
        .filter((o) => ids.has(o.id) && !o.disabled)
        .map((o) => ({
          id: o.id,
          langs: o.langs,
          capacity: o.capacity > 0 ? o.capacity : options.defaultCapacity,
          active: active.get(o.id) ?? 0,
          online: true,
        }))
    },
    async close () {
      clearInterval(heartbeat)
      await Promise.all([...sockets.keys()].map((id) => store.dropPresence(id, instanceId).catch(options.onError)))
      sockets.clear()
    },
  }
}
