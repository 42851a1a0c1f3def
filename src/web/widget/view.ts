import type { WidgetModel } from './controller.js'
import { createMessageList } from './message-list.js'
import type { WidgetOptions } from './options.js'
import { createShell } from './shell.js'
import { formatWait, plural } from './strings.js'
import { setAttrIfChanged, setText, type Ui, type ViewHandlers } from './view-context.js'

const MaxInputPx = 140

/** The widget on screen: draws the model, and turns keys and clicks into handler calls. */
export function createView (shadow: ShadowRoot, options: WidgetOptions, on: ViewHandlers) {
  const s = createShell(options, on)
  const list = createMessageList(s.log, on)
  let ui: Ui | undefined
  shadow.appendChild(s.root)

  const grow = (): void => {
    s.input.style.height = 'auto'
    s.input.style.height = `${Math.min(MaxInputPx, s.input.scrollHeight)}px`
  }
  const showInputError = (message: string | undefined): void => {
    s.inputError.textContent = message ?? ''
    s.inputError.hidden = message === undefined
    if (message === undefined) s.input.removeAttribute('aria-invalid')
    else s.input.setAttribute('aria-invalid', 'true')
  }
  const submit = (): void => {
    const text = s.input.value.trim()
    if (text === '' || ui === undefined) return
    if ([...text].length > ui.maxTextLength) return showInputError(ui.t('message_too_long'))
    showInputError(undefined)
    on.sendText(text)
    s.input.value = ''
    grow()
    s.input.focus()
  }
  s.form.addEventListener('submit', (event) => {
    event.preventDefault()
    submit()
  })
  s.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault()
      submit()
    }
  })
  s.input.addEventListener('input', () => {
    grow()
    if (s.input.value.trim() !== '') on.typing()
  })
  s.panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      on.minimize()
    }
  })
  s.log.addEventListener('fd-prompt-closed', () => {
    s.input.focus()
  })

  const statusText = (model: WidgetModel, u: Ui): string => {
    const st = model.state
    if (st === undefined) return ''
    const { t } = u
    if (st.state === 'queued' && st.queue_position !== undefined) {
      const eta = st.eta_seconds === undefined ? '' : ` ${t('queue_eta', { eta: formatWait(st.eta_seconds, u.lang) })}`
      return `${t('queue_position', { position: st.queue_position })}${eta}`
    }
    if (st.state === 'assigned' && st.operator_name !== undefined) return t('chatting_with', { name: st.operator_name })
    if (st.state === 'offline') {
      return `${t('offline_status')}${st.back_at_text === undefined ? '' : ` ${t('back_at', { when: st.back_at_text })}`}`
    }
    return ''
  }

  const connectionText = (model: WidgetModel, u: Ui): string => {
    if (model.connection === 'unavailable') return u.t('unavailable_here')
    if (model.slowDown) return u.t('rate_limited')
    if (model.connection !== 'reconnecting') return ''
    return navigator.onLine === false ? u.t('connection_lost') : u.t('reconnecting')
  }

  return {
    shell: s,
    isOpen: (): boolean => !s.panel.hidden,
    /** Opens or closes the panel; focus goes to the text box, or back to the launcher. */
    setOpen (open: boolean, moveFocus = true): void {
      const hadFocus = s.panel.contains(shadow.activeElement)
      s.panel.hidden = !open
      s.root.classList.toggle('open', open)
      s.launcher.setAttribute('aria-expanded', String(open))
      if (open && moveFocus) s.input.focus()
      if (!open && hadFocus) s.launcher.focus()
      if (open) s.log.scrollTop = s.log.scrollHeight
    },
    paint (model: WidgetModel, next: Ui): void {
      ui = next
      const { t } = next
      const state = model.state?.state
      const unread = model.unread > 0 ? ` (${plural(t, 'unread', model.unread, next.lang)})` : ''
      setAttrIfChanged(s.launcher, 'aria-label', `${t('launcher_label')}${unread}`)
      setText(s.badge, String(model.unread))
      s.badge.hidden = model.unread === 0
      setText(s.title, options.title ?? t('window_title'))
      setAttrIfChanged(s.minimize, 'aria-label', t('minimize'))
      setAttrIfChanged(s.minimize, 'title', t('minimize'))
      setText(s.handoffLabel, t('talk_to_person'))
      s.handoff.hidden = !(state === undefined || state === 'bot' || state === 'closed')
      setText(s.endChat, t('end_chat'))
      s.endChat.hidden = !(state === 'queued' || state === 'assigned' || state === 'offline')
      setText(s.newChat, t('new_chat'))
      s.newChat.hidden = state !== 'closed'
      const status = statusText(model, next)
      setText(s.status, status)
      s.status.hidden = status === ''
      s.status.dataset.state = state ?? ''
      const connection = connectionText(model, next)
      setText(s.connection, connection)
      s.connection.hidden = connection === ''
      const name = model.state?.operator_name
      const typing = !model.operatorTyping ? '' : name === undefined ? t('typing') : t('typing_named', { name })
      setText(s.typing, typing)
      s.typing.hidden = typing === ''
      setText(s.inputLabel, t('input_label'))
      setAttrIfChanged(s.input, 'placeholder', t('input_placeholder'))
      setAttrIfChanged(s.send, 'aria-label', t('send'))
      setAttrIfChanged(s.send, 'title', t('send'))
      s.log.setAttribute('aria-busy', String(model.connection === 'connecting'))
      // Refused on this page: nothing typed could be sent.
      s.input.disabled = model.connection === 'unavailable'
      s.send.disabled = model.connection === 'unavailable'
      list.render(model, next)
    },
  }
}

export type View = ReturnType<typeof createView>
