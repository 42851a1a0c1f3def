import { h, icon } from '../shared/dom.js'
import { Icons } from './icons.js'
import type { WidgetOptions } from './options.js'
import type { ViewHandlers } from './view-context.js'

/** The widget's fixed parts: launcher, panel, header, toolbar, status line, log, composer. */
export interface Shell {
  root: HTMLDivElement
  launcher: HTMLButtonElement
  badge: HTMLSpanElement
  panel: HTMLElement
  title: HTMLHeadingElement
  minimize: HTMLButtonElement
  handoff: HTMLButtonElement
  handoffLabel: HTMLSpanElement
  endChat: HTMLButtonElement
  newChat: HTMLButtonElement
  status: HTMLParagraphElement
  connection: HTMLParagraphElement
  log: HTMLDivElement
  typing: HTMLParagraphElement
  form: HTMLFormElement
  inputLabel: HTMLLabelElement
  input: HTMLTextAreaElement
  inputError: HTMLParagraphElement
  send: HTMLButtonElement
}

/** Builds the shell; labels are filled in by the view on every paint. */
export function createShell (options: WidgetOptions, on: ViewHandlers): Shell {
  const badge = h('span', { class: 'badge', hidden: true, 'aria-hidden': 'true' })
  const chat = icon([...Icons.chat], 26)
  chat.classList.add('when-closed')
  const close = icon([...Icons.close], 26)
  close.classList.add('when-open')
  const launcher = h(
    'button',
    {
      type: 'button',
      class: 'launcher',
      'aria-expanded': 'false',
      'aria-controls': 'fd-panel',
      onclick: () => on.open(),
    },
    chat,
    close,
    badge
  )
  const title = h('h2', { id: 'fd-title', class: 'title' })
  const minimize = h(
    'button',
    { type: 'button', class: 'icon-button', onclick: () => on.minimize() },
    icon([...Icons.minimize])
  )
  const handoffLabel = h('span')
  const handoff = h(
    'button',
    { type: 'button', class: 'chip', onclick: () => on.handoff() },
    icon([...Icons.person], 16),
    handoffLabel
  )
  const endChat = h('button', { type: 'button', class: 'chip subtle', onclick: () => on.endChat() })
  const newChat = h('button', { type: 'button', class: 'chip', hidden: true, onclick: () => on.newChat() })
  const status = h('p', { class: 'status', role: 'status', hidden: true })
  const connection = h('p', { class: 'connection', role: 'status', hidden: true })
  const log = h('div', {
    class: 'log',
    role: 'log',
    'aria-live': 'polite',
    'aria-labelledby': 'fd-title',
    tabindex: '0',
  })
  const typing = h('p', { class: 'typing', hidden: true })
  const input = h('textarea', {
    id: 'fd-input',
    class: 'input',
    rows: '1',
    autocomplete: 'off',
    'aria-describedby': 'fd-input-error',
  })
  const inputLabel = h('label', { for: 'fd-input', class: 'sr-only' })
  const inputError = h('p', { id: 'fd-input-error', class: 'field-error', hidden: true })
  const send = h('button', { type: 'submit', class: 'send' }, icon([...Icons.send]))
  const form = h('form', { class: 'composer', novalidate: true }, inputLabel, input, send, inputError)
  const panel = h(
    'section',
    {
      id: 'fd-panel',
      class: 'panel',
      role: 'dialog',
      'aria-modal': 'false',
      'aria-labelledby': 'fd-title',
      hidden: true,
    },
    h('header', { class: 'header' }, title, minimize),
    h('div', { class: 'toolbar' }, handoff, endChat, newChat),
    status,
    connection,
    log,
    typing,
    form
  )
  const root = h('div', { class: `fd pos-${options.position}` }, panel, launcher)
  return {
    root,
    launcher,
    badge,
    panel,
    title,
    minimize,
    handoff,
    handoffLabel,
    endChat,
    newChat,
    status,
    connection,
    log,
    typing,
    form,
    inputLabel,
    input,
    inputError,
    send,
  }
}
