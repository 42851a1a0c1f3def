import type { VisitorActionFrame } from '../shared/protocol.js'
import { newClientId } from '../shared/ids.js'

/** A frame waiting for its ack, kept across reloads so nothing typed is lost. */
export interface OutboxItem {
  frame: VisitorActionFrame
  /** `failed` when the server refused it for good (too long, invalid e-mail...). */
  status: 'pending' | 'failed'
  error?: string
  /** What to show while it is pending, when the frame has no text (a choice's title). */
  label?: string
}

/** What the widget keeps in localStorage: the only way back into the conversation. */
export interface SavedSession {
  conversationId?: string
  resumeToken?: string
  outbox: OutboxItem[]
}

/**
 * The visitor's conversation in localStorage, one per support server. Storage can be missing
 * or full (private modes, quotas): the widget then keeps it in memory for this page only.
 */
export function createSessionStore (base: string) {
  const key = `frontdesk:${base}`
  const openKey = `${key}:open`
  let memory: SavedSession = { outbox: [] }
  let memoryVisitor: string | undefined

  const read = (): SavedSession => {
    try {
      const raw = localStorage.getItem(key)
      if (raw === null) return memory
      const parsed = JSON.parse(raw) as Partial<SavedSession>
      return { ...parsed, outbox: Array.isArray(parsed.outbox) ? parsed.outbox : [] }
    } catch {
      return memory
    }
  }

  return {
    load: read,
    save (session: SavedSession): void {
      memory = session
      try {
        localStorage.setItem(key, JSON.stringify(session))
      } catch {
        /* memory only */
      }
    },
    clear (): void {
      memory = { outbox: [] }
      try {
        localStorage.removeItem(key)
      } catch {
        /* memory only */
      }
    },
    /**
     * A random id for this browser, kept across conversations (cleared with the site's data):
     * the server stores only its hash, to tell that a visitor came back within the deflection window.
     */
    visitorId (): string {
      const idKey = 'frontdesk:visitor'
      // A client id without its dots and colons: the protocol's visitor_id alphabet.
      const fresh = (): string => newClientId('v').replace(/[^A-Za-z0-9_-]/g, '_')
      try {
        const existing = localStorage.getItem(idKey)
        if (existing !== null && /^[A-Za-z0-9_-]{16,100}$/.test(existing)) return existing
        const id = fresh()
        localStorage.setItem(idKey, id)
        return id
      } catch {
        return (memoryVisitor ??= fresh())
      }
    },
    /** Whether the panel was open, per tab (sessionStorage), so a reload keeps it open. */
    wasOpen (): boolean {
      try {
        return sessionStorage.getItem(openKey) === '1'
      } catch {
        return false
      }
    },
    setOpen (open: boolean): void {
      try {
        sessionStorage.setItem(openKey, open ? '1' : '0')
      } catch {
        /* not remembered */
      }
    },
  }
}

export type SessionStore = ReturnType<typeof createSessionStore>
