import type { ContentProblem } from '../errors.js'
import { isMap, isScalar, parseLocatedYaml, textList } from '../faq/yaml.js'
import { normalizeWords } from './acts.js'
import type { ActName, PhraseLists } from './phrases.js'

const Keys: readonly (ActName | 'filler')[] = ['greeting', 'thanks', 'goodbye', 'ack', 'yes', 'no', 'filler']
/** A small-talk phrase is short: a longer one would swallow real questions. */
const MaxPhraseWords = 6

/**
 * Parses `faq/<lang>/_smalltalk.yaml`, the editors' additions to the shipped small talk of a
 * language: a map from act (greeting, thanks, goodbye, ack, yes, no, filler) to phrases.
 *
 * ```yaml
 * thanks: [cheers mate, much obliged]
 * goodbye: [catch you later]
 * ```
 */
export function parseSmallTalk (text: string, file: string): { lists: PhraseLists; problems: ContentProblem[] } {
  const yaml = parseLocatedYaml(text, file)
  const problems = [...yaml.problems]
  const lists: PhraseLists = {}
  if (problems.some((p) => p.severity === 'error')) return { lists, problems }
  const root = yaml.doc.contents
  if (root === null) return { lists, problems }
  if (!isMap(root)) {
    problems.push({ file, line: 1, message: 'must map acts to phrases, e.g. "thanks: [cheers mate]"', severity: 'error' })
    return { lists, problems }
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    const line = yaml.lineOf(pair.key)
    if (!(Keys as readonly string[]).includes(key)) {
      problems.push({ file, line, message: `"${key}" is not one of ${Keys.join(', ')}`, severity: 'error' })
      continue
    }
    const list = textList(pair.value, { file, field: key, lineOf: yaml.lineOf })
    problems.push(...list.problems)
    const phrases: string[] = []
    for (const item of list.items) {
      const words = normalizeWords(item.value).length
      if (words === 0) {
        problems.push({ file, line: item.line, field: key, message: `"${item.value}" has no words`, severity: 'error' })
      } else if (words > MaxPhraseWords) {
        problems.push({
          file,
          line: item.line,
          field: key,
          message: `"${item.value}" has ${words} words; small talk is at most ${MaxPhraseWords} (a longer phrase is a question)`,
          severity: 'error',
        })
      } else {
        phrases.push(item.value)
      }
    }
    lists[key as ActName | 'filler'] = phrases
  }
  return { lists, problems }
}
