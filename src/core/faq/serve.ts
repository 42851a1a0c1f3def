import type { ContentProblem } from '../errors.js'
import { buildFaq, type FaqInput } from './build.js'
import type { FaqSource } from './parse.js'
import type { Faq } from './types.js'

/** What is served, and why some files are not served as they are on disk. */
export interface ServableFaq {
  faq?: Faq
  /** Every problem of the files as they are, errors included, each with file and line. */
  problems: ContentProblem[]
  /** The input actually served: the last good state of each file, to fall back on next time. */
  served?: FaqInput
  /** Files served from their last good version, or left out, because they have errors now. */
  held: { file: string; as: 'last good version' | 'left out' }[]
}

const MaxRounds = 8

/**
 * The FAQ to serve when some of its files are invalid, so that one broken file (a bad save, a
 * file left empty by a full disk) never takes the chat down: each file with an error is
 * replaced by its last good version when there is one, else left out, until the rest builds.
 * Errors between files (a question listed under two entries) are blamed on the later file, so
 * the earlier one keeps serving. No FAQ when nothing valid is left.
 */
export function buildServable (input: FaqInput, lastGood?: FaqInput): ServableFaq {
  const first = buildFaq(input)
  if (first.faq !== undefined) return { faq: first.faq, problems: first.problems, served: input, held: [] }
  const held = new Map<string, 'last good version' | 'left out'>()
  const heldList = () => [...held].map(([file, as]) => ({ file, as }))
  let current = input
  for (let round = 0; round < MaxRounds; round++) {
    const built = round === 0 ? first : buildFaq(current)
    if (built.faq !== undefined) {
      return { faq: built.faq, problems: first.problems, served: current, held: heldList() }
    }
    const bad = new Set(built.problems.filter((p) => p.severity === 'error').map((p) => p.file))
    const next = withoutBad(current, bad, lastGood, held)
    if (next === undefined) break
    current = next
  }
  return { problems: first.problems, held: heldList() }
}

/** The input with each bad file swapped for its last good version or dropped; undefined when nothing changed. */
function withoutBad (
  input: FaqInput,
  bad: Set<string>,
  lastGood: FaqInput | undefined,
  held: Map<string, 'last good version' | 'left out'>
): FaqInput | undefined {
  let changed = false
  const swap = <T extends { file: string; text: string }>(item: T, good: T[] | undefined): T[] => {
    if (!bad.has(item.file)) return [item]
    changed = true
    const previous = good?.find((g) => g.file === item.file)
    // A last good version that is itself the bad one cannot help.
    if (previous !== undefined && previous.text !== item.text && held.get(item.file) === undefined) {
      held.set(item.file, 'last good version')
      return [previous]
    }
    held.set(item.file, 'left out')
    return []
  }
  const documents = input.documents.flatMap((d) => swap<FaqSource>(d, lastGood?.documents))
  const synonyms = input.synonyms.flatMap((s) => swap(s, lastGood?.synonyms))
  const folders = input.folders.filter((f) => {
    if (!bad.has(f.path)) return true
    changed = true
    held.set(f.path, 'left out')
    return false
  })
  return changed ? { folders, documents, synonyms } : undefined
}
