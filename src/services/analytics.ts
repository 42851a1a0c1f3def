import {
  byDay,
  byEntry,
  byLang,
  byOperator,
  conversationFacts,
  summarize,
  type ConversationFact,
  type EntryRow,
  type OperatorRow,
  type ReportRange,
  type Summary,
} from '../core/analytics/index.js'
import type { Conversation, MessageEvent, Store } from '../store/types.js'
import { createFactCache, messageSpans, type FactCache } from './analytics-cache.js'

export { createFactCache, type FactCache }

/** More than this many conversations (or messages) in one report: ask for fewer days. */
export const MaxReportConversations = 100_000
/** The most message events one report reads: a range needing more is refused, not computed in part. */
export const MaxReportMessages = 1_000_000

/** The figures of one report: totals and every breakdown, already summed. */
export interface Report {
  totals: Summary
  days: { day: number; summary: Summary }[]
  langs: { lang: string; summary: Summary }[]
  entries: EntryRow[]
  operators: OperatorRow[]
}

/** A report, or why the range cannot be computed at once. */
export type ReportResult = { ok: true; report: Report } | { ok: false; message: string }

/** Which conversations a report covers, and the clock and window that decide deflection. */
export interface ReportRequest {
  range: ReportRange
  recontactMs: number
  now: number
  /** Only conversations in this language. */
  lang?: string
}

/**
 * Reads the conversations created in the range, their messages (without text) and the
 * conversations that followed them within the re-contact window, and computes the report.
 * A range with more rows than the limits is refused rather than computed on a part of it: a
 * report on a truncated list would be wrong without saying so.
 *
 * With a `cache`, the facts of conversations that can no longer change are kept, and their
 * messages are not read again: a year's report then reads only the last days' messages.
 */
export async function analyticsReport (
  store: Store,
  request: ReportRequest,
  cache: FactCache = createFactCache()
): Promise<ReportResult> {
  const { range, recontactMs, now } = request
  const tooMany = (what: string, limit: number): ReportResult => ({
    ok: false,
    message: `more than ${limit.toLocaleString('en')} ${what} in this range: ask for fewer days`,
  })
  const conversations = await store.conversationsCreated(range.from, range.to, MaxReportConversations + 1)
  if (conversations.length > MaxReportConversations) return tooMany('conversations', MaxReportConversations)
  const { known, fresh } = cache.split(conversations, recontactMs)
  const messages: MessageEvent[] = []
  for (const [from, to] of messageSpans(fresh)) {
    // A loop, not push(...batch): a year's messages are more arguments than a call can take.
    for (const m of await store.messageEvents(from, to, MaxReportMessages + 1 - messages.length)) messages.push(m)
    if (messages.length > MaxReportMessages) return tooMany('messages', MaxReportMessages)
  }
  // Re-contacts can come after the range: read what followed, up to the last window's end (or now).
  const lastMessage = messages.reduce((max, m) => Math.max(max, m.at), range.to)
  const followUntil = Math.min(lastMessage + recontactMs, now) + 1
  const later =
    followUntil > range.to ? await store.conversationsCreated(range.to, followUntil, MaxReportConversations + 1) : []
  if (later.length > MaxReportConversations) return tooMany('conversations after the range', MaxReportConversations)
  const knownConversations = conversations.filter((c) => known.has(c.id))
  const computed = conversationFacts(fresh, messages, [...knownConversations, ...later], { recontactMs, now })
  cache.keep(fresh, computed, messages, { recontactMs, now })
  const byId = new Map<string, ConversationFact>([...known, ...computed.map((f) => [f.id, f] as const)])
  let facts = conversations.map((c: Conversation) => byId.get(c.id) as ConversationFact)
  if (request.lang !== undefined) facts = facts.filter((f) => f.lang === request.lang)
  return {
    ok: true,
    report: {
      totals: summarize(facts),
      days: byDay(facts, range.dayOf, range.firstDay, range.lastDay),
      langs: byLang(facts),
      entries: byEntry(facts),
      operators: byOperator(facts),
    },
  }
}
