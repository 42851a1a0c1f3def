/**
 * The words of an answer body, for matching: markdown syntax and handlebars expressions
 * removed, link texts kept and their addresses dropped. A visitor may use the answer's words
 * ("refund", "tracking link"), never "{{shop.email}}" or "https://", so only the prose is kept.
 */
export function answerText (body: string): string {
  return body
    .replace(/\{\{\{?[^}]*\}?\}\}/g, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}
