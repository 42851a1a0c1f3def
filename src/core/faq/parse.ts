import type { ContentProblem } from '../errors.js'
import type { FaqEntry } from './types.js'
import { isMap, isScalar, parseLocatedYaml, textList } from './yaml.js'

/** One FAQ markdown file as read from disk. */
export interface FaqSource {
  /** Path shown to editors, e.g. `faq/en/returns.md`. */
  file: string
  lang: string
  /** The file name without `.md`. */
  id: string
  text: string
}

/** Lower-case letters, digits and single dashes: safe in URLs, file names and CSV. */
export const EntryIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** The longest question we accept: longer ones are answers pasted in the wrong place. */
export const MaxQuestionLength = 300

const KnownFields = new Set(['title', 'questions', 'tags'])

export interface ParsedFaqDocument {
  entry?: FaqEntry
  problems: ContentProblem[]
}

/**
 * Parses one FAQ document: YAML front matter between `---` lines, then the markdown answer.
 * Never throws for bad content: returns the entry when it is usable, and every problem found,
 * each with file, line and field.
 */
export function parseFaqDocument (source: FaqSource): ParsedFaqDocument {
  const { file } = source
  const problems: ContentProblem[] = []
  const error = (message: string, line?: number, field?: string): void => {
    problems.push({ file, line, field, message, severity: 'error' })
  }
  if (!EntryIdPattern.test(source.id)) {
    error(`file name "${source.id}" is not a valid entry id: use lower-case letters, digits and dashes`, 1)
  }
  const split = splitFrontMatter(source.text.replace(/^\uFEFF/, ''))
  if (split === undefined) {
    error('missing front matter: the file must start with a line "---", the fields, and a closing "---"', 1)
    return { problems }
  }
  const yaml = parseLocatedYaml(split.frontMatter, file, 2)
  problems.push(...yaml.problems)
  if (yaml.problems.some((p) => p.severity === 'error')) return { problems }
  const root = yaml.doc.contents
  if (!isMap(root)) {
    error('front matter must be fields such as "questions:" and "title:"', 2)
    return { problems }
  }
  const fields = new Map<string, unknown>()
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    if (!KnownFields.has(key)) {
      problems.push({
        file,
        line: yaml.lineOf(pair.key),
        field: key,
        message: `unknown field "${key}" (known: title, questions, tags)`,
        severity: 'warning',
      })
    }
    fields.set(key, pair.value)
  }
  const where = (field: string) => ({ file, field, lineOf: yaml.lineOf })

  const questionsNode = fields.get('questions')
  if (questionsNode === undefined) error('missing: list the ways visitors ask this question', 2, 'questions')
  const questions =
    questionsNode === undefined ? { items: [], problems: [] } : textList(questionsNode, where('questions'))
  problems.push(...questions.problems)
  for (const q of questions.items) {
    if (q.value.length > MaxQuestionLength) {
      error(
        `question is ${q.value.length} characters long; keep questions under ${MaxQuestionLength}`,
        q.line,
        'questions'
      )
    }
  }
  if (questionsNode !== undefined && questions.problems.length === 0 && questions.items.length === 0) {
    error('the list is empty: give at least one way visitors ask this', yaml.lineOf(questionsNode), 'questions')
  }

  const titleNode = fields.get('title')
  let title: string | undefined
  if (titleNode !== undefined) {
    if (isScalar(titleNode) && typeof titleNode.value === 'string' && titleNode.value.trim() !== '') { title = titleNode.value.trim() } else error('must be a non-empty text', yaml.lineOf(titleNode), 'title')
  }

  const tagsNode = fields.get('tags')
  const tags = tagsNode === undefined ? { items: [], problems: [] } : textList(tagsNode, where('tags'))
  problems.push(...tags.problems)

  const body = split.body.trim()
  if (body === '') error('the answer is empty: write it below the closing "---"', split.bodyLine)

  if (problems.some((p) => p.severity === 'error')) return { problems }
  const questionTexts = questions.items.map((q) => q.value)
  return {
    entry: {
      id: source.id,
      lang: source.lang,
      title: title ?? questionTexts[0] ?? source.id,
      questions: questionTexts,
      tags: tags.items.map((t) => t.value),
      body,
      file,
      questionLines: questions.items.map((q) => q.line),
      bodyLine: split.bodyLine + leadingBlankLines(split.body),
    },
    problems,
  }
}

function splitFrontMatter (text: string): { frontMatter: string; body: string; bodyLine: number } | undefined {
  const lines = text.split(/\r?\n/)
  if (lines[0]?.trim() !== '---') return undefined
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---')
  if (end === -1) return undefined
  return {
    frontMatter: lines.slice(1, end).join('\n'),
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  }
}

function leadingBlankLines (text: string): number {
  const match = /^(?:[ \t]*\r?\n)*/.exec(text)
  return match === null ? 0 : (match[0].match(/\n/g) ?? []).length
}
