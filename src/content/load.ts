import type { Config } from '../config/schema.js'
import type { ContentProblem } from '../core/errors.js'
import type { Faq } from '../core/faq/types.js'
import { createTriageEngine, type Decision, type TriageEngine } from '../core/triage/engine.js'
import type { ContextInput } from '../render/context.js'
import { createRenderer, type RenderedMessage, type Renderer } from '../render/templates.js'
import type { FaqInput } from '../core/faq/build.js'
import type { ServableFaq } from '../core/faq/serve.js'
import { loadFaq, loadServableFaq } from './faq.js'
import { loadTemplates, type UiStrings } from './templates.js'

/** Everything editors maintain, validated and compiled: replaced whole on reload, never patched. */
export interface Content {
  faq: Faq
  engine: TriageEngine
  renderer: Renderer
  strings: UiStrings
  /** The rendered answer of an `answer` decision, for a given context (visitor, hours...). */
  answerFor(decision: Decision, context?: ContextInput): RenderedMessage | undefined
  /**
   * Problems found while loading: warnings, and the errors of FAQ files that are served in
   * their last good version or left out (see `held`). Shown to editors in the console.
   */
  warnings: ContentProblem[]
  /** FAQ files not served as they are on disk, because they have errors. */
  held: ServableFaq['held']
  /** The FAQ files as served: the last good state to fall back on at the next reload. */
  faqInput?: FaqInput
}

/**
 * Loads the FAQ and the templates and builds the engine. Returns no content when anything is
 * wrong, with every problem, so a running server keeps serving its last good content. With
 * `serve`, invalid FAQ files are held back instead (their last good version from `lastGood`,
 * or left out) and the rest is served; templates must still be valid.
 */
export async function loadContent (
  config: Pick<Config, 'faqDir' | 'templatesDir' | 'defaultLang' | 'thresholds' | 'shop'>,
  options: { serve?: boolean; lastGood?: FaqInput } = {}
): Promise<{ content?: Content; problems: ContentProblem[] }> {
  const [faqResult, templates] = await Promise.all([
    options.serve === true ? loadServableFaq(config.faqDir, options.lastGood) : loadFaq(config.faqDir),
    loadTemplates(config.templatesDir),
  ])
  const problems = [...faqResult.problems, ...templates.problems]
  const faq = faqResult.faq
  const servable: Partial<ServableFaq> = faqResult
  const held = servable.held ?? []
  // Serving, FAQ errors are held files (faqResult.faq is set only when the rest builds).
  const fatal = options.serve === true ? templates.problems : problems
  if (faq === undefined || fatal.some((p) => p.severity === 'error')) return { problems }
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
      held,
      ...(servable.served !== undefined && { faqInput: servable.served }),
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
