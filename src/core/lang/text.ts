import { NeutralWords } from './words.js'

/** What a message offers as evidence of its language, once the parts without language are set aside. */
export interface TextFeatures {
  /** Lower-case words, elisions kept apart (`l'`, `'t`): see `tokenize`. */
  words: string[]
  /** Short all-capital words of a message that is not all capitals (`DHL`, `OK`, `PDF`), lower case. */
  acronyms: string[]
  /** `words` joined by spaces: what franc reads. */
  text: string
  /** How many letters of `words` are in each script (`Latn`, `Cyrl`, `Hani`, `Hira`…). */
  scripts: Map<string, number>
  /** Letters and marks (`¿`, `¡`) that some languages use and others do not, lower case. */
  marks: string
}

/** Clitics written after an apostrophe (`don't`, `it's`, `we're`, Dutch `'n`, `'s`). */
const Clitics = new Set(['t', 's', 'm', 're', 'll', 've', 'd', 'n'])

const Scripts: [string, RegExp][] = [
  ['Latn', /\p{Script=Latin}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Hani', /\p{Script=Han}/u],
  ['Hira', /\p{Script=Hiragana}/u],
  ['Kana', /\p{Script=Katakana}/u],
  ['Hang', /\p{Script=Hangul}/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Beng', /\p{Script=Bengali}/u],
  ['Taml', /\p{Script=Tamil}/u],
  ['Telu', /\p{Script=Telugu}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Geor', /\p{Script=Georgian}/u],
  ['Armn', /\p{Script=Armenian}/u],
  ['Ethi', /\p{Script=Ethiopic}/u],
]

/** Script of one letter, as a four-letter ISO 15924 code; `Zyyy` when it is none of the above. */
export function scriptOf (letter: string): string {
  const code = letter.codePointAt(0) ?? 0
  if (code < 0x250 && code >= 0x41) return 'Latn' // ASCII and Latin-1 to Latin Extended-B letters, the common case
  if (code >= 0x400 && code < 0x530) return 'Cyrl'
  return Scripts.find(([, re]) => re.test(letter))?.[0] ?? 'Zyyy'
}

/**
 * Lower-case words of `text`. An apostrophe splits a word and stays with the elided part:
 * `l'ordine` → `l'`, `ordine`; `qu'il` → `qu'`, `il`; `don't` → `don'`, `'t`; `c'è` → `c'`, `è`.
 */
export function tokenize (text: string): string[] {
  const out: string[] = []
  for (const run of text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .match(/[\p{L}\p{M}']+/gu) ?? []) {
    const parts = run.split("'")
    parts.forEach((part, i) => {
      if (part === '') return
      if (i > 0 && Clitics.has(part)) out.push(`'${part}`)
      else if (i < parts.length - 1) out.push(`${part}'`)
      else out.push(part)
    })
  }
  return out
}

/**
 * Features of a message, from at most `maxChars` characters of it. Chunks that carry no
 * language are dropped: anything with a digit (order ids, prices, times, phone numbers),
 * e-mail addresses, URLs and bare domain names. Emoji and symbols are not letters.
 */
export function extractFeatures (text: string, maxChars: number): TextFeatures {
  const sample = text.slice(0, maxChars).normalize('NFC')
  const runs = lettersRuns(sample)
  // A message in capitals is shouted words, unless it is as short as "DHL?" or "OK".
  const shouting = runs.length > 2 && !/\p{Ll}/u.test(sample)
  const names = shouting ? new Set<number>() : brandNames(runs)
  const words: string[] = []
  const acronyms: string[] = []
  runs.forEach(({ run }, i) => {
    if (names.has(i)) return
    if (!shouting && isAcronym(run)) acronyms.push(run.toLowerCase())
    else words.push(...tokenize(run))
  })
  const kept = words.filter((w) => !NeutralWords.has(w))
  const joined = kept.join(' ')
  return {
    words: kept,
    acronyms: acronyms.filter((w) => !NeutralWords.has(w)),
    text: joined,
    scripts: countScripts(joined),
    marks: marksOf(joined, sample),
  }
}

interface LetterRun {
  run: string
  sentenceStart: boolean
}

/** The letter runs of the chunks that carry language, each knowing whether it starts a sentence. */
function lettersRuns (sample: string): LetterRun[] {
  const out: LetterRun[] = []
  let sentenceStart = true
  for (const chunk of sample.split(/\s+/)) {
    if (chunk === '') continue
    if (!carriesNoLanguage(chunk)) {
      for (const run of chunk.match(/[\p{L}\p{M}'’‘`´]+/gu) ?? []) {
        out.push({ run, sentenceStart })
        sentenceStart = false
      }
    }
    if (/[.!?…:]["'»)\]]*$/.test(chunk)) sentenceStart = true
  }
  return out
}

/**
 * Product and company names say nothing of the visitor's language ("accettate Google Pay?",
 * "¿aceptáis PayPal?"): a camel-case word (PayPal, iPhone), or two or more capitalised words in a
 * row inside a sentence (Google Pay, Ravenna Home). A single capitalised word is kept: German
 * capitalises every noun.
 */
function brandNames (runs: LetterRun[]): Set<number> {
  const names = new Set<number>()
  const capitalised = (i: number): boolean => {
    const r = runs[i]
    return r !== undefined && !r.sentenceStart && /^\p{Lu}\p{Ll}+$/u.test(r.run)
  }
  runs.forEach(({ run }, i) => {
    if (/^\p{Ll}*\p{Lu}?\p{Ll}+\p{Lu}\p{L}*$/u.test(run) && /\p{Ll}\p{Lu}/u.test(run)) names.add(i)
    if (capitalised(i) && (capitalised(i - 1) || capitalised(i + 1))) names.add(i)
  })
  return names
}

function carriesNoLanguage (chunk: string): boolean {
  if (!/[\d@./]/.test(chunk)) return false
  if (/\d/.test(chunk) || chunk.includes('@') || chunk.includes('://')) return true
  const host = trimToLetters(chunk).split('/', 1)[0]?.toLowerCase() ?? ''
  const labels = host.split('.')
  const tld = labels[labels.length - 1] ?? ''
  return (
    host.startsWith('www.') ||
    (labels.length > 1 && /^[a-z]{2,4}$/.test(tld) && labels.every((l) => /^[\p{L}-]+$/u.test(l)))
  )
}

/** `chunk` without the non-letters at either end (written as a loop: no backtracking). */
function trimToLetters (chunk: string): string {
  const chars = [...chunk]
  let start = 0
  let end = chars.length
  while (start < end && !/\p{L}/u.test(chars[start] ?? '')) start++
  while (end > start && !/[\p{L}/]/u.test(chars[end - 1] ?? '')) end--
  return chars.slice(start, end).join('')
}

function isAcronym (run: string): boolean {
  return run.length >= 2 && run.length <= 4 && run === run.toUpperCase() && run !== run.toLowerCase()
}

function countScripts (letters: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const ch of letters) {
    if (ch === ' ' || ch === "'") continue
    const script = scriptOf(ch)
    counts.set(script, (counts.get(script) ?? 0) + 1)
  }
  return counts
}

/** Non-ASCII letters of the words, and Spanish opening marks from the whole sample. */
function marksOf (letters: string, sample: string): string {
  let marks = ''
  for (const ch of letters) if (ch > '\u007f') marks += ch
  for (const ch of sample) if (ch === '¿' || ch === '¡') marks += ch
  return marks
}
