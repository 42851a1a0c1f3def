import type { TemplateVariable } from '../core/template/variables.js'

/**
 * What a template sees: one key per entry of `TemplateVariables`, nested by the dots.
 *
 * Every key is always present. A value that is not known (no visitor name, not queued, no
 * operator yet) is an empty string, `0` or `false`, so templates write
 * `{{#if visitor.name}}, {{visitor.name}}{{/if}}`, and strict rendering can still refuse a
 * name that does not exist.
 */
export interface TemplateContext {
  visitor: {
    /** @default '' */
    name: string
    /** @default '' */
    lang: string
  }
  shop: { name: string; email: string; phone: string; url: string }
  hours: {
    /** @default false */
    open: boolean
    summary: string
    nextOpen: string
  }
  queue: {
    /** 1 = next. @default 0 (not queued) */
    position: number
    eta: string
  }
  operator: { name: string }
  entry: { id: string; title: string }
  /** Only meaningful in the `answer` wrapper, which the renderer splits around it; never rendered by handlebars. */
  answer: string
  redacted: {
    /** @default 0 */
    count: number
    /** `count > 1`, for plurals; derived, whatever the caller passes. */
    many: boolean
  }
  dialogue: {
    /** @default false */
    afterAnswer: boolean
  }
}

/** What callers pass to {@link createContext}: any part of the context, at any depth. */
export type ContextInput = {
  [K in keyof TemplateContext]?: TemplateContext[K] extends object ? Partial<TemplateContext[K]> : TemplateContext[K]
}

// Compile-time proof that the context and `TemplateVariables` name the same variables.
type Dotted<T> = { [K in keyof T & string]: T[K] extends object ? `${K}.${keyof T[K] & string}` : K }[keyof T & string]
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const contextMatchesVariables: Same<Dotted<TemplateContext>, TemplateVariable> = true
void contextMatchesVariables

const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0)
const bool = (v: unknown): boolean => v === true

/**
 * A complete context from a partial one. Only known keys are copied, each coerced to its type
 * (a wrong type becomes the default), so nothing a caller passes can add properties,
 * getters or functions to what templates see.
 */
export function createContext (input: ContextInput = {}): TemplateContext {
  const { visitor, shop, hours, queue, operator, entry, redacted, dialogue } = input
  return {
    visitor: { name: str(visitor?.name), lang: str(visitor?.lang) },
    shop: { name: str(shop?.name), email: str(shop?.email), phone: str(shop?.phone), url: str(shop?.url) },
    hours: { open: bool(hours?.open), summary: str(hours?.summary), nextOpen: str(hours?.nextOpen) },
    queue: { position: num(queue?.position), eta: str(queue?.eta) },
    operator: { name: str(operator?.name) },
    entry: { id: str(entry?.id), title: str(entry?.title) },
    answer: str(input.answer),
    redacted: { count: num(redacted?.count), many: num(redacted?.count) > 1 },
    dialogue: { afterAnswer: bool(dialogue?.afterAnswer) },
  }
}

/**
 * The context with every string passed through `escape`: what handlebars renders (with its
 * own escaping off), so that values are data in whatever language the template is written in.
 */
export function escapeContext (ctx: TemplateContext, escape: (s: string) => string): TemplateContext {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(ctx)) {
    out[key] = typeof value === 'string' ? escape(value) : escapeGroup(value, escape)
  }
  return out as unknown as TemplateContext
}

function escapeGroup (group: object, escape: (s: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(group)) out[key] = typeof value === 'string' ? escape(value) : value
  return out
}
