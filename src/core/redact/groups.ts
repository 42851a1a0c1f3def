/**
 * Digit groups of a (folded) text and what joins them, read in one linear pass: the shared
 * view of numbers for the loose card scanner and the learning loop's "long number" finding.
 */
import { digitValue, isGapChar } from './chars.js'

/** Longest run of separator characters that still joins two digit groups into one number. */
export const MaxGap = 4

export interface DigitGroup {
  start: number
  end: number
  /** Its digits as ASCII. */
  digits: string
  /** The separators between the previous group and this one, or null when they do not join (or it is the first). */
  gap: string | null
}

/** Every maximal run of decimal digits, with the joining gap before each. */
export function digitGroups (text: string): DigitGroup[] {
  const groups: DigitGroup[] = []
  let previousEnd = -1
  for (let i = 0; i < text.length; i++) {
    if (digitValue(text.charCodeAt(i)) < 0) continue
    const start = i
    let digits = ''
    while (i < text.length) {
      const value = digitValue(text.charCodeAt(i))
      if (value < 0) break
      digits += String.fromCharCode(0x30 + value)
      i++
    }
    groups.push({ start, end: i, digits, gap: previousEnd < 0 ? null : joiningGap(text, previousEnd, start) })
    previousEnd = i
    i--
  }
  return groups
}

function joiningGap (text: string, from: number, to: number): string | null {
  if (to - from > MaxGap) return null
  for (let i = from; i < to; i++) if (!isGapChar(text.charCodeAt(i))) return null
  return text.slice(from, to)
}
