export type CleanText =
  { ok: true; text: string } | { ok: false; code: 'FD_ERR_TEXT_EMPTY' | 'FD_ERR_TEXT_TOO_LONG'; message: string }

// Control characters other than tab and newline, bidi overrides and isolates (they can make a
// message read differently in the console than what was typed), and zero-width joiners used
// to hide text.
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const Invisible = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/g
const LoneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * What is stored of a typed message: NFC, CRLF as LF, no invisible or control characters, lone
 * surrogates as U+FFFD, at most two blank lines in a row, trimmed. Length is counted in code
 * points after cleaning, so an emoji is one character as the visitor sees it.
 */
export function cleanText (raw: string, maxLength: number): CleanText {
  const text = raw
    .replace(LoneSurrogate, '\uFFFD')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(Invisible, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  if (text === '') return { ok: false, code: 'FD_ERR_TEXT_EMPTY', message: 'the message is empty' }
  let length = 0
  for (const _ of text) if (++length > maxLength) break
  if (length > maxLength) {
    return { ok: false, code: 'FD_ERR_TEXT_TOO_LONG', message: `the message is longer than ${maxLength} characters` }
  }
  return { ok: true, text }
}

/** A single line for names and e-mail addresses: no newlines, collapsed spaces, capped. */
export function cleanLine (raw: string, maxLength: number): string {
  const cleaned = cleanText(raw.replace(/\s+/g, ' '), Number.MAX_SAFE_INTEGER)
  return cleaned.ok ? [...cleaned.text].slice(0, maxLength).join('') : ''
}

// Deliberately simple: one @, a dot in the domain, no spaces. Real validation is the reply.
const Email = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/

export function isEmail (value: string): boolean {
  return value.length <= 254 && Email.test(value)
}
