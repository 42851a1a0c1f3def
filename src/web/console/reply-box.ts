import { h, replaceChildren } from '../shared/dom.js'
import type { Api } from './api.js'
import { percent } from './format.js'
import type { Suggestion } from './types.js'

export interface ReplyBoxDeps {
  api: Api
  send(text: string): void
  typing(): void
}

/** What the reply box needs to know about the conversation on screen. */
export interface ReplyContext {
  conversationId: string
  lang: string
  /** I own the conversation and may write. */
  canReply: boolean
  /** The visitor's latest question, for the FAQ suggestions. */
  question: string | undefined
}

const TypingEveryMs = 2500
const PreviewChars = 180

/**
 * The reply box, with the FAQ answers closest to the visitor's latest question: insert one,
 * edit it, send it. Enter sends, Shift+Enter starts a new line.
 */
export function createReplyBox (deps: ReplyBoxDeps) {
  let context: ReplyContext | undefined
  let loadedFor = ''
  let lastTyping = 0
  const list = h('ul', { class: 'suggestion-list' })
  const suggestStatus = h('p', { class: 'hint' })
  const suggestions = h('section', { class: 'suggestions', 'aria-labelledby': 'suggestions-title' }, h('h3', { id: 'suggestions-title' }, 'FAQ suggestions'), suggestStatus, list)
  const input = h('textarea', { id: 'reply-input', rows: '3', placeholder: 'Write a reply…' })
  const label = h('label', { for: 'reply-input' }, 'Reply to the visitor')
  const hint = h('p', { class: 'hint', id: 'reply-hint' }, 'Enter sends · Shift+Enter for a new line')
  input.setAttribute('aria-describedby', 'reply-hint')
  const send = h('button', { type: 'submit', class: 'primary' }, 'Send')
  const form = h('form', { class: 'reply-form' }, label, input, h('div', { class: 'reply-actions' }, hint, send))
  const el = h('div', { class: 'reply' }, suggestions, form)

  const insert = (s: Suggestion): void => {
    input.value = input.value.trim() === '' ? s.text : `${input.value.trimEnd()}\n\n${s.text}`
    input.focus()
    input.setSelectionRange(input.value.length, input.value.length)
  }
  const showSuggestions = (items: Suggestion[]): void => {
    suggestStatus.textContent = items.length === 0 ? 'No FAQ entry matches this question.' : ''
    replaceChildren(list, ...items.map((s) => h('li', { class: 'suggestion' },
      h('div', { class: 'suggestion-head' }, h('strong', {}, s.title), ' ', h('span', { class: 'pct' }, percent(s.confidence))),
      h('p', { class: 'preview' }, s.text.length > PreviewChars ? `${s.text.slice(0, PreviewChars)}…` : s.text),
      h('button', { type: 'button', class: 'small', disabled: context?.canReply !== true, onclick: () => insert(s) }, 'Insert answer'),
    )))
  }
  const load = (ctx: ReplyContext): void => {
    const key = `${ctx.conversationId}\u0000${ctx.lang}\u0000${ctx.question ?? ''}`
    if (key === loadedFor) return
    loadedFor = key
    if (ctx.question === undefined || ctx.question.trim() === '') {
      suggestStatus.textContent = 'No question from the visitor yet.'
      replaceChildren(list)
      return
    }
    suggestStatus.textContent = 'Looking for answers…'
    deps.api.suggest(ctx.question, ctx.lang).then((r) => { if (loadedFor === key) showSuggestions(r.suggestions) }, () => {
      if (loadedFor === key) suggestStatus.textContent = 'Suggestions are unavailable right now.'
    })
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const text = input.value.trim()
    if (text === '' || context?.canReply !== true) return
    deps.send(text)
    input.value = ''
  })
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault()
      form.requestSubmit()
    }
  })
  input.addEventListener('input', () => {
    const now = Date.now()
    if (context?.canReply === true && now - lastTyping > TypingEveryMs) {
      lastTyping = now
      deps.typing()
    }
  })

  return {
    el,
    update (ctx: ReplyContext): void {
      const ownershipChanged = context?.canReply !== ctx.canReply
      context = ctx
      input.disabled = !ctx.canReply
      send.disabled = !ctx.canReply
      hint.textContent = ctx.canReply ? 'Enter sends · Shift+Enter for a new line' : 'Claim this conversation to reply.'
      for (const b of Array.from(list.querySelectorAll('button'))) b.disabled = !ctx.canReply
      load(ctx)
      if (ownershipChanged && ctx.canReply) input.focus()
    },
    focus (): void { input.focus() },
  }
}
