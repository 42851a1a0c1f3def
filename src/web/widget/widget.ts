import { createController } from './controller.js'
import { textColourOn, type WidgetOptions } from './options.js'
import { createSessionStore } from './session-store.js'
import { fetchStrings, translator, type StringsBundle } from './strings.js'
import { createView } from './view.js'
import type { Ui, ViewHandlers } from './view-context.js'
import css from './widget.css'

/** What the host page can call: `window.Frontdesk.open()`, `.close()`, `.ask("…")`. */
export interface WidgetApi {
  open(): void
  close(): void
  /** Opens the chat and sends a question, as if the visitor had typed it. */
  ask(text: string): void
}

const uiFrom = (bundle: StringsBundle): Ui => ({
  t: translator(bundle.strings),
  lang: bundle.lang,
  maxTextLength: bundle.max_text_length,
})
const primary = (lang: string): string => lang.toLowerCase().split(/[-_]/)[0] ?? lang

/**
 * Mounts the widget: a shadow root (the page's CSS cannot reach in, ours cannot leak out),
 * the strings in the visitor's language, the conversation resumed from localStorage.
 */
export async function mountWidget (options: WidgetOptions): Promise<WidgetApi> {
  const host = document.createElement('frontdesk-widget')
  // Inline styles through the CSSOM are allowed by CSP; the page cannot easily hide or move us.
  host.style.setProperty('all', 'initial', 'important')
  host.style.setProperty('display', 'block', 'important')
  const shadow = host.attachShadow({ mode: 'open' })
  adoptStyles(shadow, options.base)

  let ui = uiFrom(await fetchStrings(options.base, options.lang))
  const tried = new Set([primary(options.lang), ui.lang])
  const store = createSessionStore(options.base)
  // eslint-disable-next-line prefer-const -- assigned once below, after the controller it paints for exists
  let view: ReturnType<typeof createView> | undefined
  const controller = createController(options, store, (model) => {
    view?.paint(model, ui)
    const wanted = model.lang === undefined ? undefined : primary(model.lang)
    // The conversation moved to another language (the visitor wrote in it): follow it.
    if (wanted !== undefined && !tried.has(wanted)) {
      tried.add(wanted)
      fetchStrings(options.base, wanted).then(
        (bundle) => {
          if (bundle.lang === ui.lang) return
          ui = uiFrom(bundle)
          view?.paint(controller.model, ui)
        },
        () => {
          /* keep the current strings */
        }
      )
    }
  })

  const open = (moveFocus = true): void => {
    view?.setOpen(true, moveFocus)
    store.setOpen(true)
    controller.setVisible(true)
  }
  const close = (): void => {
    view?.setOpen(false)
    store.setOpen(false)
    controller.setVisible(false)
  }
  const handlers: ViewHandlers = {
    open: () => {
      if (view?.isOpen() === true) close()
      else open()
    },
    minimize: close,
    sendText: (text) => controller.submit({ type: 'text', text }),
    choose: (entryId, title) => controller.submit({ type: 'choose', entry_id: entryId }, title),
    feedback: (seq, helpful) => controller.submit({ type: 'feedback', seq, helpful }),
    handoff: () => controller.submit({ type: 'handoff' }),
    contact: (email, text) => controller.submit({ type: 'contact', email, text }),
    rating: (score) => controller.submit({ type: 'rating', score }),
    endChat: () => controller.submit({ type: 'close' }),
    newChat: () => controller.newChat(),
    typing: () => controller.typing(),
    retry: (id) => controller.retry(id),
    discard: (id) => controller.discard(id),
  }
  view = createView(shadow, options, handlers)
  view.shell.root.style.setProperty('--fd-accent', options.colour)
  view.shell.root.style.setProperty('--fd-on-accent', textColourOn(options.colour))
  document.body.appendChild(host)
  view.paint(controller.model, ui)
  if (store.wasOpen()) open(false)
  controller.boot()

  const api: WidgetApi = {
    open: () => open(),
    close,
    ask (text) {
      open()
      if (text.trim() !== '') controller.submit({ type: 'text', text: text.trim() })
    },
  }
  // Host pages open the chat from their own links and buttons without any script of theirs.
  document.addEventListener('click', (event) => {
    const target = (event.target as Element | null)?.closest?.('[data-frontdesk-open], [data-frontdesk-ask]')
    if (target == null) return
    event.preventDefault()
    const question = target.getAttribute('data-frontdesk-ask')
    if (question !== null) api.ask(question)
    else api.open()
  })
  return api
}

/** Constructable stylesheets are outside CSP's reach; older browsers load widget.css instead. */
function adoptStyles (shadow: ShadowRoot, base: string): void {
  if ('adoptedStyleSheets' in shadow && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    shadow.adoptedStyleSheets = [sheet]
    return
  }
  const link = document.createElement('link')
  link.rel = 'stylesheet'
  link.href = `${base}/widget.css`
  shadow.appendChild(link)
}
