import type { ContentProblem } from '../errors.js'
import type { Analyzer } from '../text/analyzer.js'
import type { FaqEntry } from './types.js'

/**
 * Questions of two different entries that say nearly the same thing: the matcher cannot tell
 * them apart, so visitors asking them get a clarify or the wrong answer. Similarity is the
 * Jaccard overlap of the analysed terms (stems, synonyms applied), so "Where is my parcel?" and
 * "where's my package" under two entries are caught when parcel/package are synonyms.
 * @param minSimilarity from 0 to 1. @default 0.8
 */
export function findConfusableQuestions (
  entries: FaqEntry[],
  analyzer: Analyzer,
  minSimilarity = 0.8
): ContentProblem[] {
  const questions = entries.flatMap((entry) =>
    entry.questions.map((text, i) => ({
      entry,
      text,
      line: entry.questionLines[i],
      terms: new Set(analyzer.terms(text)),
    }))
  )
  const byTerm = new Map<string, number[]>()
  questions.forEach((q, i) => {
    for (const term of q.terms) byTerm.set(term, [...(byTerm.get(term) ?? []), i])
  })
  const problems: ContentProblem[] = []
  const reported = new Set<string>()
  questions.forEach((q, i) => {
    if (q.terms.size === 0) return
    const shared = new Map<number, number>()
    for (const term of q.terms) {
      for (const j of byTerm.get(term) ?? []) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1)
    }
    for (const [j, common] of shared) {
      const other = questions[j]
      if (other === undefined || other.entry.id === q.entry.id) continue
      const similarity = common / (q.terms.size + other.terms.size - common)
      const pair = `${q.entry.id}\n${other.entry.id}`
      if (similarity < minSimilarity || reported.has(pair)) continue
      reported.add(pair)
      problems.push({
        file: other.entry.file,
        line: other.line,
        field: 'questions',
        message: `"${other.text}" is almost the same as "${q.text}" of "${q.entry.id}" (${q.entry.file}:${q.line ?? '?'}); visitors asking it may get the wrong answer — reword one of them`,
        severity: 'warning',
      })
    }
  })
  return problems
}
