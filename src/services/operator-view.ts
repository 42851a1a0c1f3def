import type { Conversation, Message, Operator, Store } from '../store/types.js'

/** One of the bot's best guesses for a question, as stored with the question. */
export interface Guess {
  entryId: string
  title: string
  confidence: number
}

/**
 * How operators see conversations and messages: everything, including the bot's evidence and
 * who wrote what. snake_case, like the wire protocol. The console shows every text as text.
 */
export function conversationView (
  c: Conversation,
  now: number,
  extra: { question?: string; guesses?: Guess[]; operatorName?: string } = {}
) {
  return {
    id: c.id,
    state: c.state,
    lang: c.lang,
    visitor_name: c.visitorName,
    page_url: c.pageUrl,
    user_agent: c.userAgent,
    browser_lang: c.browserLang,
    created_at: iso(c.createdAt),
    updated_at: iso(c.updatedAt),
    queued_at: c.queuedAt === null ? null : iso(c.queuedAt),
    waiting_seconds:
      c.state === 'queued' || c.state === 'offline'
        ? Math.max(0, Math.round((now - (c.queuedAt ?? c.updatedAt)) / 1000))
        : null,
    assigned_to: c.assignedTo,
    assigned_name: extra.operatorName ?? null,
    last_seq: c.lastSeq,
    ...(extra.question !== undefined && { question: extra.question }),
    ...(extra.guesses !== undefined && {
      guesses: extra.guesses.map((g) => ({ entry_id: g.entryId, title: g.title, confidence: g.confidence })),
    }),
  }
}

/** A member of the team as the console sees them (never the password hash or lockout state). */
export const operatorView = (o: Operator, online?: boolean) => ({
  id: o.id,
  username: o.username,
  name: o.name,
  role: o.role,
  langs: o.langs,
  capacity: o.capacity,
  ...(online !== undefined && { online }),
})

/** A stored message as operators see it on the wire: the HTML only of bot answers, the evidence in `data`. */
export function operatorMessageView (m: Message) {
  return {
    conversation_id: m.conversationId,
    seq: m.seq,
    id: m.id,
    author: m.author,
    text: m.text,
    html: m.author === 'bot' ? m.html : null,
    lang: m.lang,
    at: iso(m.at),
    kind: m.kind,
    entry_id: m.entryId,
    operator_id: m.operatorId,
    client_id: m.clientId,
    data: m.data,
  }
}

/** The visitor's latest question and the bot's guesses for it, for the queue list. */
export function latestQuestion (messages: Message[]): { question?: string; guesses?: Guess[] } {
  const last = [...messages].reverse().find((m) => m.author === 'visitor' && m.kind === null)
  if (last === undefined) return {}
  const triage = last.data?.triage as { candidates?: Guess[] } | undefined
  return { question: last.text, ...(triage?.candidates !== undefined && { guesses: triage.candidates }) }
}

/**
 * Conversations as the console lists them, with who has each one (operators read once for the
 * whole list) and, where `withQuestion` says so, the visitor's latest question and the bot's
 * guesses from the last few messages.
 */
export async function conversationSummaries (
  store: Store,
  list: Conversation[],
  now: number,
  withQuestion: (c: Conversation) => boolean
) {
  const names = list.some((c) => c.assignedTo !== null)
    ? new Map((await store.listOperators()).map((o) => [o.id, o.name]))
    : new Map<string, string>()
  return await Promise.all(
    list.map(async (c) => {
      const question = withQuestion(c)
        ? latestQuestion(await store.messagesAfter(c.id, Math.max(0, c.lastSeq - 20)))
        : {}
      return conversationView(c, now, {
        ...question,
        operatorName: c.assignedTo === null ? undefined : names.get(c.assignedTo),
      })
    })
  )
}

const iso = (ms: number): string => new Date(ms).toISOString()
