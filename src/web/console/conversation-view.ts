import { h, replaceChildren } from '../shared/dom.js'
import type { Api } from './api.js'
import { browserOf, duration, langLabel, safeHttpUrl, StateNames, visitorName, when } from './format.js'
import { createReplyBox } from './reply-box.js'
import { isMine, waitingNow, type ConsoleState } from './state.js'
import { messageRow, pendingRow, type TranscriptContext } from './transcript.js'
import type { ConversationSummary, Operator } from './types.js'

/** What the conversation view asks the app to do. */
export interface ConversationActions {
  claim(id: string): Promise<void>
  close(id: string): Promise<void>
  transfer(id: string, username: string): Promise<void>
  send(id: string, text: string): void
  retry(id: string, clientId: string): void
  typing(id: string): void
  context(conversation: ConversationSummary): TranscriptContext
}

const StickyPx = 120

/**
 * One conversation: who the visitor is and where they came from, the whole transcript (bot
 * turns with the FAQ entry they came from, the bot's evidence under each question), the reply
 * box with FAQ suggestions, and claim / transfer / close.
 */
export function createConversationView (root: HTMLElement, api: Api, actions: ConversationActions) {
  let shownId: string | undefined
  let rows = new Map<number, HTMLElement>()
  let pendingRows = new Map<string, { el: HTMLElement; status: string }>()
  let headerSignature = ''
  const heading = h('h2', { tabindex: '-1' })
  const stateTag = h('span', { class: 'state-tag' })
  const buttons = h('div', { class: 'conv-actions' })
  const actionStatus = h('p', { class: 'action-status', role: 'alert' })
  const context = h('dl', { class: 'context' })
  const log = h('div', { class: 'transcript', role: 'log', 'aria-label': 'Transcript', tabindex: '0' })
  const typing = h('p', { class: 'typing', 'aria-live': 'polite' })
  let current: ConversationSummary | undefined
  const reply = createReplyBox({
    api,
    send: (text) => {
      if (current !== undefined) actions.send(current.id, text)
    },
    typing: () => {
      if (current !== undefined) actions.typing(current.id)
    },
  })
  const view = h(
    'section',
    { class: 'conversation', 'aria-labelledby': 'conv-title' },
    h('header', { class: 'conv-header' }, h('div', { class: 'conv-title' }, heading, stateTag), buttons),
    actionStatus,
    h(
      'div',
      { class: 'conv-body' },
      h('div', { class: 'conv-main' }, log, typing, reply.el),
      h(
        'aside',
        { class: 'conv-side', 'aria-label': 'Visitor and FAQ suggestions' },
        h('h3', {}, 'Visitor'),
        context,
        reply.suggestions
      )
    )
  )
  heading.id = 'conv-title'

  const run =
    (label: string, work: () => Promise<void>) =>
      async (event: Event): Promise<void> => {
        const button = event.currentTarget as HTMLButtonElement
        button.disabled = true
        actionStatus.textContent = ''
        try {
          await work()
        } catch (err) {
          actionStatus.textContent = `${label} failed: ${(err as Error).message}`
        } finally {
          button.disabled = false
        }
      }

  const renderHeader = (c: ConversationSummary, state: ConsoleState): void => {
    const mine = isMine(state, c)
    const admin = state.me.role === 'admin'
    const signature = JSON.stringify([
      c.id,
      c.state,
      c.assigned_to,
      c.assigned_name,
      c.visitor_name,
      state.operators.map((o) => [o.username, o.online]),
    ])
    if (signature === headerSignature) return
    headerSignature = signature
    heading.textContent = visitorName(c.visitor_name)
    stateTag.textContent =
      c.state === 'assigned'
        ? `${StateNames.assigned} to ${mine ? 'you' : (c.assigned_name ?? 'a colleague')}`
        : (StateNames[c.state] ?? c.state)
    stateTag.dataset.state = c.state
    const list: Node[] = []
    if (c.state === 'queued' || c.state === 'offline') {
      list.push(
        h('button', { type: 'button', class: 'primary', onclick: run('Claim', () => actions.claim(c.id)) }, 'Claim')
      )
    }
    if (c.state === 'assigned' && (mine || admin)) {
      list.push(
        transferControl(
          c,
          state.operators.filter((o) => o.id !== c.assigned_to)
        )
      )
    }
    if (c.state !== 'closed' && (c.state !== 'assigned' || mine || admin)) {
      list.push(h('button', { type: 'button', onclick: run('Close', () => actions.close(c.id)) }, 'Close'))
    }
    replaceChildren(buttons, ...list)
  }

  const transferControl = (c: ConversationSummary, others: Operator[]): HTMLElement => {
    const select = h(
      'select',
      { 'aria-label': 'Transfer to' },
      h('option', { value: '' }, 'Transfer to…'),
      ...others.map((o) => h('option', { value: o.username }, `${o.name}${o.online === true ? ' (online)' : ''}`))
    )
    const go = h(
      'button',
      {
        type: 'button',
        onclick: run('Transfer', async () => {
          if (select.value !== '') await actions.transfer(c.id, select.value)
        }),
      },
      'Transfer'
    )
    return h('span', { class: 'transfer' }, select, go)
  }

  let contextSignature = ''
  const renderContext = (c: ConversationSummary, state: ConsoleState): void => {
    const page = safeHttpUrl(c.page_url)
    const wait = waitingNow(c, state.queueAt, Date.now())
    const signature = JSON.stringify([
      c.id,
      c.page_url,
      c.lang,
      c.browser_lang,
      c.user_agent,
      c.created_at,
      wait === undefined ? null : Math.floor(wait),
    ])
    if (signature === contextSignature) return
    contextSignature = signature
    const item = (term: string, ...value: (Node | string)[]) => [h('dt', {}, term), h('dd', {}, ...value)]
    replaceChildren(
      context,
      ...item(
        'Page',
        page !== undefined
          ? h('a', { href: page, target: '_blank', rel: 'noopener noreferrer' }, c.page_url ?? '')
          : (c.page_url ?? 'unknown')
      ),
      ...item(
        'Language',
        `${langLabel(c.lang)}${c.browser_lang !== null && c.browser_lang !== c.lang ? ` (browser: ${c.browser_lang})` : ''}`
      ),
      ...item('Browser', h('span', { title: c.user_agent ?? '' }, browserOf(c.user_agent))),
      ...item('Started', when(c.created_at)),
      ...(wait !== undefined ? item('Waiting', duration(wait)) : [])
    )
  }

  const renderTranscript = (state: ConsoleState): void => {
    const tr = state.transcript
    if (tr === undefined) return
    const stick = log.scrollHeight - log.scrollTop - log.clientHeight < StickyPx
    let added = false
    const ctx = actions.context(tr.conversation)
    const firstPending = log.querySelector('.pending')
    for (const m of tr.messages) {
      if (rows.has(m.seq)) continue
      const row = messageRow(m, ctx)
      rows.set(m.seq, row)
      log.insertBefore(row, firstPending)
      added = true
    }
    const live = new Set(tr.pending.map((p) => p.clientId))
    for (const [id, p] of pendingRows) {
      if (!live.has(id)) {
        p.el.remove()
        pendingRows.delete(id)
      }
    }
    for (const p of tr.pending) {
      const existing = pendingRows.get(p.clientId)
      if (existing !== undefined && existing.status === p.status) continue
      const el = pendingRow(p, state.me.name, (clientId) => actions.retry(tr.conversation.id, clientId))
      if (existing !== undefined) existing.el.replaceWith(el)
      else log.appendChild(el)
      pendingRows.set(p.clientId, { el, status: p.status })
      added = true
    }
    if (added && stick) log.scrollTop = log.scrollHeight
  }

  return {
    render (state: ConsoleState): void {
      const tr = state.transcript
      if (tr === undefined) return
      const c = tr.conversation
      current = c
      if (c.id !== shownId) {
        shownId = c.id
        rows = new Map()
        pendingRows = new Map()
        headerSignature = ''
        contextSignature = ''
        replaceChildren(log)
        actionStatus.textContent = ''
        replaceChildren(root, view)
      }
      renderHeader(c, state)
      renderContext(c, state)
      renderTranscript(state)
      const typingNow = (state.typingUntil.get(c.id) ?? 0) > Date.now()
      typing.textContent = typingNow ? `${visitorName(c.visitor_name)} is typing…` : ''
      const question = [...tr.messages].reverse().find((m) => m.author === 'visitor' && m.kind === null)
      reply.update({ conversationId: c.id, lang: c.lang, canReply: isMine(state, c), question: question?.text })
    },
    /** Moves focus to the conversation's heading (after the operator opened it). */
    focusHeading (): void {
      heading.focus()
    },
    focusReply (): void {
      reply.focus()
    },
    shown: (): string | undefined => shownId,
    reset (): void {
      shownId = undefined
    },
  }
}
