import type { Translate } from './strings.js'

/** What every part of the view needs: the strings in the visitor's language, and that language. */
export interface Ui {
  t: Translate
  lang: string
  maxTextLength: number
}

/** What the visitor can do from the view. */
export interface ViewHandlers {
  open(): void
  minimize(): void
  sendText(text: string): void
  choose(entryId: string, title: string): void
  feedback(seq: number, helpful: boolean): void
  handoff(): void
  contact(email: string, text: string): void
  rating(score: number): void
  endChat(): void
  newChat(): void
  typing(): void
  retry(clientId: string): void
  discard(clientId: string): void
}

/** Sets text only when it changed, so screen readers are not told twice. */
export function setText (element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text
}

/** Sets an attribute only when it changed. */
export function setAttrIfChanged (element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value)
}

/** A short local time ("14:05") in the visitor's language. */
export function shortTime (iso: string, lang: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
  } catch {
    return ''
  }
}
