import type { ContextInput } from '../render/context.js'
import type { SystemTemplateName } from '../render/templates.js'
import type { Conversation, NewMessage } from '../store/types.js'
import type { ConversationServiceDeps } from './conversations.js'

/** How a system message is said: by whom, and which of a template's variants. */
export interface SystemMessageOptions {
  /** @default 'system' */
  author?: 'system' | 'bot'
  /** @default 0 */
  variant?: number
}

/**
 * A system message for a conversation, rendered from its template in the conversation's
 * language with the shop and the visitor in the context: what every service adds to a
 * transcript besides what people wrote.
 */
export function systemMessage (
  deps: Pick<ConversationServiceDeps, 'content' | 'options'>,
  conv: Pick<Conversation, 'lang' | 'visitorName'>,
  name: SystemTemplateName,
  at: number,
  context: ContextInput = {},
  { author = 'system', variant = 0 }: SystemMessageOptions = {}
): NewMessage {
  const r = deps.content().renderer.system(
    conv.lang,
    name,
    { shop: deps.options.shop, visitor: { name: conv.visitorName ?? '', lang: conv.lang }, ...context },
    variant
  )
  return {
    author,
    text: r.text,
    html: r.html,
    lang: r.lang,
    at,
    kind: name,
    clientId: null,
    entryId: null,
    operatorId: null,
    data: null,
  }
}
