/**
 * The one way HTML reaches the screen: bot answers, already sanitised by the server
 * (markdown without raw HTML). This second, client-side pass keeps only the tags and
 * attributes markdown produces and drops everything else, so a server regression cannot
 * become script on a visitor's page. Parsing happens in an inert document: nothing in it runs
 * or loads.
 */

const Tags = new Set([
  'P',
  'BR',
  'HR',
  'STRONG',
  'B',
  'EM',
  'I',
  'S',
  'DEL',
  'CODE',
  'PRE',
  'BLOCKQUOTE',
  'UL',
  'OL',
  'LI',
  'A',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TH',
  'TD',
  'IMG',
  'SPAN',
])
// Whole subtrees that must never be kept, not even as text.
const Dropped = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'NOSCRIPT', 'SVG', 'MATH'])
const Attributes: Record<string, string[]> = {
  A: ['href', 'title'],
  IMG: ['src', 'alt', 'title'],
  OL: ['start'],
  TH: ['align'],
  TD: ['align'],
}
const LinkSchemes = /^(https?:|mailto:)/i
const ImageSchemes = /^https:/i

/** A fragment with the sanitised content of `html`; links open in a new tab, without an opener. */
export function safeFragment (html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body
  const out = document.createDocumentFragment()
  copyChildren(parsed, out)
  return out
}

function copyChildren (from: Node, to: Node): void {
  for (const node of Array.from(from.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.appendChild(document.createTextNode(node.textContent ?? ''))
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element
      const tag = element.tagName.toUpperCase()
      if (Dropped.has(tag)) continue
      if (!Tags.has(tag)) {
        copyChildren(element, to)
        continue
      }
      const copy = document.createElement(tag.toLowerCase())
      for (const name of Attributes[tag] ?? []) {
        const value = element.getAttribute(name)
        if (value !== null && allowed(tag, name, value)) copy.setAttribute(name, value)
      }
      if (tag === 'A') {
        copy.setAttribute('target', '_blank')
        copy.setAttribute('rel', 'noopener noreferrer nofollow')
      }
      copyChildren(element, copy)
      to.appendChild(copy)
    }
  }
}

function allowed (tag: string, name: string, value: string): boolean {
  const trimmed = value.trim()
  if (tag === 'A' && name === 'href') return LinkSchemes.test(trimmed)
  if (tag === 'IMG' && name === 'src') return ImageSchemes.test(trimmed)
  return true
}
