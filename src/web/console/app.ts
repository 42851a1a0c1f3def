import { h, replaceChildren } from '../shared/dom.js'
import type { Api, Session } from './api.js'
import { createAnalyticsView } from './analytics-view.js'
import { createConversationView } from './conversation-view.js'
import { createFaqView } from './faq-view.js'
import { createFrameHandler } from './frames.js'
import { createInboxView } from './inbox-view.js'
import { createLive } from './live.js'
import { createNotifier } from './notify.js'
import { createQueueView } from './queue-view.js'
import { createReplies } from './replies.js'
import { createShell } from './shell.js'
import type { ConsoleState, PagedList, Route } from './state.js'
import type { ConversationSummary, FaqEntry } from './types.js'

const BaseTitle = 'Frontdesk console'
const PageSize = 100
// Further pages follow the queue at most this often: each is one REST call.
const MoreRefreshMs = 3000

function parseRoute (hash: string): Route {
  const conversation = /^#\/c\/([^/]+)$/.exec(hash)
  if (conversation?.[1] !== undefined) return { view: 'conversation', id: decodeURIComponent(conversation[1]) }
  if (hash === '#/faq') return { view: 'faq' }
  if (hash === '#/analytics') return { view: 'analytics' }
  return hash === '#/inbox' ? { view: 'inbox' } : { view: 'home' }
}

/**
 * The logged-in console: keeps the state, follows the operator websocket, routes between the
 * queue, a conversation and the inbox, and gets the operator's attention when needed.
 */
export function startConsole (root: HTMLElement, api: Api, session: Session, loggedOut: () => void): () => void {
  const notifier = createNotifier(BaseTitle, () => schedule())
  const state: ConsoleState = {
    me: session.operator,
    operators: [],
    queue: [],
    queueAt: Date.now(),
    queueMore: { queued: [], offline: [] },
    openContacts: 0,
    route: parseRoute(location.hash),
    typingUntil: new Map(),
    unread: new Set(),
    reminded: new Set(),
    lastVisitorText: new Map(),
    linked: new Map(),
    live: 'connecting',
  }
  const entries = new Map<string, Promise<FaqEntry[]>>()
  const titles = new Map<string, string>()
  let scheduled = false

  const shell = createShell(root, notifier, () => {
    void api.logout().finally(stop)
  })
  const queueView = createQueueView(shell.sidebar, (list) => {
    wanted[list] += PageSize
    void loadMore(list)
  })
  // Rows wanted beyond the snapshot's first page, per list; refreshed as the queue moves.
  const wanted: Record<PagedList, number> = { queued: 0, offline: 0 }
  const moreLoadedAt: Record<PagedList, number> = { queued: 0, offline: 0 }
  async function loadMore (list: PagedList): Promise<void> {
    if (wanted[list] === 0) return
    moreLoadedAt[list] = Date.now()
    const shown = state.queue.filter((c) => c.state === list).length
    try {
      const page = await api.conversations(list, shown, wanted[list])
      const first = new Set(state.queue.map((c) => c.id))
      state.queueMore[list] = page.conversations.filter((c) => !first.has(c.id))
    } catch {
      // Kept as they were; the next queue frame tries again.
    }
    schedule()
  }
  const moreTimers: Partial<Record<PagedList, ReturnType<typeof setTimeout>>> = {}
  function queueChanged (): void {
    for (const list of ['queued', 'offline'] as const) {
      if (wanted[list] === 0 || moreTimers[list] !== undefined) continue
      // At most one refresh per interval, and always one after the last change.
      const wait = Math.max(0, moreLoadedAt[list] + MoreRefreshMs - Date.now())
      moreTimers[list] = setTimeout(() => {
        moreTimers[list] = undefined
        void loadMore(list)
      }, wait)
    }
  }
  const conversation = createConversationView(shell.main, api, {
    claim: async (id) => {
      setSummary((await api.claim(id)).conversation)
    },
    close: async (id) => {
      setSummary((await api.close(id)).conversation)
    },
    transfer: async (id, username) => {
      setSummary((await api.transfer(id, username)).conversation)
    },
    send: (id, text) => replies.send(id, text),
    retry: (id, clientId) => replies.retry(id, clientId),
    typing: (id) => live.typing(id),
    context: (c) => ({
      conversation: c,
      entries: (lang) => entriesOf(lang),
      entryTitle: (lang, id) => titles.get(`${lang}:${id}`),
      linked: (seq) => state.linked.get(`${c.id}:${seq}`),
      link: async (seq, entryId, title) => {
        await api.faqLink(c.id, entryId, seq)
        state.linked.set(`${c.id}:${seq}`, title)
      },
      retry: (clientId) => replies.retry(c.id, clientId),
    }),
  })
  const inbox = createInboxView(shell.main, async (id) => {
    await api.handled(id)
    state.contacts = state.contacts?.filter((c) => c.id !== id)
    schedule()
  })
  const replies = createReplies(api, state, schedule)
  const faqView = createFaqView(shell.main, {
    report: (since, lang) => api.faqReport(since, lang),
    proposals: async () => (await api.proposals()).proposals,
    accept: (pid, edits) => api.acceptProposal(pid, edits),
    reject: async (pid, note) => {
      await api.rejectProposal(pid, note)
    },
  })
  const analytics = createAnalyticsView(shell.main, api)

  const live = createLive({
    onFrame: (frame) => frames.receive(frame),
    onStatus (status) {
      state.live = status
      schedule()
    },
    onTrouble () {
      void api.me().then(
        (s) => {
          if (s === undefined) stop()
        },
        () => {}
      )
    },
  })

  function entriesOf (lang: string): Promise<FaqEntry[]> {
    let pending = entries.get(lang)
    if (pending === undefined) {
      pending = api.entries(lang).then((r) => {
        for (const e of r.entries) titles.set(`${lang}:${e.id}`, e.title)
        return r.entries
      })
      pending.catch(() => entries.delete(lang))
      entries.set(lang, pending)
    }
    return pending
  }

  function schedule (): void {
    if (scheduled) return
    scheduled = true
    queueMicrotask(render)
  }

  function render (): void {
    scheduled = false
    shell.render(state)
    queueView.render(state)
    if (state.route.view === 'conversation') {
      if (state.transcript === undefined) {
        conversation.reset()
        replaceChildren(shell.main, h('p', { class: 'loading' }, 'Loading the conversation…'))
      } else conversation.render(state)
    } else if (state.route.view === 'inbox') inbox.render(state.contacts)
    else if (state.route.view === 'faq' && state.me.role !== 'operator') faqView.render()
    else if (state.route.view === 'analytics') analytics.render()
    else home()
    notifier.setUnread(state.unread.size)
  }

  function home (): void {
    conversation.reset()
    const waiting = state.queue.filter((c) => c.state === 'queued').length
    replaceChildren(
      shell.main,
      h(
        'section',
        { class: 'home' },
        h('h2', {}, `Hello, ${state.me.name}`),
        h(
          'p',
          {},
          waiting === 0
            ? 'Nobody is waiting right now. New visitors appear on the left, with a sound.'
            : `${waiting} visitor${waiting === 1 ? ' is' : 's are'} waiting: pick one on the left.`
        )
      )
    )
  }

  /** Takes a fresher summary of a conversation (from an action, or a reload). */
  function setSummary (c: ConversationSummary): void {
    if (state.transcript?.conversation.id === c.id) {
      state.transcript.conversation = { ...state.transcript.conversation, ...c }
    }
    schedule()
  }

  const frames = createFrameHandler({
    state,
    api,
    live,
    notifier,
    announce: shell.announce,
    schedule,
    setSummary,
    loadContacts,
    queueChanged,
  })

  function loadContacts (): void {
    api.contacts().then(
      (r) => {
        state.contacts = r.contacts
        schedule()
      },
      () => {
        state.contacts = []
        schedule()
      }
    )
  }

  function route (): void {
    const previous = state.route
    state.route = parseRoute(location.hash)
    const leaving = previous.view === 'conversation' ? previous.id : undefined
    if (
      leaving !== undefined &&
      !(state.route.view === 'conversation' && state.route.id === leaving) &&
      !frames.follows(leaving)
    ) { live.unwatch(leaving) }
    if (state.route.view === 'conversation') openConversation(state.route.id)
    else state.transcript = undefined
    if (state.route.view === 'inbox') {
      state.contacts = undefined
      loadContacts()
    }
    schedule()
    queueMicrotask(() => {
      if (state.route.view === 'inbox') inbox.focusHeading()
      if (state.route.view === 'faq') faqView.focusHeading()
      if (state.route.view === 'analytics') analytics.focusHeading()
    })
  }

  function openConversation (id: string): void {
    if (state.transcript?.conversation.id === id) return
    state.transcript = undefined
    state.unread.delete(id)
    api.conversation(id).then(
      (r) => {
        if (state.route.view !== 'conversation' || state.route.id !== id) return
        state.transcript = { conversation: r.conversation, messages: r.messages, pending: [] }
        const last = r.messages[r.messages.length - 1]?.seq ?? 0
        // Watch from what we have: anything stored since the read above is streamed, repeats are skipped.
        live.rewatch(id, last)
        for (const m of r.messages) {
          if (m.author === 'visitor' && (m.kind === null || m.kind === 'contact')) state.lastVisitorText.set(id, m.text)
        }
        void entriesOf(r.conversation.lang).then(schedule, () => {})
        render()
        conversation.focusHeading()
      },
      (err: unknown) => {
        replaceChildren(
          shell.main,
          h(
            'p',
            { class: 'form-error', role: 'alert' },
            `This conversation cannot be opened: ${(err as Error).message}`
          )
        )
      }
    )
  }

  const tick = setInterval(() => {
    const now = Date.now()
    queueView.tick(state, now)
    frames.tick(now)
  }, 1000)
  const visible = (): void => {
    if (!document.hidden && state.route.view === 'conversation') state.unread.delete(state.route.id)
    schedule()
  }
  document.addEventListener('visibilitychange', visible)
  window.addEventListener('focus', visible)
  window.addEventListener('hashchange', route)

  let stopped = false
  function stop (): void {
    if (stopped) return
    stopped = true
    clearInterval(tick)
    live.stop()
    document.removeEventListener('visibilitychange', visible)
    window.removeEventListener('focus', visible)
    window.removeEventListener('hashchange', route)
    document.title = BaseTitle
    loggedOut()
  }

  api.operators().then(
    (r) => {
      state.operators = r.operators
      schedule()
    },
    () => {}
  )
  live.start()
  route()
  return stop
}
