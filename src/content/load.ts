import type { Config } from '../config/schema.js'
import type { ContentProblem } from '../core/errors.js'
import type { Faq } from '../core/faq/types.js'
import { createTriageEngine, type Decision, type TriageEngine } from '../core/triage/engine.js'
import type { ContextInput } from '../render/context.js'
import { createRenderer, type RenderedMessage, type Renderer } from '../render/templates.js'
import { loadFaq } from './faq.js'
import { loadTemplates, type UiStrings } from './templates.js'

/** Everything editors maintain, validated and compiled: replaced whole on reload, never patched. */
export interface Content {
  faq: Faq
  engine: TriageEngine
  renderer: Renderer
  strings: UiStrings
  /** The rendered answer of an `answer` decision, for a given context (visitor, hours...). */
  answerFor(decision: Decision, context?: ContextInput): RenderedMessage | undefined
  /** Warnings found while loading (errors mean there is no Content at all). */
  warnings: ContentProblem[]
}

/**
 * Loads the FAQ and the templates and builds the engine. Returns no content when anything is
 * wrong, with every problem, so a running server keeps serving its last good content.
 */
export async function loadContent (
  config: Pick<Config, 'faqDir' | 'templatesDir' | 'defaultLang' | 'thresholds' | 'shop'>
): Promise<{ content?: Content; problems: ContentProblem[] }> {
  const [faqResult, templates] = await Promise.all([loadFaq(config.faqDir), loadTemplates(config.templatesDir)])
  const problems = [...faqResult.problems, ...templates.problems]
  const faq = faqResult.faq
  if (faq === undefined || problems.some((p) => p.severity === 'error')) return { problems }
  if (!faq.langs.includes(config.defaultLang)) {
    problems.push({
      file: config.faqDir,
      message: `the default language "${config.defaultLang}" has no FAQ folder (languages: ${faq.langs.join(', ')})`,
      severity: 'error',
    })
    return { problems }
  }
  const built = createRenderer(templates.sources, {
    defaultLang: config.defaultLang,
    entries: [...faq.entries.values()].flat(),
  })
  if ('problems' in built) return { problems: [...problems, ...built.problems] }
  const renderer = built.renderer
  const engine = createTriageEngine(faq, { defaultLang: config.defaultLang, thresholds: config.thresholds })
  return {
    problems,
    content: {
      faq,
      engine,
      renderer,
      strings: templates.strings,
      warnings: problems,
      answerFor: (decision, context) =>
        decision.decision === 'answer'
          ? renderer.answer(decision.entry, {
            shop: config.shop,
            ...context,
            visitor: { lang: decision.lang, ...context?.visitor },
          })
          : undefined,
    },
  }
}
