import type {
  AnalyticsReport,
  ConversationList,
  ConversationSummary,
  Contact,
  FaqEntry,
  FaqReport,
  Operator,
  OperatorMessage,
  Proposal,
  Suggestion,
} from './types.js'

/** A refused or failed API call, with the server's error code. */
export class ApiError extends Error {
  constructor (
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export interface Session {
  operator: Operator
  csrf_token: string
}

/**
 * The REST API with the session cookie (sent by the browser) and the CSRF token (kept in
 * memory only, never in storage) on every state-changing call.
 */
export function createApi (onUnauthenticated: () => void) {
  let csrf = ''

  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    let res: Response
    try {
      res = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: {
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...(method !== 'GET' && { 'x-csrf-token': csrf }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      })
    } catch {
      throw new ApiError(0, 'FD_ERR_NETWORK', 'The server cannot be reached. Check the connection and try again.')
    }
    if (res.status === 204) return undefined as T
    const data = (await res.json().catch(() => ({}))) as { code?: string; message?: string }
    if (!res.ok) {
      if (res.status === 401 && !path.startsWith('/api/v1/auth/')) onUnauthenticated()
      throw new ApiError(res.status, data.code ?? 'FD_ERR_INTERNAL', data.message ?? `HTTP ${res.status}`)
    }
    return data as T
  }
  const id = encodeURIComponent

  return {
    async me (): Promise<Session | undefined> {
      try {
        const session = await call<Session>('GET', '/api/v1/auth/me')
        csrf = session.csrf_token
        return session
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return undefined
        throw err
      }
    },
    async login (username: string, password: string): Promise<Session> {
      const session = await call<Session>('POST', '/api/v1/auth/login', { username, password })
      csrf = session.csrf_token
      return session
    },
    logout: () => call<undefined>('POST', '/api/v1/auth/logout'),
    /** One page of a list of the queue, with how many there are in all. */
    conversations: (list: 'queued' | 'offline', offset: number, limit: number) =>
      call<ConversationList>(
        'GET',
        `/api/v1/conversations?state=${list}&offset=${offset}&limit=${limit}`
      ),
    conversation: (cid: string) =>
      call<{ conversation: ConversationSummary; messages: OperatorMessage[] }>(
        'GET',
        `/api/v1/conversations/${id(cid)}`
      ),
    claim: (cid: string) =>
      call<{ conversation: ConversationSummary }>('POST', `/api/v1/conversations/${id(cid)}/claim`, {}),
    close: (cid: string) =>
      call<{ conversation: ConversationSummary }>('POST', `/api/v1/conversations/${id(cid)}/close`, {}),
    transfer: (cid: string, username: string) =>
      call<{ conversation: ConversationSummary }>('POST', `/api/v1/conversations/${id(cid)}/transfer`, {
        operator: username,
      }),
    reply: (cid: string, clientId: string, text: string) =>
      call<{ client_id: string; seq: number }>('POST', `/api/v1/conversations/${id(cid)}/messages`, {
        client_id: clientId,
        text,
      }),
    faqLink: (cid: string, entryId: string, seq: number) =>
      call<{ id: string }>('POST', `/api/v1/conversations/${id(cid)}/faq-link`, { entry_id: entryId, seq }),
    contacts: () => call<{ contacts: Contact[] }>('GET', '/api/v1/contacts?handled=false'),
    handled: (contactId: string) => call<undefined>('POST', `/api/v1/contacts/${id(contactId)}/handled`, {}),
    operators: () => call<{ operators: Operator[] }>('GET', '/api/v1/operators'),
    suggest: (text: string, lang: string) =>
      call<{ suggestions: Suggestion[] }>(
        'GET',
        `/api/v1/faq/suggest?text=${id(text.slice(0, 4000))}&lang=${id(lang)}&limit=3`
      ),
    analytics: (query: string) => call<AnalyticsReport>('GET', `/api/v1/analytics?${query}`),
    entries: (lang: string) => call<{ entries: FaqEntry[] }>('GET', `/api/v1/faq/entries?lang=${id(lang)}`),
    faqReport: (since: string, lang: string) =>
      call<FaqReport>('GET', `/api/v1/faq/report?since=${id(since)}${lang === '' ? '' : `&lang=${id(lang)}`}`),
    proposals: () => call<{ proposals: Proposal[] }>('GET', '/api/v1/faq/proposals?status=open'),
    acceptProposal: (pid: string, edits: Record<string, unknown>) =>
      call<{ proposal: Proposal; file: string }>('POST', `/api/v1/faq/proposals/${id(pid)}/accept`, edits),
    rejectProposal: (pid: string, note: string) =>
      call<{ proposal: Proposal }>('POST', `/api/v1/faq/proposals/${id(pid)}/reject`, note === '' ? {} : { note }),
  }
}

export type Api = ReturnType<typeof createApi>
