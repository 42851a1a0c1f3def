import { FrontdeskError } from '../errors.js'
import { createEvidence, DefaultWeights, type EvidenceWeights } from './evidence.js'
import { createForeignDetector } from './foreign.js'
import { buildLexicon, ListedLangs, type Lexicon } from './lexicon.js'
import { parseAcceptLanguage, primaryTag } from './tags.js'
import { extractFeatures, type TextFeatures } from './text.js'

/** What is known of a visitor's language besides the message itself. */
export interface LanguageHints {
  /** The language the conversation has been in so far. */
  conversation?: string
  /** The widget's or browser's languages, most preferred first: tags, or an Accept-Language header. */
  browser?: string | string[]
}

/** How a language was decided: from the text, or (for a short or ambiguous text) from a hint. */
export type LanguageMethod = 'detected' | 'conversation' | 'browser' | 'default'

export interface LanguageDecision {
  /** Always one of the detector's langs. */
  lang: string
  method: LanguageMethod
  /** 0..1, how sure the detection was: the score of `lang`, 0 for a text without words. */
  confidence: number
  /** Per FAQ language, best first: the evidence of the text alone, as probabilities. */
  scores: { lang: string; score: number }[]
  /** Set when the text is confidently in a language the FAQ does not have (ISO 639-1 if known, else 639-3). */
  foreign?: string
}

export interface LanguageDetector {
  langs: string[]
  detect(text: string, hints?: LanguageHints): LanguageDecision
}

export interface LanguageDetectorOptions {
  /** The FAQ's languages, as primary tags (`en`, `es`…). */
  langs: string[]
  /** The language of a text without evidence, when there is no conversation or browser language. */
  defaultLang: string
  /**
   * Evidence margin, in listed words, that a sentence needs over the conversation's language to switch to another.
   * @default 0.5
   */
  switchMargin?: number
  /**
   * Words from which a text counts as a sentence; shorter texts need `shortMargin` more per missing word to switch.
   * @default 3
   */
  sentenceWords?: number
  /** Extra margin per word that a text lacks to be a sentence: "yes" in an Italian chat stays Italian. @default 1 */
  shortMargin?: number
  /** Evidence margin a text needs over the browser's language, when there is no conversation yet. @default 0.5 */
  browserMargin?: number
  /**
   * Margin over the runner-up for a text that agrees with the conversation or browser to be called `detected` rather
   * than kept. @default 0.3
   */
  minMargin?: number
  /** Temperature of the softmax that turns evidence into `scores`. @default 0.5 */
  temperature?: number
  /** Characters of a text that are read. @default 1000 */
  maxChars?: number
  /** Words a text needs before it can be called foreign. @default 3 */
  foreignMinWords?: number
  /** Evidence margin a listed language the FAQ lacks needs over the FAQ's best to be called foreign. @default 1.5 */
  foreignMargin?: number
  /** Words per language, added to the built-in lists (en es it ru de fr pt nl) or standing in for them. */
  words?: Record<string, string[]>
  /** How much each kind of evidence counts. @default DefaultWeights */
  weights?: Partial<EvidenceWeights>
}

/** Fitted on the development half of `bench/langid.ts` (switching, foreign) or chosen by hand (the rest). */
const Defaults = {
  switchMargin: 0.5,
  sentenceWords: 3,
  shortMargin: 1,
  browserMargin: 0.5,
  minMargin: 0.3,
  temperature: 0.5,
  maxChars: 1000,
  foreignMinWords: 3,
  foreignMargin: 1.5,
}

/** A language chosen without the text: conversation, else browser, else default. */
interface Fallback {
  lang: string
  method: Exclude<LanguageMethod, 'detected'>
  margin: number
}

/**
 * Detects the language of visitors' messages among an FAQ's languages, combining franc's
 * trigrams with word lists, letters and script, and the conversation's or browser's language
 * as a prior that a clear sentence in another language overcomes.
 */
export function createLanguageDetector (options: LanguageDetectorOptions): LanguageDetector {
  const o = normalizeOptions(options)
  const weights = { ...DefaultWeights, ...options.weights }
  const lexicon = buildLexicon([...new Set([...o.langs, ...ListedLangs])], options.words)
  const evidence = createEvidence(o.langs, lexicon, weights)
  const foreign = createForeignDetector(o.langs, lexicon, weights, {
    minWords: o.foreignMinWords,
    margin: o.foreignMargin,
  })
  return {
    langs: o.langs,
    detect (text, hints = {}) {
      const features = extractFeatures(text, o.maxChars)
      const fallback = fallbackOf(hints, o)
      const other = foreign.detect(features)
      if (!hasWords(features, o.langs, lexicon)) return decision(fallback, 0, uniform(o.langs), other)
      const scores = softmax(o.langs, evidence.score(features), o.temperature)
      const short =
        fallback.method === 'conversation' ? o.shortMargin * Math.max(0, o.sentenceWords - features.words.length) : 0
      const chosen =
        other === undefined ? decide(scores, { ...fallback, margin: fallback.margin + short }, o.minMargin) : fallback
      const confidence = scores.find((s) => s.lang === chosen.lang)?.score ?? 0
      return decision(
        chosen,
        confidence,
        scores.map(({ lang, score }) => ({ lang, score })),
        other
      )
    },
  }
}

function decision (
  chosen: { lang: string; method: LanguageMethod },
  confidence: number,
  scores: LanguageDecision['scores'],
  foreign: string | undefined
): LanguageDecision {
  return {
    lang: chosen.lang,
    method: chosen.method,
    confidence: round(confidence),
    scores,
    ...(foreign !== undefined && { foreign }),
  }
}

/**
 * The conversation's language keeps a text unless the text's evidence for another language
 * beats it by the fallback's margin; the browser's likewise, with a smaller margin. The default
 * language is no information about the visitor, so any evidence beats it: a weak guess among
 * eight languages is right far more often than the default (see the benchmark's 1-word column).
 * When the text agrees with the hint, it is called `detected` only if it is clear by itself.
 */
function decide (
  scores: { lang: string; score: number; evidence: number }[],
  fallback: Fallback,
  minMargin: number
): { lang: string; method: LanguageMethod } {
  const [best, second] = scores
  if (best === undefined) return fallback
  const lead = best.evidence - (second?.evidence ?? -Infinity)
  if (fallback.method === 'default') return lead > 0 ? { lang: best.lang, method: 'detected' } : fallback
  const kept = scores.find((s) => s.lang === fallback.lang)?.evidence ?? -Infinity
  if (best.lang !== fallback.lang) {
    return best.evidence - kept > fallback.margin ? { lang: best.lang, method: 'detected' } : fallback
  }
  return lead >= minMargin ? { lang: best.lang, method: 'detected' } : fallback
}

function fallbackOf (hints: LanguageHints, o: NormalizedOptions): Fallback {
  const conversation = hints.conversation === undefined ? undefined : primaryTag(hints.conversation)
  if (conversation !== undefined && o.langs.includes(conversation)) {
    return { lang: conversation, method: 'conversation', margin: o.switchMargin }
  }
  const browser = browserLangs(hints.browser).find((l) => o.langs.includes(l))
  if (browser !== undefined) return { lang: browser, method: 'browser', margin: o.browserMargin }
  return { lang: o.defaultLang, method: 'default', margin: 0 }
}

function browserLangs (browser: string | string[] | undefined): string[] {
  if (browser === undefined) return []
  const tags = typeof browser === 'string' ? [browser] : browser
  return tags.flatMap((t) => (/[,;]/.test(t) ? parseAcceptLanguage(t) : [primaryTag(t) ?? []].flat()))
}

/** Whether a text has anything to read: words, or acronyms that are words ("NO", "SI"). */
function hasWords (f: TextFeatures, langs: string[], lexicon: Lexicon): boolean {
  return f.words.length > 0 || f.acronyms.some((a) => langs.some((l) => lexicon.get(l)?.has(a) === true))
}

/** Evidence to probabilities, best first; `evidence` keeps the raw value for the decision. */
function softmax (
  langs: string[],
  evidence: number[],
  temperature: number
): { lang: string; score: number; evidence: number }[] {
  const top = Math.max(...evidence)
  const weights = evidence.map((e) => Math.exp((e - top) / temperature))
  const sum = weights.reduce((a, b) => a + b, 0)
  return langs
    .map((lang, i) => ({ lang, score: round((weights[i] ?? 0) / sum), evidence: evidence[i] ?? 0 }))
    .sort((a, b) => b.evidence - a.evidence)
}

function uniform (langs: string[]): LanguageDecision['scores'] {
  return langs.map((lang) => ({ lang, score: round(1 / langs.length) }))
}

function round (x: number): number {
  return Math.round(x * 1000) / 1000
}

type NormalizedOptions = typeof Defaults & { langs: string[]; defaultLang: string }

function normalizeOptions (options: LanguageDetectorOptions): NormalizedOptions {
  const langs = options.langs.map((l) => {
    const tag = primaryTag(l)
    if (tag === undefined) {
      throw new FrontdeskError('FD_ERR_LANG_UNSUPPORTED', `language detector: "${l}" is not a language tag`)
    }
    return tag
  })
  if (langs.length === 0) {
    throw new FrontdeskError('FD_ERR_CONFIG_INVALID', 'language detector: langs must not be empty')
  }
  const defaultLang = primaryTag(options.defaultLang)
  if (defaultLang === undefined || !langs.includes(defaultLang)) {
    throw new FrontdeskError(
      'FD_ERR_LANG_UNSUPPORTED',
      `language detector: defaultLang "${options.defaultLang}" is not one of ${langs.join(', ')}`
    )
  }
  const knobs = { ...Defaults }
  for (const key of Object.keys(Defaults) as (keyof typeof Defaults)[]) {
    const value = options[key]
    if (value === undefined) continue
    const positive = key === 'temperature' || key === 'maxChars'
    if (!Number.isFinite(value) || value < 0 || (positive && value === 0)) {
      throw new FrontdeskError(
        'FD_ERR_CONFIG_INVALID',
        `language detector: ${key} must be a number ${positive ? '> 0' : '>= 0'}, got ${String(value)}`
      )
    }
    knobs[key] = value
  }
  return { ...knobs, langs: [...new Set(langs)], defaultLang }
}
