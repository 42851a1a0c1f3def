import { h } from '../shared/dom.js'
import type { Ui, ViewHandlers } from './view-context.js'

// Deliberately simple, like the server's check: one @, a dot in the domain, no spaces.
const Email = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/
let forms = 0

/** The "leave us a message" form shown under the offline notice: e-mail and message, both required. */
export function createOfflineForm (ui: Ui, prefill: string, on: ViewHandlers): HTMLFormElement {
  const { t } = ui
  const n = ++forms
  const field = (id: string, label: string, control: HTMLInputElement | HTMLTextAreaElement) => {
    const error = h('p', { id: `${id}-error`, class: 'field-error', hidden: true })
    control.id = id
    control.setAttribute('aria-describedby', `${id}-error`)
    return { error, row: h('div', { class: 'field' }, h('label', { for: id }, label), control, error) }
  }
  const email = h('input', {
    type: 'email',
    autocomplete: 'email',
    inputmode: 'email',
    required: true,
    placeholder: t('offline_email_placeholder'),
    maxlength: '254',
  })
  const text = h('textarea', { rows: '3', required: true })
  text.value = prefill
  const emailField = field(`fd-offline-email-${n}`, t('offline_email_label'), email)
  const textField = field(`fd-offline-text-${n}`, t('offline_message_label'), text)

  const invalid = (control: HTMLElement, error: HTMLElement, message: string | undefined): boolean => {
    error.textContent = message ?? ''
    error.hidden = message === undefined
    if (message === undefined) control.removeAttribute('aria-invalid')
    else control.setAttribute('aria-invalid', 'true')
    return message !== undefined
  }
  const submit = (event: Event): void => {
    event.preventDefault()
    const address = email.value.trim()
    const message = text.value.trim()
    const badText = invalid(
      text,
      textField.error,
      message === '' ? t('field_required') : [...message].length > ui.maxTextLength ? t('message_too_long') : undefined
    )
    const badEmail = invalid(
      email,
      emailField.error,
      address === '' ? t('field_required') : Email.test(address) ? undefined : t('email_invalid')
    )
    if (badEmail) email.focus()
    else if (badText) text.focus()
    else on.contact(address, message)
  }
  return h(
    'form',
    { class: 'offline-form', novalidate: true, 'aria-label': t('offline_title'), onsubmit: submit },
    h('p', { class: 'form-title' }, t('offline_title')),
    emailField.row,
    textField.row,
    h('button', { type: 'submit', class: 'action primary' }, t('offline_submit'))
  )
}
