import type { OperatorLoad } from '../core/queue/queue.js'
import type { Store } from '../store/types.js'
import type { Presence } from '../services/availability.js'

/**
 * Who is online: operators with an open console websocket on this instance. Their load is read
 * from the store, so it counts conversations claimed through any instance.
 */
export function createPresence (store: Store, defaultCapacity: number): Presence & { connect(operatorId: string): () => void, isOnline(operatorId: string): boolean } {
  const sockets = new Map<string, number>()
  return {
    connect (operatorId) {
      sockets.set(operatorId, (sockets.get(operatorId) ?? 0) + 1)
      let done = false
      return () => {
        if (done) return
        done = true
        const left = (sockets.get(operatorId) ?? 1) - 1
        if (left <= 0) sockets.delete(operatorId)
        else sockets.set(operatorId, left)
      }
    },
    isOnline: (operatorId) => sockets.has(operatorId),
    async online (): Promise<OperatorLoad[]> {
      if (sockets.size === 0) return []
      const [operators, assigned] = await Promise.all([store.listOperators(), store.listConversations({ states: ['assigned'] })])
      const active = new Map<string, number>()
      for (const c of assigned) if (c.assignedTo !== null) active.set(c.assignedTo, (active.get(c.assignedTo) ?? 0) + 1)
      return operators
        .filter((o) => sockets.has(o.id) && !o.disabled)
        .map((o) => ({ id: o.id, langs: o.langs, capacity: o.capacity > 0 ? o.capacity : defaultCapacity, active: active.get(o.id) ?? 0, online: true }))
    },
  }
}
