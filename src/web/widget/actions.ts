import { h } from '../shared/dom.js'
import type { MessageFrame } from '../shared/protocol.js'
import { createOfflineForm } from './offline-form.js'
import type { Ui, ViewHandlers } from './view-context.js'

/** What a prompt needs to know to offer its buttons: the messages around it, and the outbox. */
export interface PromptContext {
  messages: MessageFrame[]
  /** Frames typed but not yet stored. */
  pending: { type: string; seq?: number }[]
  state: string | undefined
  /** The visitor's latest question, to prefill the offline form. */
  lastQuestion: string
}

/**
 * The buttons under a prompt, while it is still the question of the moment: "did this help?"
 * under an answer, the choices of a clarification, the 1–5 rating, the offline form. Once the
 * visitor has answered (or moved on), the prompt shows no buttons.
 */
export function promptActions (
  m: MessageFrame,
  index: number,
  ctx: PromptContext,
  ui: Ui,
  on: ViewHandlers
): HTMLElement | undefined {
  const later = ctx.messages.slice(index + 1).filter((x) => x.author === 'visitor')
  const { t } = ui
  switch (m.kind) {
    case 'feedback': {
      const answer = [...ctx.messages.slice(0, index)].reverse().find((x) => x.kind === 'answer')
      if (answer === undefined || later.length > 0 || ctx.pending.length > 0 || ctx.state !== 'bot') return undefined
      return group(m.text, [
        button(t('feedback_yes'), () => on.feedback(answer.seq, true)),
        button(t('feedback_no_person'), () => on.feedback(answer.seq, false)),
      ])
    }
    case 'clarify': {
      if (later.length > 0 || ctx.pending.length > 0 || ctx.state !== 'bot') return undefined
      return group(
        m.text,
        [
          ...(m.choices ?? []).map((c) => button(c.title, () => on.choose(c.entry_id, c.title), 'choice')),
          button(t('none_of_these'), () => on.handoff(), 'choice subtle'),
        ],
        'choices'
      )
    }
    case 'csat': {
      if (
        later.some((x) => x.kind === 'rating') ||
        ctx.pending.some((p) => p.type === 'rating') ||
        ctx.state !== 'closed'
      ) { return undefined }
      const stars = [1, 2, 3, 4, 5].map((score) => {
        const b = button(String(score), () => on.rating(score), 'star')
        b.setAttribute('aria-label', `${score} – ${t(`csat_${score}`)}`)
        b.title = t(`csat_${score}`)
        return b
      })
      return group(t('csat_question'), stars, 'stars')
    }
    case 'offline': {
      if (
        later.some((x) => x.kind === 'contact') ||
        ctx.pending.some((p) => p.type === 'contact') ||
        ctx.state !== 'offline'
      ) { return undefined }
      return createOfflineForm(ui, ctx.lastQuestion, on)
    }
    default:
      return undefined
  }
}

function group (label: string, buttons: HTMLButtonElement[], extra = ''): HTMLElement {
  return h('div', { class: `actions ${extra}`, role: 'group', 'aria-label': label }, ...buttons)
}

function button (label: string, onClick: () => void, extra = ''): HTMLButtonElement {
  return h('button', { type: 'button', class: `action ${extra}`, onclick: onClick }, label)
}
