import type { StateFrame } from '../core/protocol.js'
import type { EventBus, Store } from '../store/types.js'
import type { ConversationService } from './conversations.js'
import { conversationSummaries } from './operator-view.js'

/** Queued and offline conversations a queue frame lists at most; it says how many there are in all. */
export const QueuePageSize = 100
// Assigned conversations are bounded by the operators' capacity, and each console needs all of its own.
const AssignedLimit = 1000
const PlacesRefreshMs = 300
const SnapshotDebounceMs = 150

/** What the feed reads (the store, the places of the conversation service) and listens to (the bus). */
export interface QueueFeedDeps {
  store: Store
  bus: EventBus
  clock: () => number
  conversations: Pick<ConversationService, 'places'>
  onError: (err: unknown) => void
}

/**
 * Runs `run` at most once per `ms`, within `ms` of the first call (a timer restarted on every call
 * would never fire under steady traffic); a call while it runs makes it run once more after.
 */
function coalesced (ms: number, run: () => Promise<void>, onError: (err: unknown) => void) {
  let timer: NodeJS.Timeout | undefined
  let running = false
  let again = false
  const fire = (): void => {
    timer = undefined
    if (running) {
      again = true
      return
    }
    running = true
    run()
      .catch(onError)
      .finally(() => {
        running = false
        if (again) {
          again = false
          schedule()
        }
      })
  }
  const schedule = (): void => {
    timer ??= setTimeout(fire, ms)
  }
  return {
    schedule,
    cancel: () => {
      clearTimeout(timer)
      timer = undefined
    },
  }
}

/**
 * The queue as the people waiting in it and the consoles watching it see it, computed once per
 * change for everyone on this instance: each queued visitor gets its own place and wait (one
 * read of the queue per change, not one per visitor), and every console the same queue frame
 * (the first page of each list, with totals), serialized once.
 */
export function createQueueFeed (deps: QueueFeedDeps) {
  const { store, bus, clock } = deps
  // Several per conversation when a visitor has it open in several tabs.
  const placeWatchers = new Map<string, Set<{ send: (frame: StateFrame) => void; last?: string }>>()
  const consoles = new Set<(frame: string) => void>()
  let snapshot: Promise<string> | undefined
  let unsubscribe: (() => void) | undefined

  const refreshPlaces = coalesced(
    PlacesRefreshMs,
    async () => {
      if (placeWatchers.size === 0) return
      const places = await deps.conversations.places()
      for (const [id, watchers] of placeWatchers) {
        const place = places.get(id)
        if (place === undefined) continue
        const frame: StateFrame = { type: 'state', state: 'queued', queue_position: place.position }
        if (place.etaSeconds !== undefined) frame.eta_seconds = place.etaSeconds
        const key = `${place.position}:${place.etaSeconds ?? ''}`
        for (const watcher of watchers) {
          if (key === watcher.last) continue
          watcher.last = key
          watcher.send(frame)
        }
      }
    },
    deps.onError
  )

  const queueFrame = async (): Promise<string> => {
    const [queued, offline, assigned, totals, openContacts] = await Promise.all([
      store.listConversations({ states: ['queued'], limit: QueuePageSize }),
      store.listConversations({ states: ['offline'], limit: QueuePageSize }),
      store.listConversations({ states: ['assigned'], limit: AssignedLimit }),
      Promise.all(
        (['queued', 'assigned', 'offline'] as const).map((state) => store.countConversations({ states: [state] }))
      ),
      store.listContacts({ handled: false }),
    ])
    const list = [...queued, ...assigned, ...offline]
    const conversations = await conversationSummaries(store, list, clock(), (c) => c.state !== 'assigned')
    const [q, a, o] = totals
    return JSON.stringify({
      type: 'queue',
      conversations,
      total: { queued: q, assigned: a, offline: o },
      open_contacts: openContacts.length,
    })
  }

  const pushSnapshot = coalesced(
    SnapshotDebounceMs,
    async () => {
      if (consoles.size === 0) return
      const next = queueFrame()
      snapshot = next
      const frame = await next
      for (const send of consoles) send(frame)
    },
    deps.onError
  )

  const onEvent = (event: Parameters<Parameters<EventBus['subscribe']>[1]>[0]): void => {
    if (event.type === 'conversation') {
      refreshPlaces.schedule()
      snapshot = undefined
      pushSnapshot.schedule()
    } else if (event.type === 'message') {
      // A summary shows the visitor's latest question.
      snapshot = undefined
      pushSnapshot.schedule()
    }
  }
  // Listening to the bus only while someone watches: idle instances do nothing per event.
  const listen = (): void => {
    if (placeWatchers.size + consoles.size > 0) unsubscribe ??= bus.subscribe('*', onEvent)
    else if (unsubscribe !== undefined) {
      unsubscribe()
      unsubscribe = undefined
      snapshot = undefined
      refreshPlaces.cancel()
      pushSnapshot.cancel()
    }
  }

  return {
    /** `send` gets the visitor's new place and wait whenever they change, until the returned function is called. */
    watchPlace (conversationId: string, send: (frame: StateFrame) => void): () => void {
      const watcher = { send }
      const watchers = placeWatchers.get(conversationId) ?? new Set()
      placeWatchers.set(conversationId, watchers.add(watcher))
      listen()
      return () => {
        watchers.delete(watcher)
        if (watchers.size === 0 && placeWatchers.get(conversationId) === watchers) placeWatchers.delete(conversationId)
        listen()
      }
    },
    /** `send` gets every new queue frame (serialized JSON), until the returned function is called. */
    watchQueue (send: (frame: string) => void): () => void {
      consoles.add(send)
      listen()
      return () => {
        consoles.delete(send)
        listen()
      }
    },
    /** The queue frame now (the last one computed, when nothing changed since). */
    async current (): Promise<string> {
      const fresh = snapshot ?? queueFrame()
      // Cached only while the bus tells us about changes.
      if (unsubscribe !== undefined) snapshot = fresh
      return await fresh.catch((err: unknown) => {
        if (snapshot === fresh) snapshot = undefined
        throw err
      })
    },
  }
}

/** The queue feed, as `fastify.frontdesk.queue`. */
export type QueueFeed = ReturnType<typeof createQueueFeed>
