import MarkdownIt, { type Token } from 'markdown-it'

/** Link schemes that become links; anything else (javascript:, data:, relative) stays text. */
const LINK_SCHEMES = /^(?:https?:|mailto:)/i
/** Images load from https only: no mixed content, no data: or file: tricks. */
const IMAGE_SCHEME = /^https:/i

/**
 * The one markdown-it instance: raw HTML off (tags are shown as text), typographer off (what
 * editors type is what visitors see), linkify on. `breaks` stays off, as in CommonMark, so
 * that editors can wrap long lines in FAQ files.
 */
const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false })

md.validateLink = (url: string): boolean => LINK_SCHEMES.test(url.trim())

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx] as Token
  token.attrSet('target', '_blank')
  token.attrSet('rel', 'noopener noreferrer nofollow')
  return self.renderToken(tokens, idx, options)
}

md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx] as Token
  const alt = self.renderInlineAsText(token.children ?? [], options, env)
  if (!IMAGE_SCHEME.test(String(token.attrGet('src') ?? ''))) return md.utils.escapeHtml(alt)
  token.attrSet('alt', alt)
  token.attrSet('loading', 'lazy')
  token.attrSet('referrerpolicy', 'no-referrer')
  return self.renderToken(tokens, idx, options)
}

/**
 * Markdown to HTML that is safe to insert in the widget: every text is HTML-escaped, no raw
 * HTML passes, links are http(s)/mailto only and open in a new tab without referrer or opener,
 * images are https only.
 */
export function renderMarkdown (source: string): string {
  return md.render(source)
}

/**
 * Backslash-escapes every ASCII punctuation character (CommonMark lets any of them be escaped)
 * and flattens line breaks and control characters to spaces, so that a value substituted into
 * markdown is shown literally: it cannot open a link, emphasis, a list, a heading, an entity or
 * a new paragraph, and linkify does not turn it into a link.
 */
export function escapeMarkdown (value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ') // eslint-disable-line no-control-regex
    .replace(/[!-/:-@[-`{-~]/g, (c) => '\\' + c)
}

/**
 * A plain-text version of markdown for logs, the CLI and the `text` field of messages:
 * markup removed, escapes resolved, link targets kept in parentheses. The result is NOT
 * HTML-safe: whoever shows it in HTML escapes it.
 */
export function markdownToText (source: string): string {
  const out: string[] = []
  const lists: Array<{ ordered: boolean; next: number }> = []
  let quote = 0
  let firstCell = true
  for (const token of md.parse(source, {})) {
    switch (token.type) {
      case 'inline':
        out.push(inlineText(token.children ?? []))
        break
      case 'paragraph_open':
        if (quote > 0 && !token.hidden) out.push('> '.repeat(quote))
        break
      case 'paragraph_close':
        out.push(token.hidden ? '\n' : '\n\n')
        break
      case 'heading_close':
        out.push('\n\n')
        break
      case 'blockquote_open':
        quote++
        break
      case 'blockquote_close':
        quote--
        break
      case 'bullet_list_open':
        lists.push({ ordered: false, next: 0 })
        break
      case 'ordered_list_open':
        lists.push({ ordered: true, next: Number(token.attrGet('start') ?? 1) })
        break
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop()
        if (lists.length === 0) out.push('\n')
        break
      case 'list_item_open': {
        const list = lists[lists.length - 1]
        const marker = list?.ordered === true ? `${list.next++}. ` : '- '
        out.push('  '.repeat(Math.max(0, lists.length - 1)) + marker)
        break
      }
      case 'fence':
      case 'code_block':
        out.push(token.content, '\n')
        break
      case 'hr':
        out.push('---\n\n')
        break
      case 'tr_open':
        firstCell = true
        break
      case 'th_open':
      case 'td_open':
        if (!firstCell) out.push(' | ')
        firstCell = false
        break
      case 'tr_close':
        out.push('\n')
        break
      case 'table_close':
        out.push('\n')
        break
    }
  }
  return out
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

function inlineText (children: Token[]): string {
  let text = ''
  const links: Array<{ href: string; start: number; auto: boolean }> = []
  for (const token of children) {
    switch (token.type) {
      case 'text':
      case 'code_inline':
        text += token.content
        break
      case 'softbreak':
      case 'hardbreak':
        text += '\n'
        break
      case 'image':
        text += inlineText(token.children ?? [])
        break
      case 'link_open':
        links.push({
          href: String(token.attrGet('href') ?? ''),
          start: text.length,
          auto: token.markup === 'linkify' || token.markup === 'autolink',
        })
        break
      case 'link_close': {
        const link = links.pop()
        if (link !== undefined && !link.auto) {
          const label = text.slice(link.start)
          const target = link.href.replace(/^mailto:/i, '')
          if (label !== target) text += ` (${target})`
        }
        break
      }
    }
  }
  return text
}
