/**
 * What is wrong with rendered HTML, for security tests: every tag and attribute is checked
 * against what the markdown renderer may produce, so an unexpected `<svg>`, an `onerror=` or a
 * `javascript:` href is found however it got there. Text is fine whatever it says, because a
 * `<` in text is always `&lt;`.
 */
const TAGS = new Set([
  'p',
  'br',
  'hr',
  'strong',
  'em',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
])
const ATTRIBUTES: Record<string, RegExp> = {
  href: /^(?:https?:|mailto:)/i,
  src: /^https:/i,
  target: /^_blank$/,
  rel: /^noopener noreferrer nofollow$/,
  title: /./,
  alt: /^/,
  loading: /^lazy$/,
  referrerpolicy: /^no-referrer$/,
  start: /^\d+$/,
  style: /^text-align:(?:left|right|center)$/,
  class: /^language-[\w-]+$/,
}

export function unsafeHtml (html: string): string[] {
  const found: string[] = []
  for (const [tag, name = '', attrs = ''] of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
    if (!TAGS.has(name.toLowerCase())) found.push(`tag ${tag}`)
    const rest = attrs.replace(/\s([a-z-]+)="([^"]*)"/g, (_, attr: string, value: string) => {
      const rule = ATTRIBUTES[attr]
      if (rule === undefined || !rule.test(value)) found.push(`attribute ${attr}="${value}" in ${tag}`)
      return ''
    })
    if (rest.trim() !== '') found.push(`unparsed ${rest} in ${tag}`)
  }
  return found
}
