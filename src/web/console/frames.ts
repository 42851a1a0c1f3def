import { duration, visitorName } from './format.js'
import type { Api } from './api.js'
import type { Live } from './live.js'
import type { Notifier } from './notify.js'
import { isMine, waitingNow, type ConsoleState } from './state.js'
import type { ConversationSummary, OperatorMessage, OperatorServerFrame } from './types.js'

/** Remind about visitors nobody has claimed, every this often, once they waited this long. */
const UnclaimedAfterSeconds = 30
const UnclaimedEveryMs = 30_000
const TypingShownMs = 6000

export interface FrameDeps {
  state: ConsoleState
  api: Api
  live: Live
  notifier: Notifier
  announce(text: string): void
  schedule(): void
  /** Takes a fresher summary of the conversation on screen. */
  setSummary(c: ConversationSummary): void
  /** A new queue snapshot arrived: the further pages shown must follow it. */
  queueChanged(): void
  loadContacts(): void
}

/**
 * What the console does with the operator websocket's frames: keeps the queue and the
 * transcript current, follows my conversations, and gets the operator's attention (sound,
 * desktop notification, announcement, unread count) for new visitors, visitors' messages,
 * the server's reminders and, every half minute, visitors nobody has claimed.
 */
export function createFrameHandler (deps: FrameDeps) {
  const { state, api, live, notifier, schedule, setSummary } = deps
  let firstQueue = true
  let followed = new Set<string>()
  let lastUnclaimedReminder = 0

  const looking = (id: string): boolean =>
    !document.hidden && state.route.view === 'conversation' && state.route.id === id

  /** One frame from /ws/operator. */
  function receive (frame: OperatorServerFrame): void {
    switch (frame.type) {
      case 'queue':
        state.queueTotal = frame.total
        onQueue(frame.conversations, frame.open_contacts)
        deps.queueChanged()
        break
      case 'message':
        onMessage(frame)
        break
      case 'typing':
        state.typingUntil.set(frame.conversation_id, Date.now() + TypingShownMs)
        setTimeout(schedule, TypingShownMs + 50)
        break
      case 'reminder': {
        const c = state.queue.find((x) => x.id === frame.conversation_id)
        state.reminded.add(frame.conversation_id)
        state.unread.add(frame.conversation_id)
        attention(
          `${visitorName(c?.visitor_name ?? null)} is waiting for your answer`,
          'Reply, or transfer the conversation to a colleague.',
          frame.conversation_id
        )
        break
      }
      default:
        break
    }
    schedule()
  }

  function onQueue (list: ConversationSummary[], openContacts: number): void {
    const before = new Map(state.queue.map((c) => [c.id, c]))
    const arrivals = list.filter((c) => c.state === 'queued' && before.get(c.id)?.state !== 'queued')
    for (const c of arrivals) state.unread.add(c.id)
    if (!firstQueue && arrivals.length > 0) {
      const c = arrivals[0] as ConversationSummary
      attention(`${visitorName(c.visitor_name)} is waiting`, c.question ?? 'A visitor asked for a person.', c.id)
    }
    const present = new Map(list.map((c) => [c.id, c]))
    for (const id of [...state.unread]) {
      const c = present.get(id)
      if (c === undefined || (c.state === 'assigned' && c.assigned_to !== state.me.id)) state.unread.delete(id)
    }
    for (const id of [...state.reminded]) if (!isMineId(present.get(id))) state.reminded.delete(id)
    if (openContacts !== state.openContacts && state.route.view === 'inbox') deps.loadContacts()
    state.queue = list
    state.queueAt = Date.now()
    state.openContacts = openContacts
    firstQueue = false
    followMine()
    const selected = state.transcript?.conversation
    if (selected !== undefined) {
      const fresh = present.get(selected.id)
      if (fresh !== undefined) setSummary(fresh)
      else if (selected.state !== 'closed') {
        api.conversation(selected.id).then(
          (r) => setSummary(r.conversation),
          () => {}
        )
      }
    }
  }

  const isMineId = (c: ConversationSummary | undefined): boolean => c !== undefined && isMine(state, c)

  /** Watches every conversation assigned to me (to hear the visitor), plus the one on screen. */
  function followMine (): void {
    const mine = new Set(state.queue.filter((c) => isMine(state, c)).map((c) => c.id))
    for (const c of state.queue) if (mine.has(c.id)) live.watch(c.id, c.last_seq)
    for (const id of followed) {
      if (!mine.has(id) && !looking(id) && state.transcript?.conversation.id !== id) live.unwatch(id)
    }
    followed = mine
  }

  function onMessage (m: OperatorMessage): void {
    const tr = state.transcript
    if (tr !== undefined && tr.conversation.id === m.conversation_id) {
      const last = tr.messages[tr.messages.length - 1]?.seq ?? 0
      if (m.seq > last) tr.messages.push(m)
      if (m.client_id !== null) tr.pending = tr.pending.filter((p) => p.clientId !== m.client_id)
      tr.conversation.last_seq = Math.max(tr.conversation.last_seq, m.seq)
    }
    if (m.author !== 'visitor') return
    state.typingUntil.delete(m.conversation_id)
    if (m.kind === null || m.kind === 'contact') state.lastVisitorText.set(m.conversation_id, m.text)
    if (looking(m.conversation_id) && document.hasFocus()) return
    state.unread.add(m.conversation_id)
    const c = state.queue.find((x) => x.id === m.conversation_id) ?? tr?.conversation
    attention(`${visitorName(c?.visitor_name ?? null)} wrote`, m.text, m.conversation_id)
  }

  /** Sound, desktop notification and a screen reader announcement. */
  function attention (title: string, body: string, id: string): void {
    notifier.chime()
    notifier.desktop(title, body, id, () => {
      location.hash = `#/c/${encodeURIComponent(id)}`
    })
    deps.announce(`${title}: ${body}`)
  }

  /** Every second: reminds about visitors waiting unclaimed for too long. */
  function tick (now: number): void {
    const waiting = state.queue.filter((c) => c.state === 'queued').map((c) => waitingNow(c, state.queueAt, now) ?? 0)
    const longest = Math.max(0, ...waiting)
    if (waiting.length === 0 || longest < UnclaimedAfterSeconds || now - lastUnclaimedReminder < UnclaimedEveryMs) {
      return
    }
    lastUnclaimedReminder = now
    const first = state.queue.find((c) => c.state === 'queued')
    const count = state.queueTotal?.queued ?? waiting.length
    attention(
      `${count} visitor${count === 1 ? '' : 's'} waiting`,
      `The longest has waited ${duration(longest)}.`,
      first?.id ?? ''
    )
  }

  return {
    receive,
    tick,
    /** Whether the conversation is followed for my notifications (and must stay watched). */
    follows: (id: string): boolean => followed.has(id),
  }
}
