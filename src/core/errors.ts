/**
 * Every error Frontdesk throws or answers on purpose has a code from this registry, so that
 * logs, HTTP responses and CLI output can be matched to a cause. Expected outcomes (no match,
 * an escalation) are return values, never errors: these are for bad input, bad config, bad
 * content, bugs and I/O failures. Each code carries the HTTP status it is answered with (as
 * fastify's `createError(code, message, status)` does), so a route never picks one by hand.
 */
export const ErrorCodes = {
  /** A config value is missing, of the wrong type or out of range. */
  FD_ERR_CONFIG_INVALID: { status: 500, summary: 'invalid configuration' },
  /** FAQ content (markdown, front matter, synonyms, tests file) cannot be used. */
  FD_ERR_FAQ_INVALID: { status: 422, summary: 'invalid FAQ content' },
  /** A template cannot be compiled or uses something that is not allowed. */
  FD_ERR_TEMPLATE_INVALID: { status: 422, summary: 'invalid template' },
  /** A template needed at run time does not exist for that language. */
  FD_ERR_TEMPLATE_MISSING: { status: 500, summary: 'missing template' },
  /** A visitor or operator message is longer than the configured limit. */
  FD_ERR_TEXT_TOO_LONG: { status: 400, summary: 'text too long' },
  /** A language code that is not a BCP 47 primary tag, or not one the FAQ has. */
  FD_ERR_LANG_UNSUPPORTED: { status: 400, summary: 'unsupported language' },
  /** A message with nothing in it once cleaned (only spaces or control characters). */
  FD_ERR_TEXT_EMPTY: { status: 400, summary: 'empty text' },
  /** A frame that is not JSON, of an unknown type, or with a wrong field. */
  FD_ERR_FRAME_INVALID: { status: 400, summary: 'invalid frame' },
  /** A frame over the size limit. */
  FD_ERR_FRAME_TOO_BIG: { status: 413, summary: 'frame too big' },
  /** A frame that needs a conversation before `hello`, or a second `hello`. */
  FD_ERR_FRAME_UNEXPECTED: { status: 400, summary: 'unexpected frame' },
  /** Not found, or not yours: the two are deliberately the same answer. */
  FD_ERR_NOT_FOUND: { status: 404, summary: 'not found' },
  /** Logged in, but the role does not allow it. */
  FD_ERR_FORBIDDEN: { status: 403, summary: 'forbidden' },
  /** Not logged in, or the session expired. */
  FD_ERR_UNAUTHENTICATED: { status: 401, summary: 'not logged in' },
  /** Wrong username or password, or the account is locked. */
  FD_ERR_LOGIN_FAILED: { status: 401, summary: 'login failed' },
  /** A state-changing call without the session's CSRF token. */
  FD_ERR_CSRF: { status: 403, summary: 'missing or wrong CSRF token' },
  /** The conversation is not in a state that allows this (already claimed, closed, ...). */
  FD_ERR_CONFLICT: { status: 409, summary: 'conflict' },
  /** Too many requests or messages. */
  FD_ERR_RATE_LIMITED: { status: 429, summary: 'rate limited' },
  /** An e-mail address that cannot be written to. */
  FD_ERR_EMAIL_INVALID: { status: 400, summary: 'invalid e-mail address' },
  /** An analytics report asked for a bad date range, or one too large to compute at once. */
  FD_ERR_ANALYTICS_RANGE: { status: 400, summary: 'invalid analytics range' },
  /** An HTTP request the server cannot use: bad JSON, wrong types, a missing field. */
  FD_ERR_REQUEST_INVALID: { status: 400, summary: 'invalid request' },
  /** An HTTP request body over the size limit. */
  FD_ERR_REQUEST_TOO_BIG: { status: 413, summary: 'request too big' },
  /** The database cannot be written (read-only, disk full, gone): nothing was stored. */
  FD_ERR_STORE_UNAVAILABLE: { status: 503, summary: 'storage unavailable' },
  /** A bug or an unexpected failure: logged with the request, answered without its text. */
  FD_ERR_INTERNAL: { status: 500, summary: 'internal error' },
} as const satisfies Record<string, { status: number, summary: string }>

export type ErrorCode = keyof typeof ErrorCodes

/** The HTTP status a code is answered with. */
export function statusOf (code: ErrorCode): number {
  return ErrorCodes[code].status
}

/** Whether a string is one of the registry's codes (an error from a library is not). */
export function isErrorCode (code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ErrorCodes, code)
}

/** An error with a registry code; `cause` keeps the original error when one is wrapped. */
export class FrontdeskError extends Error {
  readonly code: ErrorCode
  constructor (code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(`${code}: ${message}`, options)
    this.name = 'FrontdeskError'
    this.code = code
  }
}

/** A problem found in content, located by file and line so an editor can fix it. */
export interface ContentProblem {
  file: string
  /** 1-based line, when the problem has a place in the file. */
  line?: number
  /** The front matter field or template variable concerned, when there is one. */
  field?: string
  message: string
  severity: 'error' | 'warning'
}

/** `faq/en/returns.md:4 (questions): must be a list of strings` */
export function formatProblem (p: ContentProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file
  const field = p.field !== undefined ? ` (${p.field})` : ''
  return `${where}${field}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`
}
