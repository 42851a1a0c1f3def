import type { ContentProblem } from '../errors.js'
import { isMap, isScalar, isSeq, parseLocatedYaml } from './yaml.js'

/**
 * One case of `faq/tests.yaml`: a question and the entry it must lead to, or `escalate`.
 * An entry id passes when the bot answers with it, or offers it as the first of its choices;
 * `escalate` passes when the bot does not answer (it escalates, or only offers choices).
 */
export interface FaqTestCase {
  q: string
  lang: string
  /** An entry id, or `escalate` when the bot must not answer (escalate or offer choices). */
  expect: string
  /** A known gap, with why: reported, but not failing the run (like a TAP todo). */
  todo?: string
  line: number
}

/**
 * Parses an editors' regression file: a YAML list of `{ q, lang, expect }`. Every bad case is
 * reported with its line; the good ones are still returned so one typo does not hide the rest.
 */
export function parseFaqTests (text: string, file: string): { cases: FaqTestCase[]; problems: ContentProblem[] } {
  const yaml = parseLocatedYaml(text, file)
  const problems = [...yaml.problems]
  const cases: FaqTestCase[] = []
  const root = yaml.doc.contents
  if (problems.some((p) => p.severity === 'error')) return { cases, problems }
  if (!isSeq(root)) {
    problems.push({
      file,
      line: 1,
      message: 'must be a list of cases: "- q: ..., lang: .., expect: <entry id or escalate>"',
      severity: 'error',
    })
    return { cases, problems }
  }
  for (const node of root.items) {
    const line = yaml.lineOf(node)
    if (!isMap(node)) {
      problems.push({ file, line, message: 'a case must have q, lang and expect', severity: 'error' })
      continue
    }
    const field = (name: string): string | undefined => {
      const value = node.get(name, true)
      return isScalar(value) && value.value !== null && String(value.value).trim() !== ''
        ? String(value.value).trim()
        : undefined
    }
    const [q, lang, expect] = [field('q'), field('lang'), field('expect')]
    const missing = Object.entries({ q, lang, expect })
      .filter(([, v]) => v === undefined)
      .map(([k]) => k)
    if (q === undefined || lang === undefined || expect === undefined) {
      problems.push({
        file,
        line,
        field: missing.join(', '),
        message: `missing ${missing.join(', ')}`,
        severity: 'error',
      })
      continue
    }
    const todo = field('todo')
    cases.push({ q, lang, expect, line, ...(todo !== undefined && { todo }) })
  }
  return { cases, problems }
}
