import { h, replaceChildren } from '../shared/dom.js'
import { langLabel, when } from './format.js'
import type { Contact } from './types.js'

/**
 * Offline messages: what visitors left with their e-mail address when nobody was there. Each
 * can be answered by e-mail and marked as handled; the conversation it came from opens too.
 */
export function createInboxView (root: HTMLElement, markHandled: (id: string) => Promise<void>) {
  const heading = h('h2', { tabindex: '-1' }, 'Offline inbox')
  const status = h('p', { class: 'action-status', role: 'status' })
  const list = h('ul', { class: 'contacts' })
  const view = h('section', { class: 'inbox', 'aria-labelledby': 'inbox-title' }, heading, status, list)
  heading.id = 'inbox-title'

  const item = (c: Contact): HTMLElement => {
    const done = h('button', { type: 'button' }, 'Mark as handled')
    done.addEventListener('click', () => {
      done.disabled = true
      markHandled(c.id).then(
        () => {
          status.textContent = `Marked the message from ${c.email} as handled.`
        },
        (err: unknown) => {
          done.disabled = false
          status.textContent = `Could not mark it: ${(err as Error).message}`
        }
      )
    })
    return h(
      'li',
      { class: 'contact' },
      h(
        'div',
        { class: 'contact-head' },
        h('strong', {}, c.email),
        ' ',
        h('span', { class: 'lang' }, langLabel(c.lang)),
        ' ',
        h('time', { datetime: c.at }, when(c.at))
      ),
      h('p', { class: 'text' }, c.text),
      h(
        'div',
        { class: 'contact-actions' },
        h('a', { href: `mailto:${encodeURIComponent(c.email).replace('%40', '@')}` }, 'Reply by e-mail'),
        h('a', { href: `#/c/${encodeURIComponent(c.conversation_id)}` }, 'Open conversation'),
        done
      )
    )
  }

  let shown: Contact[] | undefined | null = null
  return {
    /** Draws the list when it changed (or the view was away), so focus stays put otherwise. */
    render (contacts: Contact[] | undefined): void {
      const away = view.parentNode !== root
      if (away) replaceChildren(root, view)
      if (!away && contacts === shown) return
      shown = contacts
      if (contacts === undefined) replaceChildren(list, h('li', { class: 'empty' }, 'Loading…'))
      else if (contacts.length === 0) replaceChildren(list, h('li', { class: 'empty' }, 'No offline messages waiting.'))
      else replaceChildren(list, ...contacts.map(item))
    },
    focusHeading (): void {
      heading.focus()
    },
  }
}
