import Handlebars from 'handlebars'
import type { ContentProblem } from '../core/errors.js'

/** The `answer` wrapper cut at its `{{answer}}` line: two templates rendered around the answer. */
export interface WrapperParts {
  before: string
  after: string
  /** 1-based line of the file where `after` starts. */
  afterLine: number
}

const PLACEHOLDER = 'answer'

/**
 * The answer is block HTML, already safe: it must never go through handlebars or markdown
 * again. So the wrapper is split at its one `{{answer}}` line, each side is rendered as a
 * template of its own, and the renderer concatenates before + answer + after. Expects a
 * template that parses (checkTemplate has run).
 */
export function splitWrapper (source: string, file: string): WrapperParts | { problems: ContentProblem[] } {
  const found: Array<{ node: hbs.AST.MustacheStatement; topLevel: boolean }> = []
  collect(Handlebars.parse(source), true, found)
  const problem = (message: string, line?: number): { problems: ContentProblem[] } => {
    const p: ContentProblem = { file, field: PLACEHOLDER, message, severity: 'error' }
    if (line !== undefined) p.line = line
    return { problems: [p] }
  }
  if (found.length !== 1) {
    return problem(
      `the answer wrapper must use {{answer}} exactly once (found ${found.length})`,
      found[1]?.node.loc.start.line
    )
  }
  const { node, topLevel } = found[0] as { node: hbs.AST.MustacheStatement; topLevel: boolean }
  const { start, end } = node.loc
  if (!topLevel) {
    return problem('{{answer}} cannot be inside {{#if}} or {{#unless}}: the answer is always shown', start.line)
  }
  const lines = source.split('\n')
  const offsetOf = (p: hbs.AST.Position): number =>
    lines.slice(0, p.line - 1).reduce((sum, l) => sum + l.length + 1, 0) + p.column
  const before = source.slice(0, offsetOf(start))
  const after = source.slice(offsetOf(end))
  if (!/(?:^|\n)[ \t]*$/.test(before) || !/^[ \t]*(?:\n|$)/.test(after)) {
    return problem(
      '{{answer}} must be on a line of its own: the answer is a block of paragraphs, not a word in a sentence',
      start.line
    )
  }
  return { before, after, afterLine: end.line }
}

function collect (
  program: hbs.AST.Program | undefined,
  topLevel: boolean,
  found: Array<{ node: hbs.AST.MustacheStatement; topLevel: boolean }>
): void {
  for (const node of program?.body ?? []) {
    if (node.type === 'MustacheStatement') {
      const path = (node as hbs.AST.MustacheStatement).path as hbs.AST.PathExpression
      if (path.type === 'PathExpression' && path.parts.join('.') === PLACEHOLDER) {
        found.push({ node: node as hbs.AST.MustacheStatement, topLevel })
      }
    } else if (node.type === 'BlockStatement') {
      collect((node as hbs.AST.BlockStatement).program, false, found)
      collect((node as hbs.AST.BlockStatement).inverse, false, found)
    }
  }
}
