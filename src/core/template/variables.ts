/**
 * The variables a template or an FAQ answer may use. Anything else is reported by `faq check`
 * as an unknown variable, because at run time it would render as an empty string (or, in
 * strict mode, fail) in front of a visitor.
 */
export const TemplateVariables = {
  'visitor.name': 'the name the visitor gave, if any',
  'visitor.lang': 'the language of the conversation',
  'shop.name': 'the shop name from config',
  'shop.email': 'the support e-mail address from config',
  'shop.phone': 'the support phone number from config',
  'shop.url': 'the shop web site from config',
  'hours.open': 'true while someone can answer in this chat: within business hours, with an operator online',
  'hours.summary': 'the opening hours as a sentence, in the conversation language',
  'hours.nextOpen': 'when operators are back, e.g. "Monday at 09:00 (Europe/Rome)"',
  'queue.position': "the visitor's place in the queue (1 = next)",
  'queue.eta': 'an honest wait estimate as words, e.g. "about 4 minutes"',
  'operator.name': 'the name of the operator who took the conversation',
  'entry.id': 'the FAQ entry being answered',
  'entry.title': 'its title',
  answer: 'where the FAQ answer goes (answer wrapper template only, on a line of its own)',
  'redacted.count': "how many numbers were removed from the visitor's message",
  'redacted.many': 'true when more than one number was removed (for plurals; derived from redacted.count)',
  'dialogue.afterAnswer': 'true when small talk follows an answer of the bot ("thanks" closes the loop)',
} as const

export type TemplateVariable = keyof typeof TemplateVariables

/** The subset an FAQ answer may use: no queue or operator state, which answers do not have. */
export const FaqAnswerVariables: readonly TemplateVariable[] = [
  'visitor.name',
  'visitor.lang',
  'shop.name',
  'shop.email',
  'shop.phone',
  'shop.url',
  'hours.open',
  'hours.summary',
  'hours.nextOpen',
  'entry.id',
  'entry.title',
]
