import { h, replaceChildren } from '../shared/dom.js'
import type { Api } from './api.js'
import { analyticsCharts, type Chart } from './analytics-charts.js'
import { langLabel } from './format.js'
import type { AnalyticsReport, AnalyticsSummary } from './types.js'

const dash = '–'
const num = (v: number | null): string => (v === null ? dash : String(v))
const pct = (v: number | null): string => (v === null ? dash : `${(v * 100).toFixed(1)}%`)
const secs = (v: number | null): string => {
  if (v === null) return dash
  return v < 120 ? `${v} s` : v < 7200 ? `${Math.round(v / 60)} min` : `${(v / 3600).toFixed(1)} h`
}
const pair = (p50: number | null, p90: number | null): string => `${secs(p50)} / ${secs(p90)}`

/** A table from column titles and rows of cells; every cell is text. */
function table (caption: string, head: string[], rows: string[][], empty: string): HTMLElement {
  if (rows.length === 0) {
    return h('section', { class: 'report-table' }, h('h3', {}, caption), h('p', { class: 'hint' }, empty))
  }
  const thead = h(
    'thead',
    {},
    h('tr', {}, ...head.map((c, i) => h('th', { scope: 'col', class: i === 0 ? '' : 'num' }, c)))
  )
  const tbody = h(
    'tbody',
    {},
    ...rows.map((r) =>
      h('tr', {}, ...r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', { class: 'num' }, c))))
    )
  )
  return h(
    'section',
    { class: 'report-table' },
    h('h3', {}, caption),
    h('div', { class: 'table-scroll' }, h('table', {}, thead, tbody))
  )
}

function tiles (t: AnalyticsSummary): HTMLElement {
  const tile = (label: string, value: string, note?: string) =>
    h(
      'div',
      { class: 'tile' },
      h('span', { class: 'tile-label' }, label),
      h('strong', { class: 'tile-value' }, value),
      note === undefined ? null : h('span', { class: 'hint' }, note)
    )
  return h(
    'div',
    { class: 'tiles' },
    tile('Conversations', String(t.conversations), `${t.empty} without a question`),
    tile(
      'Deflection rate',
      pct(t.deflection_rate),
      `${t.deflected} deflected · ${t.pending} pending · ${t.unverified} unverified`
    ),
    tile('Escalated', String(t.escalated), `${t.abandoned} abandoned while waiting`),
    tile('Queue wait p50 / p90', pair(t.queue_wait_p50, t.queue_wait_p90)),
    tile('First response p50 / p90', pair(t.first_response_p50, t.first_response_p90)),
    tile('Did this help?', `${t.helpful_yes} yes · ${t.helpful_no} no`),
    tile('CSAT', t.csat_average === null ? dash : `${t.csat_average.toFixed(2)} / 5`, `${t.csat_count} ratings`),
    tile('Offline messages', String(t.offline_messages))
  )
}

/**
 * The analytics dashboard: a date range (and language), the totals, three charts drawn with
 * uPlot and tables per language, FAQ entry and operator, with CSV downloads of each. Every
 * text from the data (entry titles, operator names) is inserted as text.
 */
export function createAnalyticsView (root: HTMLElement, api: Api) {
  const heading = h('h2', { tabindex: '-1', id: 'analytics-title' }, 'Analytics')
  const from = h('input', { type: 'date', id: 'analytics-from', required: true })
  const to = h('input', { type: 'date', id: 'analytics-to', required: true })
  const lang = h('select', { id: 'analytics-lang' }, h('option', { value: '' }, 'all languages'))
  const status = h('p', { class: 'action-status', role: 'status' })
  const form = h(
    'form',
    { class: 'report-form' },
    h('label', { for: 'analytics-from' }, 'From'),
    from,
    h('label', { for: 'analytics-to' }, 'To'),
    to,
    h('label', { for: 'analytics-lang' }, 'Language'),
    lang,
    h('button', { type: 'submit', class: 'primary' }, 'Show')
  )
  const downloads = h('p', { class: 'downloads' })
  const body = h('div', { class: 'report-body' }, h('p', { class: 'loading' }, 'Loading the figures…'))
  const view = h(
    'section',
    { class: 'analytics', 'aria-labelledby': 'analytics-title' },
    heading,
    form,
    status,
    downloads,
    body
  )
  let charts: Chart[] = []
  let loading = 0

  const query = (extra: Record<string, string> = {}): string => {
    const params = new URLSearchParams()
    if (from.value !== '') params.set('from', from.value)
    if (to.value !== '') params.set('to', to.value)
    if (lang.value !== '') params.set('lang', lang.value)
    for (const [k, v] of Object.entries(extra)) params.set(k, v)
    return params.toString()
  }
  const width = (): number => Math.max(280, Math.min(body.clientWidth || 900, 1100) - 8)

  const show = (report: AnalyticsReport): void => {
    from.value = report.from
    to.value = report.to
    for (const l of report.langs) {
      if (!Array.from(lang.options).some((o) => o.value === l.lang)) {
        lang.append(h('option', { value: l.lang }, langLabel(l.lang)))
      }
    }
    replaceChildren(
      downloads,
      'Download CSV: ',
      ...(['day', 'lang', 'entry', 'operator'] as const).flatMap((g, i) => [
        i > 0 ? ' · ' : '',
        h(
          'a',
          { href: `/api/v1/analytics?${query({ group: g, format: 'csv' })}`, download: '' },
          { day: 'per day', lang: 'per language', entry: 'per FAQ entry', operator: 'per operator' }[g]
        ),
      ])
    )
    for (const c of charts) c.destroy()
    charts = []
    replaceChildren(
      body,
      h(
        'p',
        { class: 'hint' },
        `Conversations started ${report.from} to ${report.to} (${report.time_zone}). Deflected: answered by the bot, never handed to a person, and the visitor did not come back within ${report.recontact_hours} h.`
      ),
      tiles(report.totals),
      h('div', { class: 'charts' }),
      table(
        'Per language',
        ['Language', 'Conversations', 'Bot answered', 'Escalated', 'Deflection', 'Queue wait p50 / p90', 'CSAT'],
        report.langs.map((l) => [
          langLabel(l.lang),
          String(l.conversations),
          String(l.bot_answered),
          String(l.escalated),
          pct(l.deflection_rate),
          pair(l.queue_wait_p50, l.queue_wait_p90),
          num(l.csat_average),
        ]),
        'No conversations.'
      ),
      table(
        'Per FAQ entry',
        ['Entry', 'Answers', 'Helped', 'Did not help', 'Deflected', 'Escalated after'],
        report.entries.map((e) => [
          e.title,
          String(e.answers),
          String(e.helpful_yes),
          String(e.helpful_no),
          String(e.deflected),
          String(e.escalated_after),
        ]),
        'The bot gave no answers in this range.'
      ),
      table(
        'Per operator',
        ['Operator', 'Conversations', 'First response p50 / p90', 'Handling p50 / p90', 'CSAT'],
        report.operators.map((o) => [
          o.name,
          String(o.conversations),
          pair(o.first_response_p50, o.first_response_p90),
          pair(o.handling_p50, o.handling_p90),
          o.csat_average === null ? dash : `${o.csat_average.toFixed(2)} (${o.csat_count})`,
        ]),
        'No operator conversations in this range.'
      )
    )
    charts = analyticsCharts(report, width())
    body.querySelector('.charts')?.append(...charts.map((c) => c.element))
  }

  const load = (): void => {
    const mine = ++loading
    status.textContent = ''
    api.analytics(query()).then(
      (report) => {
        if (mine === loading) show(report)
      },
      (err: unknown) => {
        if (mine === loading) status.textContent = `The figures cannot be shown: ${(err as Error).message}`
      }
    )
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    load()
  })
  const resize = (): void => {
    for (const c of charts) c.resize(width())
  }
  window.addEventListener('resize', resize)

  return {
    /** Shows the view (loading the figures when it was away). */
    render (): void {
      if (view.parentNode === root) return
      replaceChildren(root, view)
      load()
    },
    focusHeading (): void {
      heading.focus()
    },
  }
}
