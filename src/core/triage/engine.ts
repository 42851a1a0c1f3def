import type { Faq, FaqEntry } from '../faq/types.js'
import { answerText } from '../faq/answer-text.js'
import { createMatcher, type Candidate, type Matcher, type MatcherOptions } from '../faq/matcher.js'
import { createLanguageDetector, type LanguageDecision, type LanguageHints } from '../lang/detect.js'
import { createActRecognizer, type DialogueAct } from '../dialogue/acts.js'
import { followUpQuery, type FollowUp, type Topic } from '../dialogue/follow-up.js'
import type { PhraseLists } from '../dialogue/phrases.js'
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
  /** The message was small talk and nothing else. */
  act?: DialogueAct
  /** The message was read together with the topic of the last answer. */
  followUp?: FollowUp
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
  | { decision: 'smalltalk'; lang: string; act: DialogueAct; confidence: number; evidence: Evidence }

/** What the conversation knows that a message may lean on, passed in by the conversation service. */
export interface TriageContext {
  /** The topic of the bot's last answer, for follow-ups ("and to Spain?"). */
  topic?: Topic | undefined
  /** Now, in ms since the epoch: a follow-up counts only shortly after its answer. */
  now?: number
}

export interface TriageOptions {
  /** Must be one of the FAQ's languages. */
  defaultLang: string
  /** @default DefaultThresholds (fitted on public data, see thresholds.ts) */
  thresholds?: Thresholds
  /** Extra phrases that mean "let me talk to a person", per language. */
  handoffPhrases?: Record<string, string[]>
  matcher?: Omit<MatcherOptions, 'lang' | 'synonyms'>
  /** The editors' small-talk phrases per language, added to the shipped ones. */
  smallTalk?: Record<string, PhraseLists>
}

export interface TriageEngine {
  faq: Faq
  thresholds: Thresholds
  matchers: ReadonlyMap<string, Matcher>
  /** Decides what to do with one visitor message (already size-checked and redacted). */
  triage(text: string, hints?: LanguageHints, context?: TriageContext): Decision
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
        entries.map((e) => ({ id: e.id, questions: e.questions, title: e.title, answer: answerText(e.body) })),
        matcherOptions
      )
    )
  }
  const detector = createLanguageDetector({ langs: faq.langs, defaultLang: options.defaultLang })
  const handoff = createHandoffDetector({ extra: options.handoffPhrases })
  const acts = createActRecognizer({ ...Object.fromEntries(faq.smallTalk ?? []), ...options.smallTalk })

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
    triage (text, hints = {}, context = {}) {
      const language = detector.detect(text, hints)
      const lang = language.lang
      const asked = handoff.detect(text, lang)
      const act = asked === undefined ? acts.recognize(text, [lang, ...faq.langs]) : undefined
      const alone = match(act === undefined ? afterOpening(text, (t) => acts.recognize(t, [lang])) : text, lang, 5)
      const followUp = act === undefined && verdictFor(alone.candidates, thresholds) !== 'answer'
        ? followUpQuery(text, context.topic, context.now ?? 0)
        : undefined
      const together = followUp === undefined ? undefined : match(followUp, lang, 5)
      // The topic is used only where it helps: a message that makes sense alone is matched alone.
      const helped = together !== undefined && context.topic !== undefined &&
        verdictFor(together.candidates, thresholds) !== 'escalate' &&
        (together.candidates[0]?.confidence ?? 0) > (alone.candidates[0]?.confidence ?? 0)
      const found = helped ? together : alone
      const evidence: Evidence = {
        lang: language,
        terms: found.terms,
        coverage: found.coverage,
        candidates: found.candidates,
        thresholds,
        ...(asked !== undefined && { handoff: asked }),
        ...(act !== undefined && { act }),
        ...(helped && { followUp: { entryId: context.topic!.entryId, question: context.topic!.question } }),
      }
      const top = found.candidates[0]
      const confidence = top?.confidence ?? 0
      if (asked !== undefined) return { decision: 'escalate', lang, reason: 'asked_for_person', confidence, evidence }
      if (act !== undefined) {
        // Answered in the phrase's language when the FAQ has it ("gracias" on an English page).
        const replyLang = act.lang === lang || !faq.langs.includes(act.lang) ? lang : act.lang
        return { decision: 'smalltalk', lang: replyLang, act, confidence: 1, evidence }
      }
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

// A clause, then its punctuation: "thanks," "hi!" "ok."
const OPENING = /^([^,.;:!?¡¿]+)[,.;:!?]+\s*(.*\p{L}.*)$/su

/**
 * The question after a small-talk opening: "gracias, pero ¿dónde está mi pedido?" is matched
 * as "pero ¿dónde está mi pedido?". The opening's words are in no FAQ question, and they would
 * lower the confidence of a question that is clear without them.
 */
function afterOpening (text: string, isSmallTalk: (clause: string) => unknown): string {
  let rest = text
  for (let i = 0; i < 3; i++) {
    const m = OPENING.exec(rest)
    if (m === null || isSmallTalk(m[1]!) === undefined) break
    rest = m[2]!
  }
  return rest
}
