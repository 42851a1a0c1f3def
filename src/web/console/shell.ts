import { h, replaceChildren } from '../shared/dom.js'
import type { Notifier } from './notify.js'
import type { ConsoleState } from './state.js'

/** The console's frame: header (who, connection, notifications, logout), sidebar and main area. */
export function createShell (root: HTMLElement, notifier: Notifier, logout: () => void) {
  const who = h('span', { class: 'who' })
  const live = h('span', { class: 'live', role: 'status' })
  const desktop = h('button', { type: 'button', class: 'small', hidden: true }, 'Enable desktop notifications')
  const sound = h('span', { class: 'hint sound' })
  const announcer = h('div', { class: 'sr-only', 'aria-live': 'polite' })
  // For editors and admins: the learning loop's report and proposals.
  const faqLink = h('a', { href: '#/faq', class: 'nav-link', hidden: true }, 'Improve the FAQ')
  const sidebar = h('nav', { class: 'sidebar', 'aria-label': 'Conversations' })
  const main = h('main', { class: 'main', id: 'main' })
  desktop.addEventListener('click', () => {
    void notifier.requestDesktop().then(() => {
      desktop.hidden = notifier.desktopState() !== 'default'
    })
  })
  replaceChildren(
    root,
    h('a', { class: 'skip', href: '#main' }, 'Skip to the conversation'),
    h(
      'header',
      { class: 'topbar' },
      h('span', { class: 'brand' }, 'Frontdesk'),
      live,
      h('span', { class: 'spacer' }),
      faqLink,
      h('a', { href: '#/analytics', class: 'nav-link' }, 'Analytics'),
      sound,
      desktop,
      who,
      h('button', { type: 'button', class: 'small', onclick: logout }, 'Log out')
    ),
    h('div', { class: 'layout' }, sidebar, main),
    announcer
  )
  return {
    sidebar,
    main,
    render (state: ConsoleState): void {
      who.textContent = `${state.me.name} (${state.me.username})`
      faqLink.hidden = state.me.role === 'operator'
      live.textContent =
        state.live === 'online' ? 'Live' : state.live === 'connecting' ? 'Connecting…' : 'Offline — reconnecting…'
      live.dataset.state = state.live
      desktop.hidden = notifier.desktopState() !== 'default'
      sound.textContent = notifier.soundReady() ? 'Sound on' : 'Click anywhere to turn on sound'
    },
    /** Tells screen reader users about something that happened elsewhere on the page. */
    announce (text: string): void {
      announcer.textContent = ''
      setTimeout(() => {
        announcer.textContent = text
      }, 50)
    },
  }
}

export type ConsoleShell = ReturnType<typeof createShell>
