/**
 * Card numbers written any other way than the strict scanner in `cards.ts` accepts: digit groups
 * joined by any separators (dots, slashes, underscores, commas, double spaces, tabs, newlines,
 * soft hyphens, mixed), groups of three, numbers stuck to letters (`card4111…`, `…exp`) or after
 * `_` or `+`. Such loose shapes are everywhere in ordinary text (prices, phone numbers, order
 * numbers), so a candidate must pass more than the Luhn check: it must also begin with a prefix
 * a card scheme issues and have a length that scheme uses. Windows of whole groups are tried
 * from each group, at most 19 digits long, so the scan stays linear.
 */
import { digitGroups, type DigitGroup } from './groups.js'
import { luhnValid } from './luhn.js'
import type { Span } from './cards.js'

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i)
const Long = range(16, 19)

/** The lengths a card scheme issues for a number's prefix (IIN); empty when no scheme uses it. */
export function schemeLengths (digits: string): readonly number[] {
  const p2 = Number(digits.slice(0, 2))
  const p3 = Number(digits.slice(0, 3))
  const p4 = Number(digits.slice(0, 4))
  if (digits.startsWith('4')) return [13, 16, 19] // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return [16] // Mastercard
  if (p4 >= 2200 && p4 <= 2204) return Long // Mir
  if (p2 === 34 || p2 === 37) return [15] // American Express
  if (p4 >= 3528 && p4 <= 3589) return Long // JCB
  if ((p3 >= 300 && p3 <= 305) || p4 === 3095 || p2 === 36 || p2 === 38 || p2 === 39) return range(14, 19) // Diners
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return range(12, 19) // Maestro, Discover, UnionPay, RuPay
  if (p2 === 81) return Long // UnionPay
  if (p4 === 9792) return [16] // Troy
  return []
}

function isLooseCard (digits: string): boolean {
  return digits.length >= 12 && digits.length <= 19 && schemeLengths(digits).includes(digits.length) &&
    luhnValid(digits)
}

/** A `.` or `,` and one or two digits after the window: an amount (`4111111111111111.50`), not a card. */
function amountAfter (groups: DigitGroup[], last: number): boolean {
  const next = groups[last + 1]
  if (next === undefined || (next.gap !== '.' && next.gap !== ',') || next.digits.length > 2) return false
  return groups[last + 2]?.gap !== next.gap
}

/** Spans of loosely written card numbers, leaving out what `taken` (the strict scanner's finds) covers. */
export function findLooseCards (text: string, taken: readonly Span[]): Span[] {
  const groups = digitGroups(text)
  const found: Span[] = []
  const covered = coveredGroups(groups, taken)
  for (let i = 0; i < groups.length;) {
    let best = -1
    let digits = ''
    for (let j = i; j < groups.length; j++) {
      const g = groups[j] as DigitGroup
      if (j > i && (g.gap === null || (groups[j - 1] as DigitGroup).digits.length < 3)) break
      digits += g.digits
      if (digits.length > 19) break
      // A short last group counts only when it is joined like the ones before (4111.1111.1111.111.1).
      const lastFits = g.digits.length >= 3 || j === i || (j > i + 1 && g.gap === groups[j - 1]?.gap)
      if (lastFits && isLooseCard(digits) && !amountAfter(groups, j)) best = j
    }
    const first = groups[i] as DigitGroup
    const last = groups[best]
    if (last !== undefined && !covered.slice(i, best + 1).includes(true)) {
      found.push({ start: first.start, end: last.end })
      i = best + 1
    } else {
      i++
    }
  }
  return found
}

/** For each group, whether a span of `taken` (sorted, as scanners return them) overlaps it. */
function coveredGroups (groups: DigitGroup[], taken: readonly Span[]): boolean[] {
  let k = 0
  return groups.map((g) => {
    while (k < taken.length && (taken[k] as Span).end <= g.start) k++
    const span = taken[k]
    return span !== undefined && span.start < g.end
  })
}
