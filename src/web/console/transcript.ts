import { h } from '../shared/dom.js'
import { safeFragment } from '../shared/safe-html.js'
import { percent, visitorName, when } from './format.js'
import type { PendingReply } from './state.js'
import type { ConversationSummary, FaqEntry, OperatorMessage, Triage } from './types.js'

/** What message rows need from the rest of the console. */
export interface TranscriptContext {
  conversation: ConversationSummary
  /** Every FAQ entry of a language, for "the entry that answers this is X". */
  entries(lang: string): Promise<FaqEntry[]>
  /** The title of an entry, when known. */
  entryTitle(lang: string, id: string): string | undefined
  /** The entry already linked to a question, if any. */
  linked(seq: number): string | undefined
  link(seq: number, entryId: string, title: string): Promise<void>
  retry(clientId: string): void
}

const Decisions: Record<string, string> = {
  answer: 'answered',
  clarify: 'offered choices',
  escalate: 'handed over',
  smalltalk: 'replied to small talk',
}
const Kinds: Record<string, string> = {
  choice: 'picked a choice',
  feedback: 'feedback',
  handoff: 'asked for a person',
  contact: 'offline message',
  rating: 'rating',
  close: 'ended the chat',
}

/** One stored message as a transcript row: typed text as text, bot answers as sanitised HTML. */
export function messageRow (m: OperatorMessage, ctx: TranscriptContext): HTMLElement {
  const who =
    m.author === 'visitor'
      ? visitorName(ctx.conversation.visitor_name)
      : m.author === 'operator'
        ? typeof m.data?.operatorName === 'string'
          ? m.data.operatorName
          : 'Operator'
        : m.author === 'bot'
          ? 'Bot'
          : 'System'
  const body = h('div', { class: 'text' })
  if (m.author === 'bot' && m.html !== null) body.appendChild(safeFragment(m.html))
  else body.textContent = m.kind === 'close' && m.text === '' ? '(ended the chat)' : m.text
  const kind = m.author === 'visitor' && m.kind !== null ? Kinds[m.kind] : undefined
  const row = h(
    'article',
    { class: `row author-${m.author}${m.kind !== null ? ` kind-${m.kind}` : ''}`, 'data-seq': m.seq },
    h(
      'header',
      { class: 'row-head' },
      h('span', { class: 'who' }, who),
      h('time', { datetime: m.at }, when(m.at)),
      kind !== undefined ? h('span', { class: 'tag' }, kind) : null,
      m.kind === 'contact' && typeof m.data?.email === 'string' ? h('span', { class: 'tag' }, m.data.email) : null
    ),
    body
  )
  if (m.author === 'bot' && m.entry_id !== null) {
    const title = ctx.entryTitle(m.lang, m.entry_id)
    const confidence = typeof m.data?.confidence === 'number' ? ` · ${percent(m.data.confidence)}` : ''
    row.appendChild(
      h(
        'p',
        { class: 'source' },
        'From FAQ: ',
        h('code', {}, m.entry_id),
        title !== undefined ? ` — ${title}` : '',
        confidence
      )
    )
  }
  if (m.author === 'visitor' && m.data?.triage !== undefined) row.appendChild(evidence(m, m.data.triage, ctx))
  return row
}

/** The bot's reasoning on a question, and the control that says which entry really answers it. */
function evidence (m: OperatorMessage, triage: Triage, ctx: TranscriptContext): HTMLElement {
  const lang = triage.lang
  const status = h('p', { class: 'linked', role: 'status' })
  const showLinked = (title: string | undefined): void => {
    status.textContent = title === undefined ? '' : `Linked: this is answered by “${title}”.`
  }
  showLinked(ctx.linked(m.seq))
  const link = async (entryId: string, title: string, button: HTMLButtonElement): Promise<void> => {
    button.disabled = true
    try {
      await ctx.link(m.seq, entryId, title)
      showLinked(title)
    } catch (err) {
      status.textContent = `Could not link: ${(err as Error).message}`
    } finally {
      button.disabled = false
    }
  }
  const candidates = (triage.candidates ?? []).slice(0, 3).map((c) => {
    const b = h('button', { type: 'button', class: 'small' }, 'This answers it')
    b.addEventListener('click', () => {
      void link(c.entryId, c.title, b)
    })
    return h(
      'li',
      {},
      h('span', { class: 'guess' }, c.title),
      ' ',
      h('span', { class: 'pct' }, percent(c.confidence)),
      ' ',
      b
    )
  })
  const select = h(
    'select',
    { 'aria-label': 'FAQ entry that answers this question' },
    h('option', { value: '' }, 'Another entry…')
  )
  const other = h('button', { type: 'button', class: 'small' }, 'Link')
  const details = h(
    'details',
    { class: 'evidence' },
    h(
      'summary',
      {},
      `Bot ${Decisions[triage.decision] ?? triage.decision}${triage.reason !== undefined ? ` (${triage.reason.replaceAll('_', ' ')})` : ''} · confidence ${percent(triage.confidence)} · ${lang.toUpperCase()}${triage.langMethod !== undefined ? ` (${triage.langMethod})` : ''}`
    ),
    candidates.length > 0 ? h('ol', { class: 'candidates' }, ...candidates) : h('p', {}, 'No FAQ entry came close.'),
    h('div', { class: 'link-other' }, select, other),
    status
  )
  details.addEventListener('toggle', () => {
    if (!details.open || select.options.length > 1) return
    ctx.entries(lang).then(
      (entries) => {
        for (const e of entries) select.appendChild(h('option', { value: e.id }, e.title))
      },
      () => {
        status.textContent = 'Could not load the FAQ entries.'
      }
    )
  })
  other.addEventListener('click', () => {
    const chosen = select.selectedOptions[0]
    if (chosen === undefined || chosen.value === '') return
    void link(chosen.value, chosen.textContent ?? chosen.value, other)
  })
  return details
}

/** A reply on its way (or refused), shown at the end of the transcript. */
export function pendingRow (p: PendingReply, me: string, retry: (clientId: string) => void): HTMLElement {
  return h(
    'article',
    { class: `row author-operator pending${p.status === 'failed' ? ' failed' : ''}`, 'data-client-id': p.clientId },
    h(
      'header',
      { class: 'row-head' },
      h('span', { class: 'who' }, me),
      h('span', { class: 'tag' }, p.status === 'failed' ? 'not sent' : 'sending…')
    ),
    h('div', { class: 'text' }, p.text),
    p.status === 'failed'
      ? h(
        'p',
        { class: 'error' },
        p.error ?? 'Not sent.',
        ' ',
        h('button', { type: 'button', class: 'small', onclick: () => retry(p.clientId) }, 'Send again')
      )
      : null
  )
}
