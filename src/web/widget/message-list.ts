import { h, replaceChildren } from '../shared/dom.js'
import type { MessageFrame } from '../shared/protocol.js'
import { safeFragment } from '../shared/safe-html.js'
import { promptActions, type PromptContext } from './actions.js'
import type { WidgetModel } from './controller.js'
import type { OutboxItem } from './session-store.js'
import { shortTime, type Ui, type ViewHandlers } from './view-context.js'

const Prompts = new Set(['feedback', 'clarify', 'csat', 'offline'])
// Near the bottom, new messages scroll into view; further up, the visitor is reading back.
const StickyPx = 96

/**
 * The conversation in the `role="log"` region: stored messages in seq order, then the
 * visitor's pending ones. Messages are appended, never redrawn, so assistive technology
 * announces each once; only prompts' buttons change as the conversation moves on.
 */
export function createMessageList (log: HTMLElement, on: ViewHandlers) {
  const rendered = new Map<number, HTMLElement>()
  const pending = new Map<string, HTMLElement>()
  const prompts = new Map<number, { slot: HTMLElement; open: boolean }>()
  let ui: Ui | undefined

  const nearBottom = (): boolean => log.scrollHeight - log.scrollTop - log.clientHeight < StickyPx
  const scrollTarget = (): number => scrollTargetOf(log)

  const authorLabel = (m: MessageFrame, previous: MessageFrame | undefined, t: Ui['t']): HTMLElement | undefined => {
    if (m.author === 'system') return undefined
    const name = m.author === 'operator' ? (m.operator_name ?? '') : m.author === 'bot' ? t('bot_name') : t('you')
    const sameAuthor =
      previous !== undefined && previous.author === m.author && previous.operator_name === m.operator_name
    return h('span', { class: sameAuthor || m.author === 'visitor' ? 'author sr-only' : 'author' }, name)
  }

  const messageElement = (m: MessageFrame, previous: MessageFrame | undefined, u: Ui): HTMLElement => {
    const body = h('div', { class: 'bubble' })
    if (m.author === 'bot' && m.html !== undefined) body.appendChild(safeFragment(m.html))
    else body.textContent = m.text
    if (m.kind === 'rating') body.setAttribute('aria-label', `${[...m.text].length} / 5`)
    const thanks = m.kind === 'rating' ? h('p', { class: 'note' }, u.t('csat_thanks')) : undefined
    return h(
      'div',
      { class: `msg from-${m.author}${m.kind !== undefined ? ` kind-${m.kind}` : ''}`, 'data-seq': m.seq },
      authorLabel(m, previous, u.t),
      body,
      h('span', { class: 'meta' }, shortTime(m.at, u.lang)),
      thanks
    )
  }

  const pendingElement = (item: OutboxItem, u: Ui): HTMLElement => {
    const el = h('div', { class: 'msg from-visitor pending', 'data-client-id': item.frame.client_id })
    fillPending(el, item, u)
    return el
  }

  const fillPending = (el: HTMLElement, item: OutboxItem, u: Ui): void => {
    const failed = item.status === 'failed'
    el.classList.toggle('failed', failed)
    const reason =
      item.error === 'FD_ERR_TEXT_TOO_LONG'
        ? u.t('message_too_long')
        : item.error === 'FD_ERR_EMAIL_INVALID'
          ? u.t('email_invalid')
          : u.t('failed')
    replaceChildren(
      el,
      h('span', { class: 'author sr-only' }, u.t('you')),
      h('div', { class: 'bubble' }, pendingText(item, u)),
      failed
        ? h(
          'span',
          { class: 'meta error' },
          reason,
          ' ',
          h('button', { type: 'button', class: 'link', onclick: () => on.retry(item.frame.client_id) }, u.t('retry')),
          ' ',
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => on.discard(item.frame.client_id) },
            u.t('close')
          )
        )
        : h('span', { class: 'meta' }, u.t('pending'))
    )
    el.dataset.status = item.status
  }

  return {
    /** Forgets everything drawn (new conversation, or new strings). */
    clear (): void {
      rendered.clear()
      pending.clear()
      prompts.clear()
      replaceChildren(log)
    },
    render (model: WidgetModel, next: Ui): void {
      if (ui !== undefined && ui.t !== next.t) this.clear()
      ui = next
      const stick = nearBottom()
      let scroll = false
      const firstPending = (): Element | null => log.querySelector('.pending')
      model.messages.forEach((m, index) => {
        if (rendered.has(m.seq) || hidden(m)) return
        const el = messageElement(m, model.messages[index - 1], next)
        rendered.set(m.seq, el)
        log.insertBefore(el, firstPending())
        if (m.author !== 'visitor' && Prompts.has(m.kind ?? '')) {
          const slot = h('div', { class: 'prompt-slot' })
          el.appendChild(slot)
          prompts.set(m.seq, { slot, open: false })
        }
        scroll ||= m.author === 'visitor'
      })
      const live = new Set(model.outbox.filter((i) => i.frame.type !== 'close').map((i) => i.frame.client_id))
      for (const [id, el] of pending) {
        if (!live.has(id)) {
          el.remove()
          pending.delete(id)
        }
      }
      for (const item of model.outbox) {
        if (item.frame.type === 'close') continue
        const existing = pending.get(item.frame.client_id)
        if (existing === undefined) {
          const el = pendingElement(item, next)
          pending.set(item.frame.client_id, el)
          log.appendChild(el)
          scroll = true
        } else if (existing.dataset.status !== item.status) fillPending(existing, item, next)
      }
      this.renderPrompts(model, next)
      if (scroll || stick) log.scrollTop = scrollTarget()
    },
    /** Shows or removes each prompt's buttons; a prompt that closes hands focus to the text box. */
    renderPrompts (model: WidgetModel, u: Ui): void {
      const ctx = promptContext(model)
      model.messages.forEach((m, index) => {
        const prompt = prompts.get(m.seq)
        if (prompt === undefined) return
        const actions = promptActions(m, index, ctx, u, on)
        const open = actions !== undefined
        if (open === prompt.open) return
        const root = log.getRootNode() as Document | ShadowRoot
        const hadFocus = prompt.slot.contains(root.activeElement)
        prompt.open = open
        replaceChildren(prompt.slot, actions)
        if (hadFocus && !open) log.dispatchEvent(new CustomEvent('fd-prompt-closed'))
      })
    },
  }
}

/**
 * Down to the newest message, but never past the visitor's latest question: a long answer is
 * read from its start, with the question above it. Never scrolls up.
 */
function scrollTargetOf (log: HTMLElement): number {
  const bottom = log.scrollHeight - log.clientHeight
  const visitor = Array.from(log.querySelectorAll<HTMLElement>('.from-visitor')).pop()
  if (visitor === undefined) return bottom
  return Math.max(log.scrollTop, Math.min(bottom, visitor.offsetTop - 8))
}

function hidden (m: MessageFrame): boolean {
  return m.author === 'visitor' && m.kind === 'close'
}

function promptContext (model: WidgetModel): PromptContext {
  const question = [...model.messages].reverse().find((m) => m.author === 'visitor' && m.kind === undefined)
  return {
    messages: model.messages,
    pending: model.outbox.filter((i) => i.status === 'pending').map((i) => ({ type: i.frame.type })),
    state: model.state?.state,
    lastQuestion: question?.text ?? '',
  }
}

function pendingText (item: OutboxItem, u: Ui): string {
  const f = item.frame
  switch (f.type) {
    case 'text':
      return f.text
    case 'contact':
      return f.text
    case 'feedback':
      return f.helpful ? u.t('feedback_yes') : u.t('feedback_no')
    case 'handoff':
      return u.t('talk_to_person')
    case 'rating':
      return '★'.repeat(f.score)
    case 'choose':
      return item.label ?? ''
    case 'close':
      return ''
  }
}
