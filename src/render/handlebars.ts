import Handlebars from 'handlebars'
import type { ContentProblem } from '../core/errors.js'
import { checkTemplate } from '../core/template/check.js'
import { createContext, escapeContext, type TemplateContext } from './context.js'
import { escapeMarkdown } from './markdown.js'

/** A template compiled at load: context in, markdown out. */
export type MarkdownTemplate = (ctx: TemplateContext) => string

/** Where a template comes from and what it may use, for {@link compileMarkdownTemplate}. */
export interface CompileOptions {
  file: string
  /** @default 1 */
  lineOffset?: number
  allowed: readonly string[]
}

/**
 * One isolated handlebars environment for every Frontdesk template: the helpers that reach
 * beyond conditionals are removed, so nothing registered globally by a dependency can leak in.
 */
const env = Handlebars.create()
const REMOVED_HELPERS = ['each', 'with', 'log', 'lookup'] as const
for (const name of REMOVED_HELPERS) env.unregisterHelper(name)

const COMPILE_OPTIONS = {
  // A missing variable throws instead of rendering nothing; the context always has every key.
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(REMOVED_HELPERS.map((name) => [name, false])),
  // Values are escaped for markdown before rendering (see escapeContext); HTML escaping here
  // would turn `&` into `&amp;` in front of markdown and still let `[x](y)` through.
  noEscape: true,
  data: false,
  preventIndent: true,
}

const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
  allowCallsToHelperMissing: false,
}

/**
 * Checks a markdown template with {@link checkTemplate}, compiles it in the isolated
 * environment and renders it once with the default context, so that handlebars' lazy
 * compilation happens now and not in front of a visitor. Never throws for bad content.
 */
export function compileMarkdownTemplate (
  source: string,
  options: CompileOptions
): { render: MarkdownTemplate } | { problems: ContentProblem[] } {
  const problems = checkTemplate(source, options)
  if (problems.some((p) => p.severity === 'error')) return { problems }
  const compiled = env.compile<TemplateContext>(source, COMPILE_OPTIONS)
  const render: MarkdownTemplate = (ctx) => compiled(escapeContext(ctx, escapeMarkdown), RUNTIME_OPTIONS)
  try {
    render(createContext())
  } catch (err) {
    // checkTemplate let it through but handlebars refuses it: an `allowed` name the context
    // lacks (strict mode), or a construct the checker does not know yet.
    const line = (err as { lineNumber?: unknown }).lineNumber
    const message = err instanceof Error ? err.message : String(err)
    const problem: ContentProblem = {
      file: options.file,
      message: `template cannot be compiled: ${message}`,
      severity: 'error',
    }
    if (typeof line === 'number') problem.line = line + (options.lineOffset ?? 1) - 1
    return { problems: [problem] }
  }
  return { render }
}
