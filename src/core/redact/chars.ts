/**
 * Character classes the scanners share, written as plain code-unit tests so that scanning
 * stays linear and allocates nothing per character.
 */

// Zero of each decimal digit block we read as digits: ASCII, Arabic-Indic, extended
// Arabic-Indic (Persian, Urdu), Devanagari, Bengali, Thai, full-width (Japanese and Chinese IMEs).
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xff10]

/** The value 0–9 of a decimal digit code unit, or -1. */
export function digitValue (code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30
  if (code < 0x660) return -1
  for (const zero of DIGIT_ZEROS) {
    if (code >= zero && code <= zero + 9) return code - zero
  }
  return -1
}

/** True when the code unit at `index` is a decimal digit; false outside the text. */
export function isDigitAt (text: string, index: number): boolean {
  return index >= 0 && index < text.length && digitValue(text.charCodeAt(index)) >= 0
}

/** How digit groups of a card number may be joined: one space-like or one dash-like character. */
export type SeparatorKind = 'space' | 'dash'

export function separatorKind (code: number): SeparatorKind | undefined {
  // space, no-break space, thin space, narrow no-break space (French number formatting)
  if (code === 0x20 || code === 0xa0 || code === 0x2009 || code === 0x202f) return 'space'
  // hyphen-minus, hyphen, non-breaking hyphen
  if (code === 0x2d || code === 0x2010 || code === 0x2011) return 'dash'
  return undefined
}

const LETTER = /^[\p{L}\p{M}_]$/u

/** True when the code point that ends just before `index` is a letter, a combining mark or `_`. */
export function isLetterBefore (text: string, index: number): boolean {
  if (index <= 0) return false
  const low = text.charCodeAt(index - 1)
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1
  return isLetterCode(text.codePointAt(start) ?? 0)
}

/** True when the code point that starts at `index` is a letter, a combining mark or `_`. */
export function isLetterAt (text: string, index: number): boolean {
  if (index >= text.length) return false
  return isLetterCode(text.codePointAt(index) ?? 0)
}

function isLetterCode (cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f
  return LETTER.test(String.fromCodePoint(cp))
}

/** ASCII letters and digits, the only characters an IBAN is made of. */
export function isAsciiAlnum (code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || isAsciiLetter(code)
}

export function isAsciiLetter (code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}

const GapLike = /^[\p{Zs}\p{Zl}\p{Zp}\p{Pd}\p{Cf}\u00b7\u2022\u2212\u2219\u30fb\u3001\u3002\uff0c\uff0e\uff0f\uff3f\uff5c]$/u

/**
 * What people put between the digit groups of a number they copy or type, or what hides them:
 * any space (tabs, newlines, no-break and thin spaces), dashes, `.`, `,`, `/`, `\`, `_`, `|`, `'`,
 * `*`, `~`, middle dots and bullets, soft hyphens and other invisible format characters, and
 * their full-width forms.
 */
export function isGapChar (code: number): boolean {
  if (code < 0x80) {
    return (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0x2d || code === 0x2e || code === 0x2c ||
      code === 0x2f || code === 0x5c || code === 0x5f || code === 0x7c || code === 0x27 || code === 0x2a ||
      code === 0x7e
  }
  return GapLike.test(String.fromCharCode(code))
}
