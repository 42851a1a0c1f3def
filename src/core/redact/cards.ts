/**
 * Finds payment card numbers with a hand-written scanner that reads each character a bounded
 * number of times, so any input (100k characters of `1-1-1-…`) is scanned in linear time.
 *
 * A *group* is a maximal run of decimal digits. A *run* is a sequence of groups joined by one
 * separator each, all of the same kind (`4111 1111 1111 1111`, `4111-1111-1111-1111`); two
 * spaces, other punctuation or a change of separator kind end it. A run is a card number when:
 * - it has 12 to 19 digits, the first one not 0, and passes the Luhn check;
 * - when grouped, every group but the last has 4 to 6 digits and the last 1 to 6, as cards
 *   are printed (4-4-4-4, 4-6-5, 4-4-4-4-3). Phone numbers (`06 1234 5678`), order ids
 *   (`114-1234567-1234567`) and tracking numbers (22 digits) are not card-shaped.
 * A group of 12 to 19 digits inside a longer run is also checked on its own
 * (`ref 1234 4111111111111111`). A group stuck to a letter (`INV202412345678`, `1Z…`), after a
 * `+` (phone), or part of a date, time or decimal (`12/26`, `12.03.2026`, `3,50`) is never part
 * of a card. These are the *strict* shapes, accepted on the Luhn check alone; every other way of
 * writing a card number (any separators, stuck to letters, groups of three) is found by
 * `loose-cards.ts`, which also asks for a card scheme's prefix and length. Both read text folded
 * by `fold.ts`, so look-alike digits (𝟒, ⁴, ④) are digits here.
 */
import { digitValue, isDigitAt, isLetterAt, isLetterBefore, separatorKind, type SeparatorKind } from './chars.js'
import { luhnValid } from './luhn.js'

const MIN_DIGITS = 12
const MAX_DIGITS = 19

export interface Span {
  start: number
  end: number
}

/** The run being read: plain numbers, reused for every group so the scan allocates nothing per digit. */
interface Run {
  start: number
  end: number
  kind: SeparatorKind | undefined
  digits: number
  groups: number
  lastGroup: number
  /** Every group but the last has 4–6 digits. */
  shaped: boolean
  /** Groups of 12–19 digits, checked on their own when the whole run is not a card. */
  long: Span[]
}

/** Spans of card numbers in `text`, in order. */
export function findCards (text: string): Span[] {
  const found: Span[] = []
  const run: Run = { start: 0, end: 0, kind: undefined, digits: 0, groups: 0, lastGroup: 0, shaped: true, long: [] }
  for (let i = 0; i < text.length; i++) {
    if (digitValue(text.charCodeAt(i)) < 0) continue
    const start = i
    while (i < text.length && digitValue(text.charCodeAt(i)) >= 0) i++
    if (isForeign(text, start, i)) {
      flush(text, run, found)
    } else if (run.groups > 0 && joins(text, run, start)) {
      extend(run, start, i, separatorKind(text.charCodeAt(run.end)))
    } else {
      flush(text, run, found)
      extend(run, start, i, undefined)
    }
    i--
  }
  flush(text, run, found)
  return found
}

/** `/`, `.`, `:` and `,` between digits make dates, times and decimals. */
function isNumberPunctuation (code: number): boolean {
  return code === 0x2f || code === 0x2e || code === 0x3a || code === 0x2c
}

/** Stuck to a letter, after a `+`, or one part of a date, time or decimal number. */
function isForeign (text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1)
  const after = text.charCodeAt(end)
  if (before === 0x2b || isLetterBefore(text, start) || isLetterAt(text, end)) return true
  if (isNumberPunctuation(before) && isDigitAt(text, start - 2)) return true
  return isNumberPunctuation(after) && isDigitAt(text, end + 1)
}

function joins (text: string, run: Run, start: number): boolean {
  if (start !== run.end + 1) return false
  const kind = separatorKind(text.charCodeAt(run.end))
  return kind !== undefined && (run.kind === undefined || run.kind === kind)
}

function extend (run: Run, start: number, end: number, kind: SeparatorKind | undefined): void {
  const length = end - start
  if (run.groups === 0) run.start = start
  else run.shaped &&= run.lastGroup >= 4 && run.lastGroup <= 6
  run.kind = kind
  run.end = end
  run.digits += length
  run.groups++
  run.lastGroup = length
  if (length >= MIN_DIGITS && length <= MAX_DIGITS) run.long.push({ start, end })
}

/** Reports the run if it is a card number (else its long groups that are), then empties it. */
function flush (text: string, run: Run, found: Span[]): void {
  if (run.groups === 0) return
  const cardShaped = run.groups === 1 || (run.shaped && run.lastGroup <= 6)
  if (cardShaped && isCardNumber(text, run.start, run.end, run.digits)) {
    found.push({ start: run.start, end: run.end })
  } else if (run.groups > 1) {
    for (const group of run.long) {
      if (isCardNumber(text, group.start, group.end, group.end - group.start)) found.push(group)
    }
  }
  Object.assign(run, { kind: undefined, digits: 0, groups: 0, shaped: true, long: run.long.length > 0 ? [] : run.long })
}

function isCardNumber (text: string, start: number, end: number, digits: number): boolean {
  if (digits < MIN_DIGITS || digits > MAX_DIGITS) return false
  const ascii = digitsOf(text, start, end)
  return ascii[0] !== '0' && luhnValid(ascii)
}

/** The digits of a span as ASCII, separators left out. */
function digitsOf (text: string, start: number, end: number): string {
  let out = ''
  for (let i = start; i < end; i++) {
    const value = digitValue(text.charCodeAt(i))
    if (value >= 0) out += String.fromCharCode(0x30 + value)
  }
  return out
}
