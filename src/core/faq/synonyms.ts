import type { ContentProblem } from '../errors.js'
import type { SynonymGroups } from './types.js'
import { isSeq, parseLocatedYaml, textList } from './yaml.js'

/**
 * Parses `faq/<lang>/_synonyms.yaml`: a list of groups, each a list of single words that mean
 * the same in this shop (`- [parcel, package, shipment]`); the first word is the one the others
 * are matched as. Multi-word items are refused because the matcher compares single terms.
 */
export function parseSynonyms (text: string, file: string): { groups: SynonymGroups; problems: ContentProblem[] } {
  const yaml = parseLocatedYaml(text, file)
  const problems = [...yaml.problems]
  const groups: SynonymGroups = []
  if (problems.some((p) => p.severity === 'error')) return { groups, problems }
  const root = yaml.doc.contents
  if (root === null) return { groups, problems }
  if (!isSeq(root)) {
    problems.push({
      file,
      line: 1,
      message: 'must be a list of groups, e.g. "- [parcel, package, shipment]"',
      severity: 'error',
    })
    return { groups, problems }
  }
  for (const node of root.items) {
    const list = textList(node, { file, field: 'synonyms', lineOf: yaml.lineOf })
    problems.push(...list.problems)
    const words = list.items.map((i) => i.value)
    const multi = list.items.find((i) => /\s/.test(i.value))
    if (multi !== undefined) {
      problems.push({
        file,
        line: multi.line,
        message: `"${multi.value}" is several words; a synonym group lists single words`,
        severity: 'error',
      })
    } else if (list.problems.length === 0 && words.length < 2) {
      problems.push({ file, line: yaml.lineOf(node), message: 'a group needs at least two words', severity: 'error' })
    } else if (list.problems.length === 0) {
      groups.push(words)
    }
  }
  return { groups, problems }
}
