import { stringify } from 'yaml'
import { questionKey } from '../faq/build.js'
import { EntryIdPattern, MaxQuestionLength, parseFaqDocument, type FaqSource } from '../faq/parse.js'
import { parseLocatedYaml, isMap, isScalar, isSeq } from '../faq/yaml.js'
import { cleanLine } from '../conversation/text.js'
import { foldText } from '../text/normalize.js'

/**
 * Edits of FAQ markdown files that an editor accepted, as text in, text out: the smallest change
 * to the file (one line added), so that the diff an editor reviews in git is that line, and the
 * rest of the file (comments, order, quoting) stays as they wrote it.
 */

export type Edited = { ok: true; text: string } | { ok: false; message: string }

/** A question as one YAML list item: plain when that is unambiguous, double-quoted otherwise. */
export function yamlItem (question: string): string {
  const plain =
    /^[\p{L}\p{N}¿¡][^:#"'{}[\],&*!|>%@`\n\r\t]*$/u.test(question) &&
    !/\s$/.test(question) &&
    !/^(?:true|false|null|yes|no|on|off|~|[-+.\d][\d.eE+-]*)$/i.test(question)
  return plain ? question : JSON.stringify(question)
}

/** Checks a question an editor is about to add; undefined when it is fine. */
export function questionProblem (question: string): string | undefined {
  const q = question.trim()
  if (q === '') return 'the question is empty'
  if (q.length > MaxQuestionLength) {
    return `the question is ${q.length} characters long; keep questions under ${MaxQuestionLength}`
  }
  if (/[\r\n]/.test(q)) return 'a question is one line'
  return undefined
}

/**
 * Adds `question` at the end of the `questions:` list of an FAQ document. The document must
 * parse before and after; the new question must come out of the parser exactly as given.
 */
export function addQuestion (source: FaqSource, question: string): Edited {
  const q = question.trim()
  const problem = questionProblem(q)
  if (problem !== undefined) return { ok: false, message: problem }
  const before = parseFaqDocument(source)
  if (before.entry === undefined) {
    return {
      ok: false,
      message: `${source.file} does not parse now: fix it first (${before.problems.find((p) => p.severity === 'error')?.message ?? 'error'})`,
    }
  }
  if (before.entry.questions.some((x) => questionKey(x) === questionKey(q))) {
    return { ok: false, message: `${source.file} already lists "${q}"` }
  }
  const newline = source.text.includes('\r\n') ? '\r\n' : '\n'
  const lines = source.text.split(/\r?\n/)
  const last = before.entry.questionLines.at(-1)
  const lastLine = last === undefined ? undefined : lines[last - 1]
  const dash = lastLine === undefined ? undefined : /^(\s*)-\s/.exec(lastLine)
  let text: string
  if (last !== undefined && dash !== null && dash !== undefined) {
    // A block list: the new item goes after the last one (and after its continuation lines).
    const indent = dash[1] ?? ''
    let end = last
    while (
      end < lines.length &&
      (lines[end] ?? '').length > indent.length &&
      /^\s/.test(lines[end] ?? '') &&
      !/^\s*-\s/.test(lines[end] ?? '') &&
      (lines[end] ?? '').trim() !== '---'
    ) { end++ }
    lines.splice(end, 0, `${indent}- ${yamlItem(q)}`)
    text = lines.join(newline)
  } else {
    text = rewriteFrontMatter(source.text, q, newline)
  }
  const after = parseFaqDocument({ ...source, text })
  if (
    after.entry === undefined ||
    after.entry.questions.at(-1) !== q ||
    after.entry.questions.length !== before.entry.questions.length + 1
  ) {
    return {
      ok: false,
      message: `could not add the question to ${source.file} without changing its meaning: add it by hand`,
    }
  }
  return { ok: true, text }
}

/** A flow list (`questions: [a, b]`): the front matter is written again by the YAML library. */
function rewriteFrontMatter (text: string, question: string, newline: string): string {
  const lines = text.split(/\r?\n/)
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---')
  const located = parseLocatedYaml(lines.slice(1, end).join('\n'), 'faq', 2)
  const root = located.doc.contents
  if (!isMap(root)) return text
  const node = root.items.find((p) => isScalar(p.key) && p.key.value === 'questions')?.value
  if (!isSeq(node)) return text
  node.items.push(located.doc.createNode(question))
  node.flow = false
  const front = located.doc.toString().replace(/\n$/, '').split('\n')
  return [lines[0] ?? '---', ...front, ...lines.slice(end)].join(newline)
}

/** The longest title an editor may give an entry (the accept API's limit), and so a proposal's. */
export const MaxTitleLength = 200

/**
 * A draft entry's title from a visitor's question: one line (a `---` line in a title would end
 * the front matter), no control characters, at most {@link MaxTitleLength} characters, cut at a
 * word with an ellipsis when longer. Editors' titles get the same treatment.
 */
export function titleFrom (text: string): string {
  const line = cleanLine(text, Number.MAX_SAFE_INTEGER)
  const chars = [...line]
  if (chars.length <= MaxTitleLength) return line
  const cut = chars.slice(0, MaxTitleLength - 1).join('')
  const word = cut.replace(/\s+\S*$/, '')
  return `${word.length >= MaxTitleLength / 2 ? word : cut}…`
}

/** An entry id from a title: lower-case ASCII letters and digits joined by dashes (empty when nothing is left). */
export function slugFor (title: string): string {
  const slug = foldText(title)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return EntryIdPattern.test(slug) ? slug : ''
}

/** A new FAQ document: front matter with the title and questions, then the answer. */
export function newEntryDocument (entry: { title: string; questions: string[]; answer: string }): string {
  const front = stringify(
    { title: entry.title.trim(), questions: entry.questions.map((q) => q.trim()) },
    { lineWidth: 0 }
  ).replace(/^questions:\n((?:- .*\n)+)/m, (_m, items: string) => `questions:\n${items.replace(/^- /gm, '  - ')}`)
  return `---\n${front}---\n\n${entry.answer.trim()}\n`
}
