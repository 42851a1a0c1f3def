import { PersonRequests, type PersonRequestWords } from '../lang/handoff-phrases.js'

/** An explicit request for a person, and the words that made it one (normalised). */
export interface HandoffMatch {
  /** The language whose phrases matched; not necessarily the conversation's. */
  lang: string
  phrase: string
}

export interface HandoffOptions {
  /**
   * More phrases per language (ISO 639-1) that mean "let me talk to a person", matched as
   * whole words anywhere in a message; `*` ends a prefix (`'talk to sales*'`).
   */
  extra?: Record<string, string[]>
  /** Characters of a message that are read. @default 4000 */
  maxChars?: number
}

export interface HandoffDetector {
  /** The first request found, trying `lang` first, then every other language. */
  detect(text: string, lang?: string): HandoffMatch | undefined
}

/** Words allowed between a verb and its person: "talk to one of your agents" has four. */
const MaxGap = 5
/** Longest message, in words, that can be a bare request such as "an operator, please". */
const MaxBareWords = 10

type Term = { word: string; prefix: boolean }[]
interface Span {
  start: number
  end: number
}
interface Compiled {
  talk: Term[]
  want: Term[]
  strong: Term[]
  weak: Term[]
  negation: Term[]
  extra: Term[]
  gap: Set<string>
  fillers: Set<string>
  verbLast: boolean
}

/**
 * Recognises explicit requests for a human in every language of `handoff-phrases.ts` (and
 * those of `extra`), whatever the conversation's language: a visitor may write English on a
 * Spanish page. Matching is on normalised words, never on backtracking patterns, so any
 * message takes time linear in its length.
 */
export function createHandoffDetector (options: HandoffOptions = {}): HandoffDetector {
  const maxChars = options.maxChars ?? 4000
  const langs = [...new Set([...Object.keys(PersonRequests), ...Object.keys(options.extra ?? {})])]
  const compiled = new Map(langs.map((l) => [l, compile(PersonRequests[l], options.extra?.[l] ?? [])]))
  return {
    detect (text, lang) {
      const tokens = normalizeForMatch(text.slice(0, maxChars))
      const order = lang !== undefined && compiled.has(lang) ? [lang, ...langs.filter((l) => l !== lang)] : langs
      for (const l of order) {
        const c = compiled.get(l)
        const span = c === undefined ? undefined : findRequest(tokens, c)
        if (span !== undefined) return { lang: l, phrase: tokens.slice(span.start, span.end).join(' ') }
      }
      return undefined
    },
  }
}

/**
 * Lower-case words without accents, and sentence punctuation as tokens of its own (a request
 * does not run across it): `"¿Pásame con un agente?"` → `¿ pasame con un agente ?`;
 * "don't" → `do not`.
 */
export function normalizeForMatch (text: string): string[] {
  const plain = text
    .toLowerCase()
    .replace(/n['’]t(?!\p{L})/gu, ' not')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
  return plain.match(/\p{L}+|[.,;:!?¿¡]/gu) ?? []
}

function compile (words: PersonRequestWords | undefined, extra: string[]): Compiled {
  const terms = (list: string | undefined): Term[] =>
    (list ?? '')
      .split('|')
      .map(toTerm)
      .filter((t) => t.length > 0)
  const set = (list: string | undefined): Set<string> => new Set(terms(list).flatMap((t) => t.map((w) => w.word)))
  return {
    talk: terms(words?.talk),
    want: terms(words?.want),
    strong: terms(words?.strong),
    weak: terms(words?.weak),
    negation: terms(words?.negation),
    extra: extra.map(toTerm).filter((t) => t.length > 0),
    gap: set(words?.gap),
    fillers: new Set([...set(words?.gap), ...set(words?.fillers)]),
    verbLast: words?.verbLast === true,
  }
}

function toTerm (phrase: string): Term {
  return phrase
    .trim()
    .split(/\s+/)
    .flatMap((raw) => {
      const prefix = raw.endsWith('*')
      return normalizeForMatch(prefix ? raw.slice(0, -1) : raw).map((word) => ({ word, prefix }))
    })
}

function findRequest (tokens: string[], c: Compiled): Span | undefined {
  const extra = spansOf(tokens, c.extra)[0]
  if (extra !== undefined) return extra
  const strong = spansOf(tokens, c.strong)
  const persons = [...strong, ...spansOf(tokens, c.weak)].sort((a, b) => a.start - b.start)
  for (const verb of spansOf(tokens, c.talk)) {
    const found = after(verb, persons, tokens, c) ?? (c.verbLast ? before(verb, persons, tokens, c) : undefined)
    if (found !== undefined) return found
  }
  for (const verb of spansOf(tokens, c.want)) {
    const found = after(verb, strong, tokens, c)
    if (found !== undefined) return found
  }
  return bare(tokens, strong, c)
}

/** Where each term occurs, in order of position. */
function spansOf (tokens: string[], terms: Term[]): Span[] {
  const spans: Span[] = []
  if (terms.length === 0) return spans
  for (let start = 0; start < tokens.length; start++) {
    const token = tokens[start] ?? ''
    if (!isWord(token)) continue
    for (const term of terms) {
      const head = term[0]
      if (
        head !== undefined &&
        (head.prefix ? token.startsWith(head.word) : token === head.word) &&
        matchesAt(tokens, start, term)
      ) {
        spans.push({ start, end: start + term.length })
      }
    }
  }
  return spans
}

function matchesAt (tokens: string[], start: number, term: Term): boolean {
  return term.every((w, i) => {
    const token = tokens[start + i]
    return token !== undefined && (w.prefix ? token.startsWith(w.word) : token === w.word)
  })
}

/** A person after the verb, with only gap words between, and no negation. */
function after (verb: Span, persons: Span[], tokens: string[], c: Compiled): Span | undefined {
  const person = near(persons, verb.end, verb.end + MaxGap).find((p) => allIn(tokens, verb.end, p.start, c.gap))
  return person === undefined ? undefined : unlessNegated({ start: verb.start, end: person.end }, tokens, c)
}

/** A person before the verb, for languages that put verbs last ("mit einem Mitarbeiter sprechen"). */
function before (verb: Span, persons: Span[], tokens: string[], c: Compiled): Span | undefined {
  const person = near(persons, verb.start - MaxGap - 8, verb.start - 1).find(
    (p) => p.end <= verb.start && verb.start - p.end <= MaxGap && allIn(tokens, p.end, verb.start, c.gap)
  )
  return person === undefined ? undefined : unlessNegated({ start: person.start, end: verb.end }, tokens, c)
}

/** A strong person word standing alone among fillers and punctuation: "Operator!", "agent please". */
function bare (tokens: string[], strong: Span[], c: Compiled): Span | undefined {
  const first = strong[0]
  if (first === undefined || tokens.filter(isWord).length > MaxBareWords) return undefined
  const covered = (i: number): boolean => strong.some((s) => i >= s.start && i < s.end)
  const alone = tokens.every((t, i) => covered(i) || !isWord(t) || c.fillers.has(t))
  return alone ? unlessNegated(first, tokens, c) : undefined
}

/** The spans (sorted by start) that start between `from` and `to`, found by bisection. */
function near (spans: Span[], from: number, to: number): Span[] {
  let lo = 0
  let hi = spans.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((spans[mid]?.start ?? 0) < from) lo = mid + 1
    else hi = mid
  }
  const out: Span[] = []
  for (let i = lo; i < spans.length && (spans[i]?.start ?? Infinity) <= to; i++) out.push(spans[i] as Span)
  return out
}

function allIn (tokens: string[], from: number, to: number, words: Set<string>): boolean {
  for (let i = from; i < to; i++) if (!words.has(tokens[i] ?? '')) return false
  return true
}

/**
 * The request widened over the gap words and wanting verbs just before it ("don't want to |
 * talk to a human", "nicht | mit einem Menschen sprechen"), or undefined when a negation is in
 * it or just before it. Only the word just before counts: in "no funciona, quiero hablar con
 * un agente" the "no" is about something else.
 */
function unlessNegated (span: Span, tokens: string[], c: Compiled): Span | undefined {
  let start = span.start
  const widens = (i: number): boolean =>
    c.gap.has(tokens[i] ?? '') || c.want.some((w) => w.length === 1 && matchesAt(tokens, i, w))
  while (start > 0 && span.start - start < 4 && widens(start - 1)) start--
  const from = Math.max(0, start - 1)
  for (let i = from; i < span.end; i++) if (c.negation.some((n) => matchesAt(tokens, i, n))) return undefined
  return { start, end: span.end }
}

const Punctuation = new Set(['.', ',', ';', ':', '!', '?', '¿', '¡'])

function isWord (token: string): boolean {
  return !Punctuation.has(token)
}
