/**
 * What is about one person without being redacted: e-mail addresses and long numbers (an order
 * number, a phone number, a postcode with a house number). Visitors may write them (operators
 * need them), but the learning loop must never turn such a question into FAQ content. Linear
 * scanners, like the card and IBAN finders, over the same folded text and digit groups.
 */
import { digitGroups } from './groups.js'
import type { Span } from './cards.js'

/** Digits, in groups joined by separators, that make a number personal. */
export const PersonalDigits = 6

const MaxLocal = 64
const MaxDomain = 255

function isBreak (code: number): boolean {
  return code <= 0x20 || code === 0x40 || code === 0x3c || code === 0x3e || code === 0x28 || code === 0x29 ||
    code === 0xa0 || code === 0x3000
}

/** `local@domain.tld` shapes: something on both sides of an `@`, a dot inside the domain. */
export function findEmails (text: string): Span[] {
  const found: Span[] = []
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at
    while (start > 0 && at - start < MaxLocal && !isBreak(text.charCodeAt(start - 1))) start--
    let end = at + 1
    while (end < text.length && end - at <= MaxDomain && !isBreak(text.charCodeAt(end))) end++
    // A sentence's full stop after the address is not part of its domain.
    while (end > at + 1 && text.charCodeAt(end - 1) === 0x2e) end--
    const dot = text.lastIndexOf('.', end - 2)
    if (start < at && dot > at + 1) found.push({ start, end })
  }
  return found
}

/** Runs of digit groups joined by separators with at least {@link PersonalDigits} digits in all. */
export function findLongNumbers (text: string): Span[] {
  const found: Span[] = []
  let run: { start: number; end: number; digits: number } | undefined
  const flush = (): void => {
    if (run !== undefined && run.digits >= PersonalDigits) found.push({ start: run.start, end: run.end })
  }
  for (const g of digitGroups(text)) {
    if (run !== undefined && g.gap !== null) {
      run.end = g.end
      run.digits += g.digits.length
      continue
    }
    flush()
    run = { start: g.start, end: g.end, digits: g.digits.length }
  }
  flush()
  return found
}
