/**
 * IBANs (ISO 13616): two letters of country, two check digits, a national account number;
 * the whole is valid when its length is the one registered for the country and it passes
 * ISO 7064 mod 97-10.
 */
import { isAsciiAlnum, isAsciiLetter, isGapChar } from './chars.js'
import { MaxGap } from './groups.js'

/** IBAN length per country, from the SWIFT IBAN registry. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HN: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
}

/** Registered length of an IBAN for a country code, or undefined when it has none. */
function ibanLength (country: string): number | undefined {
  return Object.hasOwn(IBAN_LENGTHS, country) ? IBAN_LENGTHS[country] : undefined
}

// The same table indexed by the two letters' codes, so the scanner looks up without allocating.
const LENGTH_BY_LETTERS = new Uint8Array(26 * 26)
for (const [country, length] of Object.entries(IBAN_LENGTHS)) {
  LENGTH_BY_LETTERS[(country.charCodeAt(0) - 0x41) * 26 + country.charCodeAt(1) - 0x41] = length
}

/** Registered IBAN length for the two ASCII letters at `start`, in either case; 0 when none. */
function lengthAt (text: string, start: number): number {
  const first = (text.charCodeAt(start) | 0x20) - 0x61
  const second = (text.charCodeAt(start + 1) | 0x20) - 0x61
  return LENGTH_BY_LETTERS[first * 26 + second] ?? 0
}

/**
 * True for a valid IBAN, written with or without spaces, in any letter case:
 * `IT60 X054 2811 1010 0000 0123 456`, `de89370400440532013000`.
 */
export function ibanValid (iban: string): boolean {
  const compact = iban.replace(/[ \u00a0]/g, '')
  if (!/^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9]+$/.test(compact)) return false
  const upper = compact.toUpperCase()
  return ibanLength(upper.slice(0, 2)) === upper.length && mod97(upper) === 1
}

/** ISO 7064 mod 97-10 of an upper-case IBAN, read with its first four characters moved to the end. */
function mod97 (iban: string): number {
  let rest = 0
  for (let k = 0; k < iban.length; k++) rest = mod97Step(rest, iban.charCodeAt((k + 4) % iban.length))
  return rest
}

/** Appends one character (a digit, or a letter read as 10–35) to a running mod 97. */
function mod97Step (rest: number, code: number): number {
  if (code <= 0x39) return (rest * 10 + code - 0x30) % 97
  return (rest * 100 + (code | 0x20) - 0x57) % 97
}

/**
 * Spans of valid IBANs in `text` (folded: full-width and other look-alike letters and digits
 * already read as ASCII). A candidate starts at two letters that do not follow a digit (it may
 * be inside a word: `myIBAN:DE89…`, `ibanDE89…`), reads exactly the country's length of letters
 * and digits, allowing up to four separators between any two after the country code (spaces,
 * dashes, dots, double spaces: `DE89-3704-…`, `DE89.3704.…`), and must not run on into a digit;
 * so each start costs at most a few hundred characters and the scan is linear.
 */
export function findIbans (text: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = []
  for (let i = 0; i + 1 < text.length; i++) {
    if (!isAsciiLetter(text.charCodeAt(i)) || !isAsciiLetter(text.charCodeAt(i + 1))) continue
    if (isAsciiDigit(text.charCodeAt(i - 1))) continue
    const end = readIban(text, i)
    if (end !== undefined) {
      found.push({ start: i, end })
      i = end - 1
    }
  }
  return found
}

/** End of the separators starting at `at` if they join two IBAN characters, else undefined. */
function gapEnd (text: string, at: number): number | undefined {
  let j = at
  while (j < text.length && j - at < MaxGap && isGapChar(text.charCodeAt(j))) j++
  return j > at && isAsciiAlnum(text.charCodeAt(j)) ? j : undefined
}

/**
 * End of a valid IBAN starting at `start`, or undefined. Computes mod 97 while reading, so a
 * candidate costs no allocation.
 */
function readIban (text: string, start: number): number | undefined {
  const length = lengthAt(text, start)
  if (length === 0) return undefined
  let read = 0
  let rest = 0
  let j = start
  while (j < text.length && read < length) {
    const code = text.charCodeAt(j)
    if (isAsciiAlnum(code)) {
      if ((read === 2 || read === 3) && code > 0x39) return undefined
      if (read >= 4) rest = mod97Step(rest, code)
      read++
      j++
      continue
    }
    const next = read < 2 ? undefined : gapEnd(text, j)
    if (next === undefined) break
    j = next
  }
  if (read < length || isAsciiDigit(text.charCodeAt(j))) return undefined
  return checkDigits(text, start, j, rest) === 1 ? j : undefined
}

/** Finishes mod 97 with the country letters and check digits, which come first in the text. */
function checkDigits (text: string, start: number, end: number, rest: number): number {
  let read = 0
  for (let j = start; j < end && read < 4; j++) {
    const code = text.charCodeAt(j)
    if (!isAsciiAlnum(code)) continue
    rest = mod97Step(rest, code)
    read++
  }
  return rest
}

function isAsciiDigit (code: number): boolean {
  return code >= 0x30 && code <= 0x39
}
