import type { ConversationFact } from './facts.js'

/** A p50/p90 pair in seconds; null when there is nothing to measure. */
export interface Spread {
  p50: number | null
  p90: number | null
}

/** The figures of a group of conversations (a day, a language, everything). */
export interface Summary {
  conversations: number
  /** The visitor never wrote: not in the deflection rate's denominator. */
  empty: number
  /** Conversations where the visitor wrote: the deflection rate's denominator. */
  engaged: number
  /** Conversations with at least one bot answer. */
  botAnswered: number
  clarified: number
  escalated: number
  queued: number
  assigned: number
  abandoned: number
  waiting: number
  /** Conversations offered the offline form. */
  offline: number
  offlineMessages: number
  deflected: number
  pending: number
  unverified: number
  recontacted: number
  /** deflected / engaged; null without engaged conversations. */
  deflectionRate: number | null
  helpfulYes: number
  helpfulNo: number
  queueWait: Spread
  firstResponse: Spread
  handling: Spread
  csatCount: number
  /** Mean of the 1–5 ratings. */
  csatAverage: number | null
}

export interface EntryRow {
  entryId: string
  /** Bot answers with this entry. */
  answers: number
  /** Conversations it answered at least once. */
  conversations: number
  helpfulYes: number
  helpfulNo: number
  /** Deflected conversations whose last answer it was. */
  deflected: number
  /** Conversations whose last answer it was and that reached a person anyway. */
  escalatedAfter: number
}

export interface OperatorRow {
  operatorId: string
  /** Conversations they handled (were assigned last, or wrote last). */
  conversations: number
  firstResponse: Spread
  handling: Spread
  csatCount: number
  csatAverage: number | null
}

/** Nearest-rank percentile of ms values, in whole seconds; null for no values. */
export function percentile (ms: readonly number[], p: number): number | null {
  if (ms.length === 0) return null
  const sorted = [...ms].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return Math.round((sorted[rank - 1] ?? 0) / 1000)
}

const spread = (ms: (number | null)[]): Spread => {
  const values = ms.filter((v): v is number => v !== null)
  return { p50: percentile(values, 50), p90: percentile(values, 90) }
}

const count = <T>(facts: readonly T[], test: (f: T) => boolean): number =>
  facts.reduce((n, f) => n + (test(f) ? 1 : 0), 0)

const csat = (facts: readonly ConversationFact[]): { csatCount: number; csatAverage: number | null } => {
  const scores = facts.map((f) => f.csat).filter((s): s is number => s !== null)
  return {
    csatCount: scores.length,
    csatAverage:
      scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100,
  }
}

/** The figures of a set of conversations. */
export function summarize (facts: readonly ConversationFact[]): Summary {
  const engaged = count(facts, (f) => f.engaged)
  const deflected = count(facts, (f) => f.deflection === 'deflected')
  const feedback = facts.flatMap((f) => f.helpful)
  return {
    conversations: facts.length,
    empty: facts.length - engaged,
    engaged,
    botAnswered: count(facts, (f) => f.answers.length > 0),
    clarified: count(facts, (f) => f.clarified),
    escalated: count(facts, (f) => f.escalated),
    queued: count(facts, (f) => f.queued),
    assigned: count(facts, (f) => f.assigned),
    abandoned: count(facts, (f) => f.abandoned),
    waiting: count(facts, (f) => f.waiting),
    offline: count(facts, (f) => f.offline),
    offlineMessages: facts.reduce((n, f) => n + f.offlineMessages, 0),
    deflected,
    pending: count(facts, (f) => f.deflection === 'pending'),
    unverified: count(facts, (f) => f.deflection === 'unverified'),
    recontacted: count(facts, (f) => f.deflection === 'recontacted'),
    deflectionRate: engaged === 0 ? null : Math.round((deflected / engaged) * 10_000) / 10_000,
    helpfulYes: count(feedback, (f) => f.helpful),
    helpfulNo: count(feedback, (f) => !f.helpful),
    queueWait: spread(facts.map((f) => f.queueWaitMs)),
    firstResponse: spread(facts.map((f) => f.firstResponseMs)),
    handling: spread(facts.map((f) => f.handlingMs)),
    ...csat(facts),
  }
}

/** Facts grouped by a key, in first-seen order. */
function groupBy<K> (facts: readonly ConversationFact[], key: (f: ConversationFact) => K): Map<K, ConversationFact[]> {
  const groups = new Map<K, ConversationFact[]>()
  for (const f of facts) {
    const k = key(f)
    const list = groups.get(k)
    if (list === undefined) groups.set(k, [f])
    else list.push(f)
  }
  return groups
}

/**
 * One summary per day, for every day from `firstDay` to `lastDay` (day numbers: days since
 * 1970-01-01 on the report's wall calendar), empty days included so that charts show them.
 */
export function byDay (
  facts: readonly ConversationFact[],
  dayOf: (ms: number) => number,
  firstDay: number,
  lastDay: number
): { day: number; summary: Summary }[] {
  const groups = groupBy(facts, (f) => dayOf(f.createdAt))
  const rows: { day: number; summary: Summary }[] = []
  for (let day = firstDay; day <= lastDay; day++) rows.push({ day, summary: summarize(groups.get(day) ?? []) })
  return rows
}

/** One summary per conversation language, most conversations first. */
export function byLang (facts: readonly ConversationFact[]): { lang: string; summary: Summary }[] {
  return [...groupBy(facts, (f) => f.lang)]
    .map(([lang, list]) => ({ lang, summary: summarize(list) }))
    .sort((a, b) => b.summary.conversations - a.summary.conversations || a.lang.localeCompare(b.lang))
}

/** One row per FAQ entry the bot answered with, most answers first. */
export function byEntry (facts: readonly ConversationFact[]): EntryRow[] {
  const rows = new Map<string, EntryRow>()
  const row = (entryId: string): EntryRow => {
    let r = rows.get(entryId)
    if (r === undefined) {
      r = { entryId, answers: 0, conversations: 0, helpfulYes: 0, helpfulNo: 0, deflected: 0, escalatedAfter: 0 }
      rows.set(entryId, r)
    }
    return r
  }
  for (const f of facts) {
    for (const id of f.answers) row(id).answers++
    for (const id of new Set(f.answers)) row(id).conversations++
    for (const h of f.helpful) {
      if (h.entryId === null) continue
      if (h.helpful) row(h.entryId).helpfulYes++
      else row(h.entryId).helpfulNo++
    }
    if (f.lastEntry !== null && f.deflection === 'deflected') row(f.lastEntry).deflected++
    if (f.lastEntry !== null && f.deflection === 'person') row(f.lastEntry).escalatedAfter++
  }
  return [...rows.values()].sort((a, b) => b.answers - a.answers || a.entryId.localeCompare(b.entryId))
}

/** One row per operator who handled or answered a conversation, most conversations first. */
export function byOperator (facts: readonly ConversationFact[]): OperatorRow[] {
  const handled = groupBy(
    facts.filter((f) => f.operatorId !== null),
    (f) => f.operatorId as string
  )
  const responded = groupBy(
    facts.filter((f) => f.firstResponderId !== null),
    (f) => f.firstResponderId as string
  )
  const ids = new Set([...handled.keys(), ...responded.keys()])
  return [...ids]
    .map((operatorId) => {
      const own = handled.get(operatorId) ?? []
      return {
        operatorId,
        conversations: own.length,
        firstResponse: spread((responded.get(operatorId) ?? []).map((f) => f.firstResponseMs)),
        handling: spread(own.map((f) => f.handlingMs)),
        ...csat(own),
      }
    })
    .sort((a, b) => b.conversations - a.conversations || a.operatorId.localeCompare(b.operatorId))
}
