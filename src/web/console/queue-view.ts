import { h, replaceChildren } from '../shared/dom.js'
import { duration, langLabel, percent, visitorName } from './format.js'
import { waitingNow, type ConsoleState, type PagedList } from './state.js'
import type { ConversationSummary } from './types.js'

interface Section {
  id: string
  title: string
  list: HTMLUListElement
  count: HTMLSpanElement
  empty: HTMLParagraphElement
  /** "Show more", for the lists that come in pages. */
  more: HTMLButtonElement
  section: HTMLElement
}

/**
 * The sidebar: waiting visitors (queue order, with waiting time, question and the bot's best
 * guesses), my conversations, colleagues' conversations, offline messages and the inbox.
 * Items are kept and updated in place, so keyboard focus survives every queue update. Long
 * lists come a page at a time: the count is the total, and "show more" asks for the next page.
 */
export function createQueueView (root: HTMLElement, showMore: (list: PagedList) => void = () => {}) {
  const items = new Map<string, { li: HTMLLIElement; link: HTMLAnchorElement; signature: string; wait?: HTMLElement }>()
  const section = (id: string, title: string, emptyText: string, paged?: PagedList): Section => {
    const count = h('span', { class: 'count' })
    const list = h('ul', { class: 'items', 'aria-labelledby': `${id}-title` })
    const empty = h('p', { class: 'empty' }, emptyText)
    const more = h('button', { type: 'button', class: 'more', hidden: true })
    if (paged !== undefined) more.addEventListener('click', () => showMore(paged))
    const el = h(
      'section',
      { class: `queue-section ${id}`, 'aria-labelledby': `${id}-title` },
      h('h2', { id: `${id}-title` }, title, ' ', count),
      empty,
      list,
      more
    )
    return { id, title, list, count, empty, more, section: el }
  }
  const waiting = section('waiting', 'Waiting', 'Nobody is waiting.', 'queued')
  const mine = section('mine', 'My conversations', 'None yet: claim one from the queue.')
  const team = section('team', 'Colleagues', 'Nobody else is chatting.')
  const offline = section('offline', 'Offline messages', 'No unanswered offline messages.', 'offline')
  const banner = h('p', { class: 'waiting-banner', hidden: true })
  const inboxCount = h('span', { class: 'count' })
  const inbox = h('a', { href: '#/inbox', class: 'inbox-link' }, 'Offline inbox ', inboxCount)
  replaceChildren(
    root,
    banner,
    waiting.section,
    mine.section,
    team.section,
    offline.section,
    h('nav', { class: 'inbox-nav', 'aria-label': 'Inbox' }, inbox)
  )

  const itemContent = (c: ConversationSummary, state: ConsoleState): { nodes: Node[]; wait?: HTMLElement } => {
    const unread = state.unread.has(c.id)
    const head = h(
      'span',
      { class: 'item-head' },
      h('span', { class: 'name' }, visitorName(c.visitor_name)),
      h('span', { class: 'lang', title: `language: ${c.lang}` }, langLabel(c.lang)),
      unread ? h('span', { class: 'dot', title: 'new' }, h('span', { class: 'sr-only' }, 'new activity')) : null,
      state.reminded.has(c.id) ? h('span', { class: 'tag warn' }, 'waiting for you') : null
    )
    const wait = c.waiting_seconds !== null ? h('span', { class: 'wait' }) : undefined
    const question = c.question ?? state.lastVisitorText.get(c.id)
    const guesses = (c.guesses ?? []).slice(0, 2)
    const nodes: Node[] = [head]
    if (wait !== undefined) nodes.push(h('span', { class: 'meta' }, 'waiting ', wait))
    if (c.state === 'assigned' && c.assigned_to !== state.me.id) {
      nodes.push(h('span', { class: 'meta' }, `with ${c.assigned_name ?? 'a colleague'}`))
    }
    if (question !== undefined) nodes.push(h('span', { class: 'question' }, question))
    if (guesses.length > 0 && c.state !== 'assigned') {
      nodes.push(
        h(
          'span',
          { class: 'guesses' },
          'Bot: ',
          ...guesses.flatMap((g, i) => [
            i > 0 ? '; ' : '',
            h('span', { class: 'guess' }, `${g.title} (${percent(g.confidence)})`),
          ])
        )
      )
    }
    return { nodes, ...(wait !== undefined && { wait }) }
  }

  const fill = (
    target: Section,
    list: ConversationSummary[],
    state: ConsoleState,
    seen: Set<string>,
    total = list.length
  ): void => {
    target.count.textContent = total > 0 ? `(${total})` : ''
    target.empty.hidden = total > 0
    // Never a silent cut: what is not listed is counted, and can be asked for.
    const hidden = Math.max(0, total - list.length)
    target.more.hidden = hidden === 0
    const label = `Show more (${hidden} not shown)`
    if (target.more.textContent !== label) target.more.textContent = label
    list.forEach((c, index) => {
      seen.add(c.id)
      const signature = JSON.stringify([
        c.state,
        c.visitor_name,
        c.lang,
        c.question,
        c.guesses,
        c.assigned_name,
        c.assigned_to,
        state.unread.has(c.id),
        state.reminded.has(c.id),
        state.lastVisitorText.get(c.id),
        c.waiting_seconds === null,
      ])
      let item = items.get(c.id)
      if (item === undefined) {
        const link = h('a', { href: `#/c/${encodeURIComponent(c.id)}`, class: 'item-link' })
        item = { li: h('li', { class: 'item', 'data-id': c.id }, link), link, signature: '' }
        items.set(c.id, item)
      }
      if (item.signature !== signature) {
        const content = itemContent(c, state)
        replaceChildren(item.link, ...content.nodes)
        item.wait = content.wait
        item.signature = signature
      }
      const current = state.route.view === 'conversation' && state.route.id === c.id
      if (current) item.link.setAttribute('aria-current', 'page')
      else item.link.removeAttribute('aria-current')
      if (target.list.children[index] !== item.li) {
        target.list.insertBefore(item.li, target.list.children[index] ?? null)
      }
    })
  }

  return {
    render (state: ConsoleState): void {
      const seen = new Set<string>()
      fill(waiting, paged(state, 'queued'), state, seen, state.queueTotal?.queued)
      fill(
        mine,
        state.queue.filter((c) => c.state === 'assigned' && c.assigned_to === state.me.id),
        state,
        seen
      )
      fill(
        team,
        state.queue.filter((c) => c.state === 'assigned' && c.assigned_to !== state.me.id),
        state,
        seen
      )
      fill(offline, paged(state, 'offline'), state, seen, state.queueTotal?.offline)
      for (const [id, item] of items) {
        if (!seen.has(id)) {
          item.li.remove()
          items.delete(id)
        }
      }
      inboxCount.textContent = state.openContacts > 0 ? `(${state.openContacts})` : ''
      if (state.route.view === 'inbox') inbox.setAttribute('aria-current', 'page')
      else inbox.removeAttribute('aria-current')
      this.tick(state, Date.now())
    },
    /** Updates the waiting times (every second) and the "N waiting" banner. */
    tick (state: ConsoleState, now: number): void {
      let longest = 0
      let count = 0
      for (const c of state.queue) {
        const seconds = waitingNow(c, state.queueAt, now)
        const item = items.get(c.id)
        if (seconds !== undefined && item?.wait !== undefined) item.wait.textContent = duration(seconds)
        if (c.state === 'queued' && seconds !== undefined) {
          count++
          longest = Math.max(longest, seconds)
        }
      }
      banner.hidden = count === 0
      // The snapshot lists the first page, oldest first: the longest wait is in it, the count is the total.
      const text = count === 0 ? '' : `${state.queueTotal?.queued ?? count} waiting · longest ${duration(longest)}`
      if (banner.textContent !== text) banner.textContent = text
      banner.classList.toggle('urgent', longest >= 60)
    },
  }
}

/** A paged list as shown: the snapshot's first page, then the further pages asked for. */
function paged (state: ConsoleState, list: PagedList): ConversationSummary[] {
  const first = state.queue.filter((c) => c.state === list)
  const ids = new Set(first.map((c) => c.id))
  return [...first, ...state.queueMore[list].filter((c) => c.state === list && !ids.has(c.id))]
}
