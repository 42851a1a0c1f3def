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
 * The reply box, and beside it the FAQ answers closest to the visitor's latest question:
 * insert one, edit it, send it. Enter sends, Shift+Enter starts a new line.
 */
export function createReplyBox (deps: ReplyBoxDeps) {
  let context: ReplyContext | undefined
  let loadedFor = ''
  let lastTyping = 0
  const list = h('ul', { class: 'suggestion-list' })
  const suggestStatus = h('p', { class: 'hint' })
  const search = h('input', {
    type: 'search',
    class: 'faq-search-input',
    'aria-label': 'Search the FAQ',
    placeholder: 'Search the FAQ…',
  })
  const searchForm = h(
    'form',
    { class: 'faq-search', role: 'search' },
    search,
    h('button', { type: 'submit', class: 'small' }, 'Search')
  )
  const suggestions = h(
    'section',
    { class: 'suggestions', 'aria-labelledby': 'suggestions-title' },
    h('h3', { id: 'suggestions-title' }, 'FAQ suggestions'),
    searchForm,
    suggestStatus,
    list
  )
  const input = h('textarea', { id: 'reply-input', rows: '3', placeholder: 'Write a reply…' })
  const label = h('label', { for: 'reply-input' }, 'Reply to the visitor')
  const hint = h('p', { class: 'hint', id: 'reply-hint' }, 'Enter sends · Shift+Enter for a new line')
  input.setAttribute('aria-describedby', 'reply-hint')
  const send = h('button', { type: 'submit', class: 'primary' }, 'Send')
  const form = h('form', { class: 'reply-form' }, label, input, h('div', { class: 'reply-actions' }, hint, send))
  const el = h('div', { class: 'reply' }, form)

  const insert = (s: Suggestion): void => {
    input.value = input.value.trim() === '' ? s.text : `${input.value.trimEnd()}\n\n${s.text}`
    input.focus()
    input.setSelectionRange(input.value.length, input.value.length)
  }
  const showSuggestions = (items: Suggestion[]): void => {
    suggestStatus.textContent = items.length === 0 ? 'No FAQ entry matches this question.' : ''
    replaceChildren(
      list,
      ...items.map((s) =>
        h(
          'li',
          { class: 'suggestion' },
          h(
            'div',
            { class: 'suggestion-head' },
            h('strong', {}, s.title),
            ' ',
            h('span', { class: 'pct' }, percent(s.confidence))
          ),
          h('p', { class: 'preview' }, s.text.length > PreviewChars ? `${s.text.slice(0, PreviewChars)}…` : s.text),
          h(
            'button',
            { type: 'button', class: 'small', disabled: context?.canReply !== true, onclick: () => insert(s) },
            'Insert answer'
          )
        )
      )
    )
  }
  let questionFor = ''
  const lookUp = (text: string, lang: string): void => {
    const key = `${lang}\u0000${text}`
    if (key === loadedFor) return
    loadedFor = key
    if (text.trim() === '') {
      suggestStatus.textContent = 'No question from the visitor yet.'
      replaceChildren(list)
      return
    }
    suggestStatus.textContent = 'Looking for answers…'
    deps.api.suggest(text, lang).then(
      (r) => {
        if (loadedFor === key) showSuggestions(r.suggestions)
      },
      () => {
        if (loadedFor === key) suggestStatus.textContent = 'Suggestions are unavailable right now.'
      }
    )
  }
  /** A new question from the visitor replaces the search; the operator's own search stays until then. */
  const load = (ctx: ReplyContext): void => {
    const key = `${ctx.conversationId}\u0000${ctx.question ?? ''}`
    if (key === questionFor) return
    questionFor = key
    search.value = ctx.question ?? ''
    lookUp(search.value, ctx.lang)
  }
  searchForm.addEventListener('submit', (event) => {
    event.preventDefault()
    if (context !== undefined) lookUp(search.value, context.lang)
  })

  const submit = (): void => {
    const text = input.value.trim()
    if (text === '' || context?.canReply !== true) return
    deps.send(text)
    input.value = ''
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    submit()
  })
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault()
      submit()
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
    /** The suggestions, shown beside the transcript. */
    suggestions,
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
    focus (): void {
      input.focus()
    },
  }
}
