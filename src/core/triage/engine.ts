import type { Faq, FaqEntry } from '../faq/types.js'
import { createMatcher, type Candidate, type Matcher, type MatcherOptions } from '../faq/matcher.js'
import { createLanguageDetector, type LanguageDecision, type LanguageHints } from '../lang/detect.js'
import { createHandoffDetector, type HandoffMatch } from './handoff.js'
import { checkThresholds, clarifyChoices, DefaultThresholds, verdictFor, type Thresholds } from './thresholds.js'

export type EscalationReason = 'asked_for_person' | 'unsupported_language' | 'no_match' | 'low_confidence'

/** An FAQ entry the bot considered, with what made it consider it. */
export interface CandidateEvidence extends Candidate {
  title: string
}

/** Why the bot decided what it did: shown by `faq try`, stored with the conversation for operators and analytics. */
export interface Evidence {
  lang: LanguageDecision
  /** The query's terms after normalisation, stemming and synonyms. */
  terms: string[]
  /** Share of the query's terms the FAQ knows at all. */
  coverage: number
  candidates: CandidateEvidence[]
  thresholds: Thresholds
  handoff?: HandoffMatch
}

export interface Choice {
  entryId: string
  title: string
  confidence: number
}

/** The outcome for one visitor message: a value, never an exception. */
export type Decision =
  | { decision: 'answer'; lang: string; entry: FaqEntry; confidence: number; evidence: Evidence }
  | { decision: 'clarify'; lang: string; choices: Choice[]; confidence: number; evidence: Evidence }
  | { decision: 'escalate'; lang: string; reason: EscalationReason; confidence: number; evidence: Evidence }

export interface TriageOptions {
  /** Must be one of the FAQ's languages. */
  defaultLang: string
  /** @default DefaultThresholds (fitted on public data, see thresholds.ts) */
  thresholds?: Thresholds
  /** Extra phrases that mean "let me talk to a person", per language. */
  handoffPhrases?: Record<string, string[]>
  matcher?: Omit<MatcherOptions, 'lang' | 'synonyms'>
}

export interface TriageEngine {
  faq: Faq
  thresholds: Thresholds
  matchers: ReadonlyMap<string, Matcher>
  /** Decides what to do with one visitor message (already size-checked and redacted). */
  triage(text: string, hints?: LanguageHints): Decision
  /** The entries closest to a text in one language, for operators' suggestions and reports. */
  suggest(text: string, lang: string, limit?: number): CandidateEvidence[]
  entry(lang: string, id: string): FaqEntry | undefined
}

/** Builds every language's index once; the engine is then immutable and replaced whole on reload. */
export function createTriageEngine (faq: Faq, options: TriageOptions): TriageEngine {
  const thresholds = checkThresholds(options.thresholds ?? DefaultThresholds)
  const byId = new Map<string, Map<string, FaqEntry>>()
  const matchers = new Map<string, Matcher>()
  for (const lang of faq.langs) {
    const entries = faq.entries.get(lang) ?? []
    byId.set(lang, new Map(entries.map((e) => [e.id, e])))
    const matcherOptions: MatcherOptions = { ...options.matcher, lang, synonyms: faq.synonyms.get(lang) }
    matchers.set(
      lang,
      createMatcher(
        entries.map((e) => ({ id: e.id, questions: e.questions, title: e.title })),
        matcherOptions
      )
    )
  }
  const detector = createLanguageDetector({ langs: faq.langs, defaultLang: options.defaultLang })
  const handoff = createHandoffDetector({ extra: options.handoffPhrases })

  const entry = (lang: string, id: string): FaqEntry | undefined => byId.get(lang)?.get(id)
  const withTitles = (lang: string, candidates: Candidate[]): CandidateEvidence[] =>
    candidates.map((c) => ({ ...c, title: entry(lang, c.entryId)?.title ?? c.entryId }))
  const match = (text: string, lang: string, limit: number) => {
    const result = matchers.get(lang)?.match(text, limit) ?? { candidates: [], terms: [], coverage: 0 }
    return { ...result, candidates: withTitles(lang, result.candidates) }
  }

  return {
    faq,
    thresholds,
    matchers,
    entry,
    suggest: (text, lang, limit = 5) => match(text, lang, limit).candidates,
    triage (text, hints = {}) {
      const language = detector.detect(text, hints)
      const lang = language.lang
      const asked = handoff.detect(text, lang)
      const found = match(text, lang, 5)
      const evidence: Evidence = {
        lang: language,
        terms: found.terms,
        coverage: found.coverage,
        candidates: found.candidates,
        thresholds,
        ...(asked !== undefined && { handoff: asked }),
      }
      const top = found.candidates[0]
      const confidence = top?.confidence ?? 0
      if (asked !== undefined) return { decision: 'escalate', lang, reason: 'asked_for_person', confidence, evidence }
      if (language.foreign !== undefined) {
        return { decision: 'escalate', lang, reason: 'unsupported_language', confidence, evidence }
      }
      if (top === undefined) return { decision: 'escalate', lang, reason: 'no_match', confidence, evidence }
      const verdict = verdictFor(found.candidates, thresholds)
      const hit = entry(lang, top.entryId)
      if (verdict === 'answer' && hit !== undefined) {
        return { decision: 'answer', lang, entry: hit, confidence, evidence }
      }
      if (verdict === 'clarify') {
        const choices = (clarifyChoices(found.candidates) as CandidateEvidence[]).map(
          ({ entryId, title, confidence }) => ({ entryId, title, confidence })
        )
        return { decision: 'clarify', lang, choices, confidence, evidence }
      }
      return { decision: 'escalate', lang, reason: 'low_confidence', confidence, evidence }
    },
  }
}
