import uPlot from 'uplot'
import { h } from '../shared/dom.js'
import type { AnalyticsReport } from './types.js'

/** One chart: a title, the uPlot canvas, and a way to follow the container's width. */
export interface Chart {
  element: HTMLElement
  resize(width: number): void
  destroy(): void
}

const Height = 220
const Colors = {
  total: '#1b1f24',
  answered: '#0b5f63',
  escalated: '#b45309',
  deflected: '#15803d',
  p50: '#1a56db',
  p90: '#9333ea',
}

/** Day strings (YYYY-MM-DD) as uPlot's x values: seconds at UTC midnight, shown as dates. */
const xs = (report: AnalyticsReport): number[] => report.days.map((d) => Date.parse(`${d.day}T00:00:00Z`) / 1000)

function chart (
  title: string,
  description: string,
  series: uPlot.Series[],
  data: uPlot.AlignedData,
  width: number,
  yValues?: (v: number) => string
): Chart {
  const box = h('div', { class: 'chart-canvas' })
  const element = h(
    'figure',
    { class: 'chart' },
    h('figcaption', {}, h('strong', {}, title), ' ', h('span', { class: 'hint' }, description)),
    box
  )
  const plot = new uPlot(
    {
      width,
      height: Height,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: { x: { time: true } },
      axes: [
        {},
        { size: 56, ...(yValues !== undefined && { values: (_u: uPlot, ticks: number[]) => ticks.map(yValues) }) },
      ],
      series: [
        { label: 'day', value: (_u, v) => (v === null ? '' : new Date(v * 1000).toISOString().slice(0, 10)) },
        ...series,
      ],
    },
    data,
    box
  )
  return { element, resize: (w) => plot.setSize({ width: w, height: Height }), destroy: () => plot.destroy() }
}

const line = (label: string, stroke: string, value?: (v: number | null) => string): uPlot.Series => ({
  label,
  stroke,
  width: 2,
  points: { show: true, size: 5 },
  spanGaps: false,
  ...(value !== undefined && { value: (_u: uPlot, v: number | null) => value(v) }),
})

const seconds = (v: number | null): string => (v === null ? '–' : `${v} s`)
const rate = (v: number | null): string => (v === null ? '–' : `${v.toFixed(1)}%`)

/** The dashboard's three charts: outcomes per day, the deflection rate per day, queue waits per day. */
export function analyticsCharts (report: AnalyticsReport, width: number): Chart[] {
  const x = xs(report)
  const pick = (f: (d: AnalyticsReport['days'][number]) => number | null) => report.days.map(f)
  return [
    chart(
      'Conversations per day',
      'by outcome',
      [
        line('conversations', Colors.total),
        line('bot answered', Colors.answered),
        line('escalated', Colors.escalated),
        line('deflected', Colors.deflected),
      ],
      [
        x,
        pick((d) => d.conversations),
        pick((d) => d.bot_answered),
        pick((d) => d.escalated),
        pick((d) => d.deflected),
      ],
      width
    ),
    chart(
      'Deflection rate',
      'deflected ÷ conversations where the visitor wrote',
      [line('deflection rate', Colors.deflected, rate)],
      [x, pick((d) => (d.deflection_rate === null ? null : Math.round(d.deflection_rate * 1000) / 10))],
      width,
      (v) => `${v}%`
    ),
    chart(
      'Queue wait',
      'from entering the queue to an operator taking it',
      [line('p50', Colors.p50, seconds), line('p90', Colors.p90, seconds)],
      [x, pick((d) => d.queue_wait_p50), pick((d) => d.queue_wait_p90)],
      width,
      (v) => `${v} s`
    ),
  ]
}
