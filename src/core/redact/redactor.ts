/**
 * The redactor: what is removed from every message before it is stored, searched or shown.
 * Card numbers and IBANs are found by linear-time scanners; extra patterns come from config.
 */
import { FrontdeskError } from '../errors.js'
import { findCards, type Span } from './cards.js'
import { fold } from './fold.js'
import { findIbans } from './iban.js'
import { findLooseCards } from './loose-cards.js'
import { findEmails, findLongNumbers } from './personal.js'
import { compileRules, findRuleMatches } from './rules.js'
import type { Found, Redaction, RedactionRule, RedactResult } from './types.js'

const DEFAULT_CARD_REPLACEMENT = '[card number removed]'
const DEFAULT_IBAN_REPLACEMENT = '[IBAN removed]'
const DEFAULT_RULE_CHUNK_SIZE = 2000
const MIN_RULE_CHUNK_SIZE = 64

export interface RedactorOptions {
  /** Extra patterns, such as a national ID; validated when the redactor is made. @default [] */
  rules?: readonly RedactionRule[]
  /** Replaces a payment card number. @default '[card number removed]' */
  cardReplacement?: string
  /** Replaces an IBAN. @default '[IBAN removed]' */
  ibanReplacement?: string
  /**
   * Longest piece of text one configured rule runs on at once: bounds the cost of a pattern
   * that backtracks badly, at the price of missing a match longer than a quarter of it that
   * crosses a cut. At least 64. @default 2000
   */
  ruleChunkSize?: number
}

export interface Redactor {
  /** Removes every card number, IBAN and rule match; never throws for any input text. */
  redact: (text: string) => RedactResult
  /**
   * Everything personal in `text`: what `redact` removes, and the e-mail addresses (`email`) and
   * long numbers (`number`) it keeps. The learning loop's filter: text with any of these is about
   * one person and never becomes FAQ content.
   */
  personal: (text: string) => Redaction[]
}

/** Makes a redactor; throws FD_ERR_CONFIG_INVALID for a bad rule or option. */
export function createRedactor (options: RedactorOptions = {}): Redactor {
  const rules = compileRules(options.rules ?? [])
  const cardReplacement = options.cardReplacement ?? DEFAULT_CARD_REPLACEMENT
  const ibanReplacement = options.ibanReplacement ?? DEFAULT_IBAN_REPLACEMENT
  const chunkSize = options.ruleChunkSize ?? DEFAULT_RULE_CHUNK_SIZE
  if (!Number.isInteger(chunkSize) || chunkSize < MIN_RULE_CHUNK_SIZE) {
    throw new FrontdeskError(
      'FD_ERR_CONFIG_INVALID',
      `redaction ruleChunkSize must be an integer of at least ${MIN_RULE_CHUNK_SIZE}, got ${String(chunkSize)}`
    )
  }
  const find = (text: string): Found[] => {
    // The scanners read look-alike digits and letters as ASCII; spans come back in the original.
    const folded = fold(text)
    const back = (kind: string, replacement: string) => (span: Span): Found => ({
      kind,
      replacement,
      start: folded.at(span.start),
      end: folded.at(span.end),
    })
    const strict = findCards(folded.text)
    return [
      ...findIbans(folded.text).map(back('iban', ibanReplacement)),
      ...[...strict, ...findLooseCards(folded.text, strict)].map(back('card', cardReplacement)),
      ...findRuleMatches(text, rules, chunkSize),
    ]
  }
  return {
    redact: (text) => apply(text, resolveOverlaps(find(text))),
    personal (text) {
      const folded = fold(text)
      const kept = (kind: string) => (span: Span): Found => ({
        kind,
        replacement: '',
        start: folded.at(span.start),
        end: folded.at(span.end),
      })
      const found = [
        ...find(text),
        ...findEmails(folded.text).map(kept('email')),
        ...findLongNumbers(folded.text).map(kept('number')),
      ]
      return found.sort((a, b) => a.start - b.start).map(({ kind, start, end }) => ({ kind, start, end }))
    },
  }
}

/** Keeps, of spans that overlap, the one that starts first (the longer one on a tie). */
function resolveOverlaps (found: Found[]): Found[] {
  const sorted = found.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: Found[] = []
  let reached = 0
  for (const span of sorted) {
    if (span.start < reached) continue
    kept.push(span)
    reached = span.end
  }
  return kept
}

function apply (text: string, spans: readonly Found[]): RedactResult {
  let out = ''
  let from = 0
  for (const span of spans) {
    out += text.slice(from, span.start) + span.replacement
    from = span.end
  }
  return {
    text: spans.length === 0 ? text : out + text.slice(from),
    redactions: spans.map(({ kind, start, end }) => ({ kind, start, end })),
  }
}
