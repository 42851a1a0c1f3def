/** PII redaction: card numbers, IBANs and configured patterns, removed before anything is stored. */
export { createRedactor, type Redactor, type RedactorOptions } from './redactor.js'
export { luhnValid } from './luhn.js'
export { ibanValid } from './iban.js'
export type { Redaction, RedactionRule, RedactResult } from './types.js'
