import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { formatDay, reportRange, toCsv, type CsvCell } from '../../core/analytics/index.js'
import { hasRole } from '../../services/auth.js'
import { me, requireRole } from '../auth-hooks.js'
import {
  AnalyticsQuerySchema,
  AnalyticsReportSchema,
  EntryRowSchema,
  entryView,
  OperatorRowSchema,
  operatorRowView,
  SummarySchema,
  summaryView,
} from '../schemas/analytics.js'
import { AuthErrors } from '../schemas/common.js'
import { refuse } from '../refuse.js'

/** The CSV columns of each breakdown, in the order of the JSON rows. */
const CsvColumns = {
  day: ['day', ...Object.keys(SummarySchema.properties)],
  lang: ['lang', ...Object.keys(SummarySchema.properties)],
  entry: Object.keys(EntryRowSchema.properties),
  operator: Object.keys(OperatorRowSchema.properties),
}

/**
 * `GET /api/v1/analytics`: the figures of the conversations started in a range of days, as
 * JSON (totals and every breakdown, or the one asked for) or as CSV (one breakdown). Every
 * logged-in operator sees the team's figures; the per-operator rows of colleagues are for
 * editors and admins only (an operator sees their own row).
 */
const analytics: FastifyPluginAsyncTypebox = async (fastify) => {
  const fd = fastify.frontdesk
  const timeZone = fd.config.analytics.timeZone ?? fd.config.hours?.timeZone ?? 'UTC'
  const recontactHours = fd.config.analytics.recontactHours

  fastify.get(
    '/api/v1/analytics',
    {
      preHandler: requireRole('operator'),
      schema: {
        tags: ['analytics'],
        summary:
          'Conversations, deflection, waits, response and handling times, feedback and ratings, by day, language, FAQ entry or operator',
        querystring: AnalyticsQuerySchema,
        produces: ['application/json', 'text/csv'],
        response: { 200: AnalyticsReportSchema, ...AuthErrors },
      },
    },
    async (request, reply) => {
      const query = request.query
      const now = fd.clock()
      const range = reportRange(query, timeZone, now)
      if (!range.ok) return await refuse(reply, 'FD_ERR_ANALYTICS_RANGE', range.message)
      const operator = me(request.operator)
      const run = await fd.analytics.run(operator.id, {
        range: range.range,
        timeZone,
        recontactMs: recontactHours * 3600_000,
        now,
        ...(query.lang !== undefined && { lang: query.lang }),
      })
      if (!run.ok) {
        reply.header('retry-after', '5')
        return await refuse(
          reply,
          'FD_ERR_RATE_LIMITED',
          run.reason === 'busy'
            ? 'your previous report is still being computed: ask again when it is done'
            : 'too many reports are being computed: try again in a few seconds'
        )
      }
      const result = run.result
      if (!result.ok) return await refuse(reply, 'FD_ERR_ANALYTICS_RANGE', result.message)
      const { report } = result
      const seesTeam = hasRole(operator, 'editor')

      const content = fd.content.current()
      const title = (id: string): string => {
        for (const lang of [fd.config.defaultLang, ...content.faq.langs]) {
          const entry = content.engine.entry(lang, id)
          if (entry !== undefined) return entry.title
        }
        return id
      }
      const people = new Map((await fd.store.listOperators()).map((o) => [o.id, o]))
      const days = report.days.map((d) => ({ day: formatDay(d.day), ...summaryView(d.summary) }))
      const langs = report.langs.map((l) => ({ lang: l.lang, ...summaryView(l.summary) }))
      const entries = report.entries.map((e) => entryView(e, title(e.entryId)))
      const operators = report.operators
        .filter((o) => seesTeam || o.operatorId === operator.id)
        .map((o) =>
          operatorRowView(o, {
            username: people.get(o.operatorId)?.username ?? o.operatorId,
            name: people.get(o.operatorId)?.name ?? '(deleted operator)',
          })
        )
      const from = formatDay(range.range.firstDay)
      const to = formatDay(range.range.lastDay)

      if (query.format === 'csv') {
        const group = query.group ?? 'day'
        const rows: Record<string, CsvCell>[] =
          group === 'day' ? days : group === 'lang' ? langs : group === 'entry' ? entries : operators
        const header = CsvColumns[group]
        const name = `frontdesk-${group}-${from}-${to}${query.lang === undefined ? '' : `-${query.lang}`}.csv`
        return await reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .header('x-content-type-options', 'nosniff')
          // A string is sent as it is (the JSON schema is for JSON); the cast only quiets the type provider.
          .send(
            toCsv(
              header,
              rows.map((r) => header.map((k) => r[k] ?? null))
            ) as never
          )
      }
      const only = query.group
      return {
        from,
        to,
        time_zone: timeZone,
        recontact_hours: recontactHours,
        lang: query.lang ?? null,
        generated_at: new Date(now).toISOString(),
        totals: summaryView(report.totals),
        ...((only === undefined || only === 'day') && { days }),
        ...((only === undefined || only === 'lang') && { langs }),
        ...((only === undefined || only === 'entry') && { entries }),
        ...((only === undefined || only === 'operator') && { operators }),
      }
    }
  )
}

export default analytics
