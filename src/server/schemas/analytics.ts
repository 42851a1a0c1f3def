import { Type, type Static } from '@sinclair/typebox'
import type { EntryRow, OperatorRow, Summary } from '../../core/analytics/index.js'
import { FaqLangPattern } from '../../core/lang/codes.js'

const Count = Type.Integer({ minimum: 0 })
const Seconds = (description: string) =>
  Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
    description: `${description}, seconds; null when there is nothing to measure`,
  })

/** The breakdowns a report can be asked for alone (and as CSV). */
export const AnalyticsGroup = Type.Union([
  Type.Literal('day'),
  Type.Literal('lang'),
  Type.Literal('entry'),
  Type.Literal('operator'),
])

/** A report: a range of days in the configured time zone, one breakdown or all, one language or all. */
export const AnalyticsQuerySchema = Type.Object(
  {
    from: Type.Optional(
      Type.String({
        maxLength: 10,
        description: "first day, YYYY-MM-DD in the report's time zone (default: 29 days before `to`)",
      })
    ),
    to: Type.Optional(Type.String({ maxLength: 10, description: 'last day, included (default: today)' })),
    group: Type.Optional(AnalyticsGroup),
    lang: Type.Optional(Type.String({ pattern: FaqLangPattern, description: 'only conversations in this language' })),
    format: Type.Optional(
      Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: 'csv needs `group` (default day)' })
    ),
  },
  { additionalProperties: false }
)
export type AnalyticsQuery = Static<typeof AnalyticsQuerySchema>

/** The figures of a group of conversations; the README's "Analytics" section defines each. */
/** What people did, in the summaries and the per-operator rows alike. */
const PersonFigures = {
  first_response_p50: Seconds('first response p50'),
  first_response_p90: Seconds('first response p90'),
  handling_p50: Seconds('handling time p50'),
  handling_p90: Seconds('handling time p90'),
  csat_count: Count,
  csat_average: Type.Union([Type.Number(), Type.Null()]),
}

/** The figures of a group of conversations; the README's "Analytics" section defines each. */
export const SummarySchema = Type.Object({
  conversations: Count,
  empty: Type.Integer({ minimum: 0, description: 'the visitor never wrote (not in the deflection rate)' }),
  engaged: Type.Integer({ minimum: 0, description: "the visitor wrote: the deflection rate's denominator" }),
  bot_answered: Count,
  clarified: Count,
  escalated: Count,
  queued: Count,
  assigned: Count,
  abandoned: Count,
  waiting: Count,
  offline: Count,
  offline_messages: Count,
  deflected: Count,
  pending: Type.Integer({ minimum: 0, description: 'answered, re-contact window not over yet' }),
  unverified: Type.Integer({
    minimum: 0,
    description: 'answered, but the client sent no visitor id: cannot be checked for re-contact',
  }),
  recontacted: Count,
  deflection_rate: Type.Union([Type.Number(), Type.Null()], { description: 'deflected / engaged' }),
  helpful_yes: Count,
  helpful_no: Count,
  queue_wait_p50: Seconds('queue wait p50'),
  queue_wait_p90: Seconds('queue wait p90'),
  ...PersonFigures,
})
export type SummaryView = Static<typeof SummarySchema>

/** How one FAQ entry did: answers, feedback, deflection and escalations after it. */
export const EntryRowSchema = Type.Object({
  entry_id: Type.String(),
  title: Type.String(),
  answers: Count,
  conversations: Count,
  helpful_yes: Count,
  helpful_no: Count,
  deflected: Count,
  escalated_after: Count,
})

/** How one operator did: conversations, response and handling times, ratings. */
export const OperatorRowSchema = Type.Object({
  operator_id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  conversations: Count,
  ...PersonFigures,
})

/** The whole report: totals, and the breakdowns asked for. */
export const AnalyticsReportSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  time_zone: Type.String(),
  recontact_hours: Type.Number(),
  lang: Type.Union([Type.String(), Type.Null()]),
  generated_at: Type.String(),
  totals: SummarySchema,
  days: Type.Optional(Type.Array(Type.Intersect([Type.Object({ day: Type.String() }), SummarySchema]))),
  langs: Type.Optional(Type.Array(Type.Intersect([Type.Object({ lang: Type.String() }), SummarySchema]))),
  entries: Type.Optional(Type.Array(EntryRowSchema)),
  operators: Type.Optional(Type.Array(OperatorRowSchema)),
})

/** A summary from the core, in the wire's snake_case. */
export function summaryView (s: Summary): SummaryView {
  return {
    conversations: s.conversations,
    empty: s.empty,
    engaged: s.engaged,
    bot_answered: s.botAnswered,
    clarified: s.clarified,
    escalated: s.escalated,
    queued: s.queued,
    assigned: s.assigned,
    abandoned: s.abandoned,
    waiting: s.waiting,
    offline: s.offline,
    offline_messages: s.offlineMessages,
    deflected: s.deflected,
    pending: s.pending,
    unverified: s.unverified,
    recontacted: s.recontacted,
    deflection_rate: s.deflectionRate,
    helpful_yes: s.helpfulYes,
    helpful_no: s.helpfulNo,
    queue_wait_p50: s.queueWait.p50,
    queue_wait_p90: s.queueWait.p90,
    first_response_p50: s.firstResponse.p50,
    first_response_p90: s.firstResponse.p90,
    handling_p50: s.handling.p50,
    handling_p90: s.handling.p90,
    csat_count: s.csatCount,
    csat_average: s.csatAverage,
  }
}

/** An FAQ entry's row, with its title. */
export const entryView = (r: EntryRow, title: string): Static<typeof EntryRowSchema> => ({
  entry_id: r.entryId,
  title,
  answers: r.answers,
  conversations: r.conversations,
  helpful_yes: r.helpfulYes,
  helpful_no: r.helpfulNo,
  deflected: r.deflected,
  escalated_after: r.escalatedAfter,
})

/** An operator's row, with their name. */
export const operatorRowView = (
  r: OperatorRow,
  who: { username: string; name: string }
): Static<typeof OperatorRowSchema> => ({
  operator_id: r.operatorId,
  username: who.username,
  name: who.name,
  conversations: r.conversations,
  first_response_p50: r.firstResponse.p50,
  first_response_p90: r.firstResponse.p90,
  handling_p50: r.handling.p50,
  handling_p90: r.handling.p90,
  csat_count: r.csatCount,
  csat_average: r.csatAverage,
})
