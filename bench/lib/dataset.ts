import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { MatcherEntry } from '../../src/core/faq/matcher.js'

/** An intent data set in the shape of `../shared/datasets/CLINC150*.json`. */
export interface IntentDataset {
  name: string
  intents: string[]
  train: [string, string][]
  val: [string, string][]
  test: [string, string][]
  oos_train?: string[]
  oos_val: string[]
  oos_test: string[]
  /** Validation queries of intents left out by {@link subsetOf}. */
  related_val?: string[]
  /** BCP 47 primary tag of every text in the file. @default 'en' */
  lang?: string
  /** Each intent's answer text, as an FAQ entry's body. */
  answers?: Record<string, string>
}

/** A query to evaluate: its text and the entry that answers it (null when out of scope). */
export interface LabelledQuery {
  text: string
  expected: string | null
  /** Out of scope only because the FAQ was cut down: an intent of the data set it left out. */
  related?: boolean
}

/** Reads a data set file; the name is the file's base name. */
export function loadDataset (path: string): IntentDataset {
  const data = JSON.parse(readFileSync(path, 'utf8')) as IntentDataset
  return { ...data, name: basename(path, '.json') }
}

/** The analyzer language of a data set: `--lang` when given, else the file's `lang`, else `en`. */
export function langOf (data: IntentDataset, override?: string): string {
  return override ?? data.lang ?? 'en'
}

/**
 * One FAQ entry per intent, whose questions are its training utterances and whose answer is
 * the file's answer text when it has one. With `titles`, the intent name ("book_flight" →
 * "book flight") becomes the entry title, as an editor's title would; off by default, as the
 * published protocol uses utterances only. `answers: false` leaves the answers out.
 */
export function entriesOf (data: IntentDataset, titles = false, answers = true): MatcherEntry[] {
  const byIntent = new Map<string, string[]>(data.intents.map((i) => [i, []]))
  for (const [text, intent] of data.train) byIntent.get(intent)?.push(text)
  return [...byIntent].map(([id, questions]) => {
    const answer = answers ? data.answers?.[id] : undefined
    return {
      id,
      questions,
      ...(titles ? { title: id.replace(/_/g, ' ') } : {}),
      ...(answer !== undefined ? { answer } : {}),
    }
  })
}

/** Validation queries (in scope, then out of scope: `oos_val` and `oos_train`). */
export function validationQueries (data: IntentDataset): LabelledQuery[] {
  return [
    ...data.val.map(([text, expected]) => ({ text, expected })),
    ...[...data.oos_val, ...(data.oos_train ?? [])].map((text) => ({ text, expected: null })),
    ...(data.related_val ?? []).map((text) => ({ text, expected: null, related: true })),
  ]
}

/** Test queries (in scope, then `oos_test`). */
export function testQueries (data: IntentDataset): LabelledQuery[] {
  return [
    ...data.test.map(([text, expected]) => ({ text, expected })),
    ...data.oos_test.map((text) => ({ text, expected: null })),
  ]
}

/**
 * A smaller FAQ cut from a data set, for fitting the confidence model to FAQs of other sizes:
 * `count` intents chosen by a seeded shuffle become the entries; validation queries of the
 * other intents join the out-of-scope ones, as the related questions a visitor asks that the
 * FAQ does not cover.
 */
export function subsetOf (data: IntentDataset, count: number, seed: number): IntentDataset {
  const chosen = new Set(shuffled(data.intents, seed).slice(0, count))
  const inside = ([, intent]: [string, string]): boolean => chosen.has(intent)
  return {
    ...data,
    name: `${data.name}/${count}`,
    intents: data.intents.filter((i) => chosen.has(i)),
    train: data.train.filter(inside),
    val: data.val.filter(inside),
    test: [],
    oos_val: data.oos_val,
    related_val: data.val.filter((q) => !inside(q)).map(([text]) => text),
    oos_test: [],
  }
}

/**
 * The same FAQ with at most `shots` questions per entry (chosen by a seeded shuffle), as an
 * editor who wrote one or two ways to ask each question: for fitting the confidence model to
 * FAQs like that. Its validation and out-of-scope queries are the data set's.
 */
export function fewShotOf (data: IntentDataset, shots: number, seed: number): IntentDataset {
  const kept = new Map<string, number>()
  const train = shuffled(data.train, seed).filter(([, intent]) => {
    const n = kept.get(intent) ?? 0
    kept.set(intent, n + 1)
    return n < shots
  })
  return { ...data, name: `${data.name}_${shots}SHOT`, train, test: [], oos_test: [] }
}

/** A seeded shuffle (Lehmer generator): the same order for the same seed, which must not be 0. */
export function shuffled<T> (items: T[], seed: number): T[] {
  const out = [...items]
  let state = seed
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 16807) % 2147483647
    const j = state % (i + 1)
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}
