/**
 * A tiny element builder for the widget and the console. Strings become text nodes, never
 * markup: the only way to put HTML on screen is `safe-html.ts`. No `style` attributes either
 * (the pages' CSP forbids them); use classes, or `element.style` from script.
 */

/** An attribute value; `false`, `null` and `undefined` leave the attribute out. */
export type AttrValue = string | number | boolean | null | undefined

/** Attributes by name; `on<event>` keys take listeners. */
export type Attrs = Record<string, AttrValue | EventListener>

/** A child: a node, or text (shown as text). Falsy children are skipped. */
export type Child = Node | string | number | null | undefined | false

/** Creates `<tag>` with attributes, listeners and children. */
export function h<K extends keyof HTMLElementTagNameMap> (
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value)
    else setAttr(element, name, value)
  }
  append(element, ...children)
  return element
}

/** Sets or removes one attribute: `true` as an empty attribute, `false`/null/undefined removes it. */
export function setAttr (element: Element, name: string, value: AttrValue): void {
  if (value === false || value === null || value === undefined) element.removeAttribute(name)
  else element.setAttribute(name, value === true ? '' : String(value))
}

/** Appends children, text as text nodes. */
export function append (parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)))
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren (parent: Element, ...children: Child[]): void {
  while (parent.firstChild !== null) parent.removeChild(parent.firstChild)
  append(parent, ...children)
}

/** An inline SVG icon from path data (decorative: hidden from assistive technology). */
export function icon (paths: string[], size = 20): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg'
  const svg = document.createElementNS(ns, 'svg')
  svg.setAttribute('viewBox', '0 0 24 24')
  svg.setAttribute('width', String(size))
  svg.setAttribute('height', String(size))
  svg.setAttribute('aria-hidden', 'true')
  svg.setAttribute('focusable', 'false')
  for (const d of paths) {
    const path = document.createElementNS(ns, 'path')
    path.setAttribute('d', d)
    svg.appendChild(path)
  }
  return svg
}
