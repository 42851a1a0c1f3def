/**
 * Folds look-alike digits and letters to ASCII before the scanners read a text, so that a card
 * number typed in mathematical bold (𝟒𝟏𝟏𝟏), superscripts (⁴¹¹¹), circled digits (④①①①),
 * full-width forms (４１１１, ＤＥ８９) or any script's decimal digits (٤١١١) is read as the
 * digits it shows. The mapping is NFKC restricted to one code point at a time (so that offsets
 * map back one to one), plus every Unicode decimal digit and the dingbat circled digits, which
 * NFKC leaves alone.
 */

let table: Map<number, number> | undefined

const DecimalDigit = /\p{Nd}/u

/** Code point → ASCII code of the letter or digit it folds to. Built once, on first use (about 15 ms). */
function foldTable (): Map<number, number> {
  if (table !== undefined) return table
  const map = new Map<number, number>()
  let zero = -1
  for (let cp = 0x80; cp < 0x20000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue
    const char = String.fromCodePoint(cp)
    if (DecimalDigit.test(char)) {
      // Decimal digits come in runs that start at a zero (mathematical digits: five runs of ten).
      if (zero < 0 || !DecimalDigit.test(String.fromCodePoint(cp - 1))) zero = cp
      map.set(cp, 0x30 + ((cp - zero) % 10))
      continue
    }
    zero = -1
    const folded = char.normalize('NFKC')
    if (folded.length === 1 && isAsciiAlnumCode(folded.charCodeAt(0))) map.set(cp, folded.charCodeAt(0))
  }
  // Dingbat circled digits one to nine, in three styles (NFKC has no mapping for them).
  for (const first of [0x2776, 0x2780, 0x278a]) {
    for (let d = 0; d < 9; d++) map.set(first + d, 0x31 + d)
  }
  table = map
  return map
}

function isAsciiAlnumCode (c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
}

/** A folded text and the way back to positions in the original. */
export interface Folded {
  text: string
  /** Position in the original text of a position in the folded one (an end maps to an end). */
  at: (index: number) => number
}

const identity = (index: number): number => index

// eslint-disable-next-line no-control-regex -- ASCII is the fast path: nothing to fold
const NonAscii = /[^\u0000-\u007f]/

/** The text with look-alike digits and letters as ASCII; one folded code unit per folded code point. */
export function fold (text: string): Folded {
  if (!NonAscii.test(text)) return { text, at: identity }
  const map = foldTable()
  const offsets: number[] = []
  let out = ''
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0
    const width = cp > 0xffff ? 2 : 1
    const ascii = map.get(cp)
    if (ascii !== undefined) {
      out += String.fromCharCode(ascii)
      offsets.push(i)
    } else {
      out += text.slice(i, i + width)
      for (let k = 0; k < width; k++) offsets.push(i + k)
    }
    i += width
  }
  offsets.push(text.length)
  return { text: out, at: (index) => offsets[index] ?? text.length }
}
