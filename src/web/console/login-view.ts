import { h, replaceChildren } from '../shared/dom.js'
import { ApiError, type Api, type Session } from './api.js'

/** The login page. Calls `done` with the session once the operator is in. */
export function showLogin (root: HTMLElement, api: Api, done: (session: Session) => void, notice?: string): void {
  const username = h('input', {
    id: 'login-username',
    name: 'username',
    autocomplete: 'username',
    required: true,
    autocapitalize: 'none',
    spellcheck: 'false',
  })
  const password = h('input', {
    id: 'login-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  })
  const error = h('p', { class: 'form-error', role: 'alert' }, notice ?? '')
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Log in')
  const form = h(
    'form',
    { class: 'login-form', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Frontdesk console'),
    h('p', { class: 'hint' }, 'Log in to answer visitors.'),
    h('div', { class: 'field' }, h('label', { for: 'login-username' }, 'Username'), username),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, 'Password'), password),
    error,
    submit
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (username.value.trim() === '' || password.value === '') {
      error.textContent = 'Enter your username and password.'
      return
    }
    submit.disabled = true
    error.textContent = ''
    api.login(username.value.trim(), password.value).then(done, (err: unknown) => {
      submit.disabled = false
      password.value = ''
      error.textContent =
        err instanceof ApiError && err.status === 401
          ? sentence(err.message)
          : `Cannot log in: ${(err as Error).message}`
      password.focus()
    })
  })
  replaceChildren(root, h('main', { class: 'login' }, form))
  document.title = 'Log in · Frontdesk console'
  username.focus()
}

/** "wrong password" → "Wrong password." */
function sentence (text: string): string {
  const trimmed = text.trim()
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? '' : '.'}`
}
