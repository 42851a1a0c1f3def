import { FrontdeskError, type ContentProblem } from '../core/errors.js'
import type { FaqEntry } from '../core/faq/types.js'
import { FaqAnswerVariables, TemplateVariables } from '../core/template/variables.js'
import { createContext, type ContextInput } from './context.js'
import { compileMarkdownTemplate, type MarkdownTemplate } from './handlebars.js'
import { markdownToText, renderMarkdown } from './markdown.js'
import { splitWrapper } from './wrapper.js'

/** The system messages, one `templates/<lang>/<name>.hbs` each. */
export const SystemTemplateNames = [
  'greeting',
  'feedback',
  'clarify',
  'escalate',
  'queue',
  'assigned',
  'offline',
  'offline_thanks',
  'unsupported_language',
  'redacted',
  'too_long',
  'closed',
  'csat',
  'feedback_yes',
  'smalltalk_greeting',
  'smalltalk_thanks',
  'smalltalk_goodbye',
  'smalltalk_ack',
] as const

/**
 * A line that separates variants of one system message (small talk is answered in turns, not
 * always with the same words). It is a handlebars comment, so a template without it is one variant.
 */
export const VariantSeparator = /^\{\{!-- or --\}\}[ \t]*$/m
export type SystemTemplateName = (typeof SystemTemplateNames)[number]

/** The wrapper around every FAQ answer; it has `{{answer}}` on a line of its own. */
export const AnswerTemplateName = 'answer'
/** Every template a language folder should have. */
export const TemplateNames: readonly string[] = [...SystemTemplateNames, AnswerTemplateName]

/** Variables of system templates and of the answer wrapper's text (everything but `answer`). */
export const SystemVariables: readonly string[] = Object.keys(TemplateVariables).filter((v) => v !== 'answer')

/** One template file as read from disk. */
export interface TemplateSource {
  lang: string
  /** File name without `.hbs`. */
  name: string
  source: string
  file: string
}

/** A rendered message: `html` is safe to insert in the widget; `text` is plain and NOT HTML-safe. */
export interface RenderedMessage {
  text: string
  html: string
  /**
   * The language the message is in: for a system message, the template's (the default
   * language after a fallback); for an answer, the entry's.
   */
  lang: string
}

export interface RendererOptions {
  /** Language used when a template is missing in the requested one; must have every template. */
  defaultLang: string
  /** FAQ entries whose bodies are compiled now, so that `answer()` never fails on content. @default [] */
  entries?: Iterable<FaqEntry>
}

export interface Renderer {
  readonly defaultLang: string
  /** Whether `lang` has its own `name` template (no fallback). */
  has: (lang: string, name: string) => boolean
  /**
   * Renders a system message in `lang`, or in the default language when `lang` lacks it; of a
   * template with variants, variant `variant` modulo their number.
   */
  system: (lang: string, name: SystemTemplateName, context?: ContextInput, variant?: number) => RenderedMessage
  /** Renders an FAQ entry's body wrapped by the `answer` template of its language. */
  answer: (entry: FaqEntry, context?: ContextInput) => RenderedMessage
}

export type RendererResult = { renderer: Renderer } | { problems: ContentProblem[] }

interface Wrapper {
  before: MarkdownTemplate
  after: MarkdownTemplate
}

/**
 * Compiles every template and every FAQ body given, once. Bad content is returned as
 * problems (all of them, not only the first) and no renderer is made; nothing is thrown.
 */
export function createRenderer (sources: readonly TemplateSource[], options: RendererOptions): RendererResult {
  const problems: ContentProblem[] = []
  const system = new Map<string, MarkdownTemplate[]>()
  const wrappers = new Map<string, Wrapper>()
  const answers = new Map<string, { body: string; render: MarkdownTemplate }>()
  const keep = <T>(result: T | { problems: ContentProblem[] }): T | undefined => {
    if (typeof result === 'object' && result !== null && 'problems' in result) {
      problems.push(...result.problems)
      return undefined
    }
    return result
  }

  const seen = new Set<string>()
  for (const src of sources) {
    const id = key(src.lang, src.name)
    if (seen.has(id)) {
      problems.push({ file: src.file, message: `duplicate template ${src.lang}/${src.name}`, severity: 'error' })
      continue
    }
    seen.add(id)
    if (src.name === AnswerTemplateName) {
      const wrapper = compileWrapper(src, keep)
      if (wrapper !== undefined) wrappers.set(id, wrapper)
    } else {
      const variants = splitVariants(src.source).map(({ source, lineOffset }) =>
        keep(compileMarkdownTemplate(source, { file: src.file, lineOffset, allowed: SystemVariables }))?.render)
      if (variants.every((v) => v !== undefined)) system.set(id, variants as MarkdownTemplate[])
    }
  }
  for (const name of TemplateNames) {
    if (!sources.some((s) => s.lang === options.defaultLang && s.name === name)) {
      problems.push({
        file: `${options.defaultLang}/${name}.hbs`,
        message: `template "${name}" is missing in the default language ${options.defaultLang}`,
        severity: 'error',
      })
    }
  }
  for (const entry of options.entries ?? []) {
    const compiled = keep(
      compileMarkdownTemplate(entry.body, {
        file: entry.file,
        lineOffset: entry.bodyLine,
        allowed: FaqAnswerVariables,
      })
    )
    if (compiled !== undefined) answers.set(key(entry.lang, entry.id), { body: entry.body, render: compiled.render })
  }
  if (problems.some((p) => p.severity === 'error')) return { problems }

  const pick = <T>(map: Map<string, T>, lang: string, name: string): { value: T; lang: string } => {
    for (const l of [primary(lang), options.defaultLang]) {
      const value = map.get(key(l, name))
      if (value !== undefined) return { value, lang: l }
    }
    throw new FrontdeskError(
      'FD_ERR_TEMPLATE_MISSING',
      `no template "${name}" in ${lang} nor in ${options.defaultLang}`
    )
  }

  const renderer: Renderer = {
    defaultLang: options.defaultLang,
    has: (lang, name) => system.has(key(lang, name)) || wrappers.has(key(lang, name)),
    system (lang, name, context, variant = 0) {
      const { value, lang: used } = pick(system, lang, name)
      const render = value[Math.abs(Math.trunc(variant)) % value.length]!
      return { ...toMessage(render(createContext(context))), lang: used }
    },
    answer (entry, context) {
      const compiled = answers.get(key(entry.lang, entry.id))
      if (compiled?.body !== entry.body) {
        throw new FrontdeskError(
          'FD_ERR_TEMPLATE_MISSING',
          `the answer of ${entry.file} was not compiled when the renderer was made`
        )
      }
      const ctx = createContext({ ...context, entry: { id: entry.id, title: entry.title } })
      const wrapper = pick(wrappers, entry.lang, AnswerTemplateName).value
      const parts = [wrapper.before(ctx), compiled.render(ctx), wrapper.after(ctx)].map(toMessage)
      return {
        text: parts
          .map((p) => p.text)
          .filter((t) => t !== '')
          .join('\n\n'),
        html: parts.map((p) => p.html).join(''),
        lang: entry.lang,
      }
    },
  }
  return { renderer }
}

function compileWrapper (
  src: TemplateSource,
  keep: <T>(r: T | { problems: ContentProblem[] }) => T | undefined
): Wrapper | undefined {
  const whole = keep(compileMarkdownTemplate(src.source, { file: src.file, allowed: Object.keys(TemplateVariables) }))
  if (whole === undefined) return undefined
  const split = keep(splitWrapper(src.source, src.file))
  if (split === undefined) return undefined
  const before = keep(compileMarkdownTemplate(split.before, { file: src.file, allowed: SystemVariables }))
  const after = keep(
    compileMarkdownTemplate(split.after, { file: src.file, lineOffset: split.afterLine, allowed: SystemVariables })
  )
  return before !== undefined && after !== undefined ? { before: before.render, after: after.render } : undefined
}

// The same answers and notices are rendered over and over, mostly with the same variables:
// markdown → HTML and text is the costly part, so its result is kept per source text.
const RenderedLimit = 2000
const rendered = new Map<string, { text: string; html: string }>()

/** A template's variants, each with the line it starts at (for problems reported at file:line). */
function splitVariants (source: string): { source: string; lineOffset: number }[] {
  const parts = source.split(VariantSeparator)
  if (parts.length === 1) return [{ source, lineOffset: 1 }]
  const out: { source: string; lineOffset: number }[] = []
  let line = 1
  for (const part of parts) {
    const lead = /^\r?\n/.test(part) ? 1 : 0
    out.push({ source: part.replace(/^\r?\n/, '').trimEnd(), lineOffset: line + lead })
    // Now the separator's line: the next part starts right after it.
    line += part.split('\n').length - 1
  }
  return out
}

function toMessage (markdown: string): { text: string; html: string } {
  let message = rendered.get(markdown)
  if (message === undefined) {
    message = { text: markdownToText(markdown), html: renderMarkdown(markdown) }
    // Dropping the oldest entry keeps memory bounded whatever visitors' names bring in.
    if (rendered.size >= RenderedLimit) rendered.delete(rendered.keys().next().value as string)
    rendered.set(markdown, message)
  }
  return message
}

function key (lang: string, name: string): string {
  return `${lang}/${name}`
}

/** `pt-BR` → `pt`: templates are per primary language tag. */
function primary (lang: string): string {
  return lang.toLowerCase().split('-')[0] ?? lang
}
