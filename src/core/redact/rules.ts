/**
 * Redaction rules from config, checked once when the redactor is made.
 *
 * A regular expression from config is code we did not write: JavaScript's engine backtracks,
 * and a pattern such as `(\d+)+$` takes exponential time on a long run of digits. Deciding
 * whether any pattern can do that is hard in general, so we take two guards and document the
 * rest: a pattern that repeats a group which itself repeats without bound (`(a+)+`,
 * `(\w*\s?){2,}`) is refused at load, and every rule runs on bounded chunks of the text, so a
 * pattern that is merely polynomial costs O(text × chunk) rather than O(text²). Ambiguous
 * alternation under a repeat (`(a|a)*`) and backreferences are not detected: keep rules
 * simple and anchored on literal characters.
 */
import { FrontdeskError } from '../errors.js'
import type { Found, RedactionRule } from './types.js'

/** A rule ready to run. */
export interface CompiledRule {
  name: string
  regex: RegExp
  replacement: string
}

/** Validates and compiles rules; throws FD_ERR_CONFIG_INVALID naming the first bad one. */
export function compileRules (rules: readonly RedactionRule[]): CompiledRule[] {
  const names = new Set<string>()
  return rules.map((rule, index) => {
    const compiled = compileRule(rule, index)
    if (names.has(compiled.name)) throw invalid(compiled.name, 'is defined twice')
    names.add(compiled.name)
    return compiled
  })
}

function compileRule (rule: RedactionRule, index: number): CompiledRule {
  if (typeof rule.name !== 'string' || rule.name.trim() === '') {
    throw new FrontdeskError('FD_ERR_CONFIG_INVALID', `redaction rule #${index + 1} has no name`)
  }
  if (typeof rule.pattern !== 'string' || rule.pattern === '') throw invalid(rule.name, 'has an empty pattern')
  let regex: RegExp
  try {
    regex = new RegExp(rule.pattern, 'gu')
  } catch (error) {
    throw invalid(
      rule.name,
      `has an invalid pattern ${JSON.stringify(rule.pattern)}: ${(error as Error).message}`,
      error
    )
  }
  if (new RegExp(rule.pattern, 'u').test('')) {
    throw invalid(rule.name, `pattern ${JSON.stringify(rule.pattern)} matches empty text`)
  }
  if (hasNestedRepeat(rule.pattern)) {
    throw invalid(
      rule.name,
      `pattern ${JSON.stringify(rule.pattern)} repeats a group that itself repeats without bound, which can take exponential time; use a bounded count such as {1,20}`
    )
  }
  return { name: rule.name, regex, replacement: rule.replacement ?? `[${rule.name} removed]` }
}

function invalid (name: string, message: string, cause?: unknown): FrontdeskError {
  return new FrontdeskError('FD_ERR_CONFIG_INVALID', `redaction rule "${name}" ${message}`, { cause })
}

interface Quantifier {
  length: number
  unbounded: boolean
  repeats: boolean
}

const NONE: Quantifier = { length: 0, unbounded: false, repeats: false }

/** True when a repeated group contains an unbounded repeat: the classic catastrophic shape. */
export function hasNestedRepeat (source: string): boolean {
  const frames: boolean[] = [false]
  for (let i = 0; i < source.length;) {
    const char = source[i]
    if (char === '\\') {
      i += 2
    } else if (char === '[') {
      i = skipClass(source, i)
    } else if (char === '(') {
      frames.push(false)
      i++
    } else if (char === ')') {
      const inner = frames.pop() ?? false
      const quantifier = quantifierAt(source, i + 1)
      if (inner && quantifier.repeats) return true
      if (inner || quantifier.unbounded) frames[frames.length - 1] = true
      i += 1 + quantifier.length
    } else {
      const quantifier = quantifierAt(source, i)
      if (quantifier.unbounded) frames[frames.length - 1] = true
      i += Math.max(1, quantifier.length)
    }
  }
  return false
}

function skipClass (source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++
    else if (source[i] === ']') return i + 1
  }
  return source.length
}

function quantifierAt (source: string, at: number): Quantifier {
  const char = source[at]
  let quantifier: Quantifier
  if (char === '*' || char === '+') quantifier = { length: 1, unbounded: true, repeats: true }
  else if (char === '?') quantifier = { length: 1, unbounded: false, repeats: false }
  else {
    const count = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at, at + 24))
    if (count === null) return NONE
    const max = count[2] === undefined ? Number(count[1]) : count[3] === '' ? Infinity : Number(count[3])
    quantifier = { length: count[0].length, unbounded: max === Infinity, repeats: max > 1 }
  }
  // a lazy `?` after a quantifier belongs to it
  return source[at + quantifier.length] === '?' ? { ...quantifier, length: quantifier.length + 1 } : quantifier
}

/**
 * Every match of every rule, as spans of the original text. Rules run on chunks of at most
 * `chunkSize` characters, cut after whitespace where possible, and consecutive chunks overlap
 * by a quarter of that; a match that is longer than the overlap and crosses a cut can be
 * missed, and lookbehinds and anchors see chunk edges.
 */
export function findRuleMatches (text: string, rules: readonly CompiledRule[], chunkSize: number): Found[] {
  const found: Found[] = []
  if (rules.length === 0) return found
  for (const [start, end] of chunks(text, chunkSize)) {
    const part = text.slice(start, end)
    for (const rule of rules) {
      rule.regex.lastIndex = 0
      for (const match of part.matchAll(rule.regex)) {
        if (match[0] === '') continue
        const at = start + match.index
        found.push({ kind: rule.name, start: at, end: at + match[0].length, replacement: rule.replacement })
      }
    }
  }
  return found
}

/** [start, end) chunks covering the text, each at most `size` long, overlapping by up to `size / 4`. */
export function chunks (text: string, size: number): Array<[number, number]> {
  const out: Array<[number, number]> = []
  const overlap = Math.floor(size / 4)
  let start = 0
  for (;;) {
    const end = start + size >= text.length ? text.length : cutBefore(text, start + size, start + size / 2)
    out.push([start, end])
    if (end >= text.length) return out
    start = startAfter(text, Math.max(start + 1, end - overlap), end)
  }
}

/** Just after the last whitespace in [floor, limit), else `limit`, never inside a surrogate pair. */
function cutBefore (text: string, limit: number, floor: number): number {
  for (let i = limit - 1; i >= floor; i--) {
    if (isSpace(text.charCodeAt(i))) return i + 1
  }
  return isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit
}

/** Just after the first whitespace in [floor, limit), else `floor`, never inside a surrogate pair. */
function startAfter (text: string, floor: number, limit: number): number {
  for (let i = floor; i < limit - 1; i++) {
    if (isSpace(text.charCodeAt(i))) return i + 1
  }
  return isHighSurrogate(text.charCodeAt(floor - 1)) ? floor + 1 : floor
}

function isSpace (code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200a)
  )
}

function isHighSurrogate (code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
