import { FrontdeskError } from '../errors.js'
import { createAnalyzer, type Analysis } from '../text/analyzer.js'
import { DefaultCalibration, type Calibration, type MatchEvidence } from './calibration.js'
import { trainClassifier, type Classifier, type ClassifierOptions } from './classifier.js'
import { createFeaturizer, type FeatureOptions, type Featurizer } from './matcher-features.js'
import { coverageOf, createKeywordIndex, type Bm25Params } from './matcher-index.js'
import { checkMatcherOptions } from './matcher-options.js'
import { buildVocabulary, type Vocabulary } from './matcher-vocabulary.js'
import { rankCandidates } from './matcher-rank.js'

/** What the matcher learns from: an FAQ entry's id and the ways visitors ask it. */
export interface MatcherEntry {
  id: string
  questions: string[]
  /** Also learned from, as one more way to ask. */
  title?: string
  /**
   * The answer as plain text (markdown and template variables already removed, see
   * `answerText`): weaker evidence than the questions, weighted separately.
   */
  answer?: string
}

/** An entry that may answer the query. */
export interface Candidate {
  entryId: string
  /** Calibrated P(this entry is the right answer) in [0,1]. */
  confidence: number
  /** The classifier's softmax probability, before calibration. */
  probability: number
  /** Raw aggregated score: the classifier's (cosine-like) score plus the weighted keyword score. */
  score: number
  /** Query terms that occur in this entry's questions. */
  matchedTerms: string[]
  /** Query terms that occur in this entry's answer text but not in its questions; absent when none. */
  answerTerms?: string[]
}

/** The outcome of matching one query. */
export interface MatchResult {
  /** Best first, at most `limit`; empty when the query has no searchable term. */
  candidates: Candidate[]
  /** The query's processed terms. */
  terms: string[]
  /** Share of query terms known to the index, 0..1. */
  coverage: number
  /** What the best candidate's confidence was computed from; absent without candidates. */
  evidence?: MatchEvidence
}

/** Finds the FAQ entries of one language that answer a query. */
export interface Matcher {
  lang: string
  /** Number of entries indexed. */
  entries: number
  /** Number of questions (and titles) learned from. */
  questions: number
  /** Ranks entries for `text`; never throws for a query that matches nothing. */
  match(text: string, limit?: number): MatchResult
}

/** Options of {@link createMatcher}. */
export interface MatcherOptions {
  /** BCP 47 primary tag; en es it ru de fr pt nl get stemming and stop words. */
  lang: string
  /** Synonym groups of this language; each word is read as its group's first. @default [] */
  synonyms?: string[][]
  /**
   * Coefficients of the confidence model. The default was fitted on public intent data
   * (see {@link DefaultCalibration}) and is meant to be kept for a shop FAQ.
   * @default DefaultCalibration
   */
  calibration?: Calibration
  /** Training knobs of the classifier. @default {} (see ClassifierOptions) */
  classifier?: ClassifierOptions
  /** Which features the classifier sees. @default {} (see FeatureOptions) */
  features?: FeatureOptions
  /** BM25 parameters of the keyword index. @default { k: 1.2, b: 0.7, d: 0.5 } */
  bm25?: Bm25Params
  /**
   * Weight of the keyword (BM25) score, as a share of the best hit's, added to the
   * classifier's score when ranking. @default 0.25
   */
  keywordWeight?: number
  /** Candidates returned when `match` is called without a limit. @default 5 */
  limit?: number
  /** How answer texts count, beside the questions. @default DefaultAnswerEvidence */
  answers?: AnswerEvidenceOptions
}

/** How much an entry's answer text counts as evidence; 0 leaves it out. */
export interface AnswerEvidenceOptions {
  /** Boost of the answer field in the keyword index (the questions' is 1). */
  indexBoost?: number
  /** Weight of each answer passage as a training example of the classifier (a question's is 1). */
  classifierWeight?: number
}

/**
 * Chosen on DEEPSETCOVID_en validation (one question and one answer per entry): the answer
 * field at the questions' boost ranked 67.0% → 69.3% top-1 (0.3: 68.2%, 2: 68.2%). Answer
 * passages as classifier examples did not help at any weight tried (0.05 to 1: 65.9–67.0%):
 * their words are the topic's, not the visitor's, and they pull the entry's centroid away from
 * its question; so they stay out of the classifier unless asked for.
 */
export const DefaultAnswerEvidence: Readonly<Required<AnswerEvidenceOptions>> = Object.freeze({
  indexBoost: 1,
  classifierWeight: 0,
})

/**
 * Builds the matcher of one language from its entries: a MiniSearch (BM25) index with one
 * document per entry, for matched terms, coverage and a second opinion, and a classifier
 * trained on the questions, which ranks. Throws `FD_ERR_FAQ_INVALID` on a duplicate entry id
 * and `FD_ERR_CONFIG_INVALID` on an option out of range.
 */
export function createMatcher (entries: MatcherEntry[], options: MatcherOptions): Matcher {
  checkEntries(entries)
  checkMatcherOptions(options)
  const analyzer = createAnalyzer(options.lang, { synonyms: options.synonyms })
  const answers = { ...DefaultAnswerEvidence, ...options.answers }
  const analysed = entries.map((e) => textsOf(e).map((q) => analyzer.analyze(q)))
  const passages = entries.map((e) => passagesOf(e.answer).map((p) => analyzer.analyze(p)))
  const search = createKeywordIndex(
    analysed.map((list) => list.flatMap((a) => a.terms)),
    options.bm25,
    passages.map((list) => list.flatMap((a) => a.terms)),
    answers.indexBoost
  )
  const featurizer = createFeaturizer(options.features)
  const { vocabulary, classifier, fromQuestions } = train(featurizer, analysed, passages, answers, options.classifier)
  const ids = entries.map((e) => e.id)
  const questions = analysed.reduce((n, list) => n + list.length, 0)
  const rank = {
    ids,
    scores: new Float64Array(entries.length),
    sharpness: options.classifier?.sharpness ?? 5,
    keywordWeight: options.keywordWeight ?? 0.25,
    support: supportOf(questions, entries.length),
    calibration: options.calibration ?? DefaultCalibration,
  }
  const defaultLimit = options.limit ?? 5
  return {
    lang: options.lang,
    entries: entries.length,
    questions,
    match (text, limit = defaultLimit) {
      const analysis = analyzer.analyze(text.length > MAX_QUERY_CHARS ? text.slice(0, MAX_QUERY_CHARS) : text)
      const terms = analysis.terms
      if (terms.length === 0 || entries.length === 0) return { candidates: [], terms, coverage: 0 }
      const hits = search(terms)
      const coverage = coverageOf(terms, hits)
      const hashed = featurizer.hash(analysis)
      const { vector, known } = vocabulary.vectorize(hashed)
      // A query that only the answer texts know still has its keyword hits to rank by.
      if (known === 0 && hits.length === 0) return { candidates: [], terms, coverage }
      classifier.score(vector, rank.scores)
      const cap = Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : defaultLimit
      // Known to the questions: answers know many words, so this keeps its meaning with or without them.
      let inQuestions = 0
      for (const f of vector.idx) inQuestions += fromQuestions[f]!
      return rankCandidates({ ...rank, hits, terms, coverage, limit: cap, known: inQuestions / hashed.keys.length })
    },
  }
}

// Longer messages are matched on their beginning: it says what they are about, and analysis
// time stays bounded whatever the configured message size.
const MAX_QUERY_CHARS = 6000

/** The FAQ's questions per entry on a log scale: 0 for 1 question, 0.39 for 5, 1 from 100 on. */
function supportOf (questions: number, entries: number): number {
  return Math.min(1, Math.log1p(questions / Math.max(1, entries)) / Math.log(101))
}

function checkEntries (entries: MatcherEntry[]): void {
  const seen = new Set<string>()
  for (const e of entries) {
    if (seen.has(e.id)) throw new FrontdeskError('FD_ERR_FAQ_INVALID', `matcher: duplicate entry id "${e.id}"`)
    seen.add(e.id)
  }
}

function textsOf (entry: MatcherEntry): string[] {
  const title = entry.title?.trim()
  return title !== undefined && title !== '' && !entry.questions.includes(title)
    ? [...entry.questions, title]
    : entry.questions
}

/** An answer's sentences (and paragraphs and list items, when it still has line breaks), each a passage. */
function passagesOf (answer: string | undefined): string[] {
  if (answer === undefined) return []
  return answer
    .split(/\n\s*\n|\n\s*[-*+]\s|(?<=[.!?])\s+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
}

function train (
  featurizer: Featurizer,
  analysed: Analysis[][],
  passages: Analysis[][],
  answers: Required<AnswerEvidenceOptions>,
  options: ClassifierOptions | undefined
): { vocabulary: Vocabulary; classifier: Classifier; fromQuestions: Uint8Array } {
  const useAnswers = answers.classifierWeight > 0
  const texts = useAnswers ? analysed.map((list, i) => [...list, ...passages[i]!]) : analysed
  const hashed = texts.flatMap((list) => list.map((a) => featurizer.hash(a)))
  const labels = texts.flatMap((list, label) => list.map(() => label))
  const asked = texts.flatMap((list, label) => list.map((_, i) => i < analysed[label]!.length))
  const { vocabulary, vectors } = buildVocabulary(hashed)
  const fromQuestions = new Uint8Array(vocabulary.size)
  const examples = vectors.map((x, i) => {
    if (asked[i]) for (const f of x.idx) fromQuestions[f] = 1
    return { x, label: labels[i] as number, weight: asked[i] ? 1 : answers.classifierWeight }
  })
  const classifier = trainClassifier(examples, vocabulary.size, analysed.length, options)
  return { vocabulary, classifier, fromQuestions }
}
