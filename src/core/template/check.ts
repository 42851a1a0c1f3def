import Handlebars from 'handlebars'
import type { ContentProblem } from '../errors.js'

/** Options of {@link checkTemplate}. */
export interface CheckTemplateOptions {
  /** The file the template comes from, for messages to editors. */
  file: string
  /**
   * 1-based line of `file` where the template starts (an FAQ body after its front matter),
   * so problems point at real file lines.
   * @default 1
   */
  lineOffset?: number
  /** The variables the template may use, dotted (`visitor.name`). */
  allowed: readonly string[]
  /**
   * Block helpers the template may use. Only conditionals by default: `each` and `with`
   * change the context and bring `@index`, `../` and friends, which no template needs.
   * @default ['if', 'unless']
   */
  allowBlocks?: readonly string[]
}

const DEFAULT_BLOCKS = ['if', 'unless'] as const
/** Path segments that reach for the prototype chain: refused even if some list allowed them. */
const FORBIDDEN_SEGMENTS = new Set([
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
])

type Node = hbs.AST.Node
type Report = (node: Node | undefined, message: string, field?: string) => void

/**
 * Checks a template against what Frontdesk templates may do: plain variables from `allowed`
 * and `{{#if}}`/`{{#unless}}` blocks. Everything else (raw output, partials, helpers,
 * decorators, `../` and `@data` paths, prototype segments) is reported, with file lines.
 * Pure: never throws for bad content, returns the problems (empty when the template is fine).
 */
export function checkTemplate (source: string, options: CheckTemplateOptions): ContentProblem[] {
  const offset = (options.lineOffset ?? 1) - 1
  const problems: ContentProblem[] = []
  let ast: hbs.AST.Program
  try {
    ast = Handlebars.parse(source)
  } catch (err) {
    return [syntaxProblem(err, options.file, offset)]
  }
  const report: Report = (node, message, field) => {
    const p: ContentProblem = { file: options.file, message, severity: 'error' }
    if (node?.loc !== undefined) p.line = node.loc.start.line + offset
    if (field !== undefined) p.field = field
    problems.push(p)
  }
  const walker = createWalker(new Set(options.allowed), new Set(options.allowBlocks ?? DEFAULT_BLOCKS), report)
  walker.program(ast)
  return problems
}

function syntaxProblem (err: unknown, file: string, offset: number): ContentProblem {
  const raw = err instanceof Error ? err.message : String(err)
  // Parser errors say "Parse error on line N:"; block mismatches end in " - N:C".
  const line = /on line (\d+)/.exec(raw)?.[1] ?? / - (\d+):\d+$/.exec(raw)?.[1]
  const expecting = /\n(Expecting .*)$/.exec(raw)?.[1]
  let message: string
  if (expecting !== undefined) {
    message = expecting.endsWith("got 'EOF'")
      ? 'template syntax error: the template ends too early (is a {{/if}} or a closing }} missing?)'
      : `template syntax error: ${expecting}`
  } else {
    message = `template syntax error: ${raw.split('\n')[0]?.replace(/ - \d+:\d+$/, '') ?? raw}`
  }
  const p: ContentProblem = { file, message, severity: 'error' }
  if (line !== undefined) p.line = Number(line) + offset
  return p
}

function createWalker (allowed: Set<string>, blocks: Set<string>, report: Report) {
  const path = (node: hbs.AST.PathExpression, usage: string): void => {
    const name = node.parts.join('.')
    const bad = node.parts.find((part) => FORBIDDEN_SEGMENTS.has(part))
    if (bad !== undefined) {
      report(node, `${usage} uses "${bad}", which is not allowed in templates`, node.original)
    } else if (node.data) {
      report(node, `${usage}: data variables such as @${name} are not available in templates`, `@${name}`)
    } else if (node.depth > 0) {
      report(
        node,
        `${usage}: "../" paths are not allowed; name the variable from the top, e.g. {{visitor.name}}`,
        node.original
      )
    } else if (node.parts.length === 0) {
      report(
        node,
        `${usage}: {{${node.original}}} is not allowed; name a variable such as {{visitor.name}}`,
        node.original
      )
    } else if (!allowed.has(name)) {
      report(node, `unknown variable {{${name}}}${suggest(name, allowed)}`, name)
    }
  }

  const variable = (expr: Node, usage: string): void => {
    if (expr.type === 'PathExpression') path(expr as hbs.AST.PathExpression, usage)
    else if (expr.type === 'SubExpression') { report(expr, `${usage}: sub-expressions (helper calls in parentheses) are not allowed`) } else report(expr, `${usage}: needs a variable, not a literal value`)
  }

  const mustache = (node: hbs.AST.MustacheStatement): void => {
    if (!node.escaped) {
      report(node, 'raw output ({{{x}}} or {{& x}}) is not allowed: every value is escaped')
    }
    if (node.params.length > 0 || node.hash !== undefined) {
      const name = node.path.type === 'PathExpression' ? (node.path as hbs.AST.PathExpression).original : 'value'
      report(node, `helpers are not allowed: {{${name} ...}} calls a helper; write {{variable}} alone`, name)
      return
    }
    variable(node.path, 'output')
  }

  const block = (node: hbs.AST.BlockStatement): void => {
    const name = node.path.original
    if (node.path.parts.length !== 1 || !blocks.has(name)) {
      const allowedBlocks = [...blocks].map((b) => `{{#${b}}}`).join(', ')
      report(node, `block {{#${name}}} is not allowed; use ${allowedBlocks}`, name)
    } else if (node.params.length !== 1 || node.hash !== undefined) {
      report(node, `{{#${name}}} needs exactly one variable, e.g. {{#${name} visitor.name}}`, name)
    } else {
      variable(node.params[0] as Node, `{{#${name}}}`)
    }
    if ((node.program?.blockParams?.length ?? 0) > 0) {
      report(node, `block parameters (as |x|) are not allowed in {{#${name}}}`, name)
    }
    // Nested content is checked even when the block itself is refused: one pass, every problem.
    if (node.program !== undefined) program(node.program)
    if (node.inverse !== undefined) program(node.inverse)
  }

  const statement = (node: Node): void => {
    switch (node.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        return
      case 'MustacheStatement':
        return mustache(node as hbs.AST.MustacheStatement)
      case 'BlockStatement':
        return block(node as hbs.AST.BlockStatement)
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return report(node, 'partials ({{> name}}) are not allowed in templates')
      case 'Decorator':
      case 'DecoratorBlock':
        return report(node, 'decorators ({{* name}}) are not allowed in templates')
      /* c8 ignore next 3 -- handlebars 4 has no other statement type; a future one is refused, not trusted */
      default:
        return report(node, `template construct ${node.type} is not allowed`)
    }
  }

  const program = (node: hbs.AST.Program): void => {
    for (const child of node.body) statement(child)
  }

  return { program }
}

/** ` (did you mean {{visitor.name}}?)` when an allowed name is one or two typos away. */
function suggest (name: string, allowed: Set<string>): string {
  let best: string | undefined
  let bestDistance = 3
  for (const candidate of allowed) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best === undefined ? '' : ` (did you mean {{${best}}}?)`
}

/** Levenshtein distance; names are short, so the quadratic table is fine. */
function distance (a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
