import type { ClientStats } from './load-client.js'
import type { OperatorStats } from './load-operators.js'
import type { Delivery } from './load-delivery.js'
import type { Drain, Load, Probe } from './load-measure.js'
import type { FloodResult, MemoryResult, SteadyResult } from './load-phases.js'

/** Everything measured on one target, as printed and as JSON. */
export interface TargetResult {
  name: 'echo' | 'frontdesk'
  label: string
  notes: string[]
  memory: MemoryResult
  steady: SteadyResult
  flood: FloodResult
  operators?: OperatorStats
  /** After the steady visitors closed: RSS, and what the server's own /metrics says (Frontdesk). */
  afterClose: {
    rss: number
    metrics: Record<string, number>
    busySeconds: number
    busyCapped: boolean
    restarted: boolean
  }
  /** Stored messages the connected visitors never got live (Frontdesk, when the steady phase drained). */
  delivery?: Delivery
  /** The target's processes died during the run. */
  crashed: boolean
  crashOutput?: string
}

export const Goals = { p99Ratio: 5, memoryRatio: 3, floodShare: 0.25, lost: 0, duplicated: 0 } as const

export function percentile (xs: number[], p: number): number {
  if (xs.length === 0) return 0
  const sorted = Float64Array.from(xs).sort()
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}

const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits

/** Every way an ack or message arrived more than once, out of order, or for nothing sent. */
export const duplicatedOf = (s: ClientStats): number =>
  s.duplicateAcks + s.duplicateSeqs + s.seqGaps + s.seqMismatches + s.unknownAcks

function clientSummary (s: ClientStats, lost: number, drain: Drain, load: Load, probe: Probe) {
  return {
    healthz_probe: probe,
    sent: s.sent,
    acked: s.acked,
    refused: s.refused,
    lost,
    pending_when_sending_stopped: drain.pendingAtStop,
    drain_seconds: round(drain.seconds, 1),
    /** Still unacknowledged at the drain cap while acks were still arriving: a backlog, not a loss. */
    backlog_at_cap: drain.capped ? drain.pending : 0,
    duplicated: duplicatedOf(s),
    duplicate_acks: s.duplicateAcks,
    duplicate_seqs: s.duplicateSeqs,
    seq_gaps: s.seqGaps,
    seq_mismatches: s.seqMismatches,
    unknown_acks: s.unknownAcks,
    rtt_ms: {
      p50: round(percentile(s.rtt, 50), 2),
      p99: round(percentile(s.rtt, 99), 2),
      max: round(percentile(s.rtt, 100), 2),
    },
    errors: s.errors,
    unexpected_closes: s.closes,
    server_cpu_percent: load.serverCpuPercent,
    database_cpu_percent: load.databaseCpuPercent,
    server_main_thread_runqueue_wait_percent: load.serverRunqueueWaitPercent,
    server_cpu_ms_per_acked_message: s.acked === 0 ? null : round((1000 * load.serverCpuSeconds) / s.acked, 2),
    other_processes_cpu_percent: load.otherCpuPercent,
    generator_cpu_percent: load.generatorCpuPercent,
    generator_lag_ms: { p99: load.generatorLagP99Ms, max: load.generatorLagMaxMs },
  }
}

export function targetJson (r: TargetResult) {
  const s = r.steady.stats
  return {
    label: r.label,
    notes: r.notes,
    crashed: r.crashed,
    memory: {
      connections: r.memory.opened,
      failed: r.memory.failed,
      failures: r.memory.failures,
      open_seconds: round(r.memory.openSeconds, 2),
      rss_before_bytes: r.memory.rssBefore,
      rss_half_bytes: r.memory.rssHalf,
      rss_after_bytes: r.memory.rssAfter,
      bytes_per_connection: Math.round(r.memory.bytesPerConnection),
      bytes_per_connection_halves: r.memory.halves.map(Math.round),
    },
    steady: {
      visitors: r.memory.opened,
      seconds: r.steady.seconds,
      messages_per_second: round(r.steady.messagesPerSecond),
      ...clientSummary(s, r.steady.lost, r.steady.drain, r.steady.load, r.steady.probe),
      person_requests: s.personRequests,
      states: s.states,
      operator_messages: s.operatorMessages,
      escalation_wait_ms: {
        p50: Math.round(percentile(s.escalationWaits, 50)),
        max: Math.round(percentile(s.escalationWaits, 100)),
      },
    },
    flood: {
      connections: r.flood.connections,
      failed: r.flood.failed,
      messages_per_second: round(r.flood.messagesPerSecond),
      ...clientSummary(r.flood.stats, r.flood.lost, r.flood.drain, r.flood.load, r.flood.probe),
      failures: r.flood.failures,
    },
    ...(r.operators !== undefined && { operators: r.operators }),
    ...(r.delivery !== undefined && { delivery: r.delivery }),
    after_close: {
      rss_bytes: r.afterClose.rss,
      metrics: r.afterClose.metrics,
      server_busy_seconds: r.afterClose.busySeconds,
      restarted_for_flood: r.afterClose.restarted,
    },
  }
}

export function ratios (echo: TargetResult, fd: TargetResult) {
  const div = (a: number, b: number): number | null => (b > 0 ? round(a / b, 2) : null)
  const p99 = div(percentile(fd.steady.stats.rtt, 99), percentile(echo.steady.stats.rtt, 99))
  const memory = div(fd.memory.bytesPerConnection, echo.memory.bytesPerConnection)
  const flood = div(fd.flood.messagesPerSecond, echo.flood.messagesPerSecond)
  const lost = fd.steady.lost + fd.flood.lost
  const duplicated = duplicatedOf(fd.steady.stats) + duplicatedOf(fd.flood.stats)
  return {
    p99_ratio: p99,
    memory_per_connection_ratio: memory,
    flood_throughput_share: flood,
    lost,
    duplicated,
    pass: {
      p99: p99 !== null && p99 <= Goals.p99Ratio,
      memory: memory !== null && memory <= Goals.memoryRatio,
      flood: flood !== null && flood >= Goals.floodShare,
      lost: lost === Goals.lost && !fd.crashed,
      duplicated: duplicated === Goals.duplicated,
    },
  }
}

/** Rows as aligned text: the first column left-aligned, the figures right-aligned. */
function table (rows: string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((row) => row[c]?.length ?? 0)))
  return rows.map((row) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('   ')
  )
}

/** The scaled-out Frontdesk against the single-instance SQLite run of the same options (issue 6). */
export function scaleOutRatios (sqlite: TargetResult, scaled: TargetResult) {
  const div = (a: number, b: number): number | null => (b > 0 ? round(a / b, 2) : null)
  return {
    steady_acked_per_second_ratio: div(scaled.steady.messagesPerSecond, sqlite.steady.messagesPerSecond),
    steady_p50_ratio: div(percentile(scaled.steady.stats.rtt, 50), percentile(sqlite.steady.stats.rtt, 50)),
    steady_p99_ratio: div(percentile(scaled.steady.stats.rtt, 99), percentile(sqlite.steady.stats.rtt, 99)),
    flood_acked_per_second_ratio: div(scaled.flood.messagesPerSecond, sqlite.flood.messagesPerSecond),
    memory_per_connection_ratio: div(scaled.memory.bytesPerConnection, sqlite.memory.bytesPerConnection),
    server_cpu_ms_per_message_ratio: div(cpuPerMessage(scaled), cpuPerMessage(sqlite)),
  }
}

const cpuPerMessage = (t: TargetResult): number =>
  t.steady.stats.acked === 0 ? 0 : (1000 * t.steady.load.serverCpuSeconds) / t.steady.stats.acked

function scaleOutTable (sqlite: TargetResult, scaled: TargetResult): string[] {
  const r = scaleOutRatios(sqlite, scaled)
  const x = (v: number | null): string => (v === null ? '-' : `${v}x`)
  const rows: string[][] = [
    ['', sqlite.label, scaled.label, 'ratio'],
    [
      'steady: acked messages/s',
      per(sqlite.steady.messagesPerSecond),
      per(scaled.steady.messagesPerSecond),
      x(r.steady_acked_per_second_ratio),
    ],
    [
      'steady: round trip p50',
      ms(percentile(sqlite.steady.stats.rtt, 50)),
      ms(percentile(scaled.steady.stats.rtt, 50)),
      x(r.steady_p50_ratio),
    ],
    [
      'steady: round trip p99',
      ms(percentile(sqlite.steady.stats.rtt, 99)),
      ms(percentile(scaled.steady.stats.rtt, 99)),
      x(r.steady_p99_ratio),
    ],
    [
      'flood: acked messages/s',
      per(sqlite.flood.messagesPerSecond),
      per(scaled.flood.messagesPerSecond),
      x(r.flood_acked_per_second_ratio),
    ],
    [
      'memory per idle connection',
      kib(sqlite.memory.bytesPerConnection),
      kib(scaled.memory.bytesPerConnection),
      x(r.memory_per_connection_ratio),
    ],
    [
      'server CPU per acked message (steady)',
      ms(cpuPerMessage(sqlite)),
      ms(cpuPerMessage(scaled)),
      x(r.server_cpu_ms_per_message_ratio),
    ],
    [
      'lost / duplicated',
      `${sqlite.steady.lost + sqlite.flood.lost} / ${duplicatedOf(sqlite.steady.stats) + duplicatedOf(sqlite.flood.stats)}`,
      `${scaled.steady.lost + scaled.flood.lost} / ${duplicatedOf(scaled.steady.stats) + duplicatedOf(scaled.flood.stats)}`,
      '',
    ],
  ]
  return [
    'Scale-out against the single-instance SQLite run (same options, same machine, one after the other):',
    ...table(rows),
    '',
  ]
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`
const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MiB`
const ms = (x: number): string => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`
const per = (x: number): string => `${Math.round(x)}/s`
const counts = (c: Record<string, number>): string =>
  Object.keys(c).length === 0
    ? 'none'
    : Object.entries(c)
      .map(([k, v]) => `${k} ×${v}`)
      .join(', ')

/**
 * The human-readable report: one table for both servers, the ratios against the goals, then the details that explain
 * them.
 */
export function printReport (echo: TargetResult, fd: TargetResult, header: string[], sqlite?: TargetResult): void {
  const r = ratios(echo, fd)
  const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISSED')
  const rows: [string, string, string, string, string][] = [
    ['', 'echo', 'Frontdesk', 'Frontdesk/echo', 'goal'],
    [
      'memory per idle connection',
      kib(echo.memory.bytesPerConnection),
      kib(fd.memory.bytesPerConnection),
      `${r.memory_per_connection_ratio ?? '-'}x`,
      `≤ ${Goals.memoryRatio}x  ${verdict(r.pass.memory)}`,
    ],
    [
      'steady: offered messages/s',
      per(echo.steady.stats.sent / echo.steady.seconds),
      per(fd.steady.stats.sent / fd.steady.seconds),
      '',
      '',
    ],
    ['steady: acked messages/s', per(echo.steady.messagesPerSecond), per(fd.steady.messagesPerSecond), '', ''],
    [
      'steady: round trip p50',
      ms(percentile(echo.steady.stats.rtt, 50)),
      ms(percentile(fd.steady.stats.rtt, 50)),
      '',
      '',
    ],
    [
      'steady: round trip p99',
      ms(percentile(echo.steady.stats.rtt, 99)),
      ms(percentile(fd.steady.stats.rtt, 99)),
      `${r.p99_ratio ?? '-'}x`,
      `≤ ${Goals.p99Ratio}x  ${verdict(r.pass.p99)}`,
    ],
    [
      'steady: round trip max',
      ms(percentile(echo.steady.stats.rtt, 100)),
      ms(percentile(fd.steady.stats.rtt, 100)),
      '',
      '',
    ],
    [
      'flood: acked messages/s',
      per(echo.flood.messagesPerSecond),
      per(fd.flood.messagesPerSecond),
      `${r.flood_throughput_share === null ? '-' : Math.round(100 * r.flood_throughput_share)}%`,
      `≥ ${100 * Goals.floodShare}%  ${verdict(r.pass.flood)}`,
    ],
    ['flood: round trip p99', ms(percentile(echo.flood.stats.rtt, 99)), ms(percentile(fd.flood.stats.rtt, 99)), '', ''],
    ['lost (steady + flood)', lostCell(echo), lostCell(fd), '', `0  ${verdict(r.pass.lost)}`],
    [
      'stored, never pushed live (steady)',
      '-',
      fd.delivery === undefined ? 'not checked' : String(fd.delivery.undelivered),
      '',
      fd.delivery === undefined ? '' : `0  ${verdict(fd.delivery.undelivered === 0)}`,
    ],
    ['error frames (steady + flood)', String(errorsOf(echo)), String(errorsOf(fd)), '', ''],
    [
      'duplicated (steady + flood)',
      String(duplicatedOf(echo.steady.stats) + duplicatedOf(echo.flood.stats)),
      String(r.duplicated),
      '',
      `0  ${verdict(r.pass.duplicated)}`,
    ],
  ]
  const lines = [
    ...header,
    '',
    ...table(rows),
    '',
    ...(sqlite === undefined ? [] : scaleOutTable(sqlite, fd)),
    ...[echo, ...(sqlite === undefined ? [] : [sqlite]), fd].flatMap(details),
  ]
  console.log(lines.join('\n'))
}

const errorsOf = (t: TargetResult): number =>
  [t.steady.stats, t.flood.stats].reduce((sum, x) => sum + Object.values(x.errors).reduce((a, b) => a + b, 0), 0)
const backlogOf = (t: TargetResult): number =>
  (t.steady.drain.capped ? t.steady.drain.pending : 0) + (t.flood.drain.capped ? t.flood.drain.pending : 0)
const lostCell = (t: TargetResult): string =>
  `${t.steady.lost + t.flood.lost}${backlogOf(t) > 0 ? ` (+${backlogOf(t)} backlog)` : ''}`

const drainText = (d: Drain, lost: number): string =>
  d.pendingAtStop === 0
    ? 'nothing outstanding when sending stopped'
    : `${d.pendingAtStop} outstanding when sending stopped, ${d.pending === 0 ? `all acked within ${d.seconds.toFixed(1)} s` : d.stalled ? `${lost} never acked (no ack came for the grace period)` : `${d.pending} still unacked after ${d.seconds.toFixed(1)} s while acks were still coming (backlog, not counted as lost)`}`

const loadText = (l: Load, acked: number): string =>
  `server CPU ${l.serverCpuPercent}% of one core${l.databaseCpuPercent > 0 ? `, of which the database ${l.databaseCpuPercent}%` : ''} (${acked === 0 ? '-' : ((1000 * l.serverCpuSeconds) / acked).toFixed(2)} ms per acked message; its main thread waited for a free core ${l.serverRunqueueWaitPercent}% of the time), generator CPU ${l.generatorCpuPercent}%, ` +
  `generator event-loop delay p99 ${l.generatorLagP99Ms} ms (max ${l.generatorLagMaxMs} ms), other processes on the machine ${l.otherCpuPercent}%`

const probeText = (p: Probe): string =>
  `GET /healthz every 250 ms meanwhile: ${p.count} answered, p50 ${p.p50Ms} ms, max ${p.maxMs} ms${p.timeouts > 0 ? `, ${p.timeouts} got no answer within 5 s` : ''}`

function details (t: TargetResult): string[] {
  const s = t.steady.stats
  const f = t.flood.stats
  const breakdown = (x: ClientStats): string =>
    `acks twice ${x.duplicateAcks}, message seq twice ${x.duplicateSeqs}, seq gaps ${x.seqGaps}, ack/message seq mismatches ${x.seqMismatches}, acks for nothing sent ${x.unknownAcks}`
  const lines = [
    `${t.label}${t.crashed ? '  — THE SERVER PROCESS DIED DURING THE RUN' : ''}`,
    ...t.notes.map((n) => `  ${n}`),
    `  memory: ${t.memory.opened} connections opened in ${t.memory.openSeconds.toFixed(1)} s${t.memory.failed > 0 ? ` (${t.memory.failed} failed: ${counts(t.memory.failures)})` : ''}; RSS ${mib(t.memory.rssBefore)} → ${mib(t.memory.rssHalf)} (half) → ${mib(t.memory.rssAfter)}; ` +
      `per connection ${kib(t.memory.halves[0])} in the first half, ${kib(t.memory.halves[1])} in the second; after the steady phase and the close ${mib(t.afterClose.rss)}`,
    `  steady: ${s.sent} sent, ${s.acked} acked, ${s.refused} refused, ${t.steady.lost} lost; errors: ${counts(s.errors)}; unexpected closes: ${counts(s.closes)}`,
    `          ${drainText(t.steady.drain, t.steady.lost)}`,
    `          ${breakdown(s)}`,
    `          ${loadText(t.steady.load, s.acked)}`,
    `          ${probeText(t.steady.probe)}`,
    ...(t.afterClose.restarted
      ? [
          '          the visitors closed with a backlog outstanding; the server was restarted (same DATA_DIR) so that the flood is measured on an idle one',
        ]
      : t.afterClose.busySeconds > 0.6
        ? [
            `          after the visitors closed, the server kept working through their frames for ${t.afterClose.busySeconds} s${t.afterClose.busyCapped ? ' (the wait was capped: it was still busy when the flood started)' : ''}`,
          ]
        : []),
    `  flood: ${t.flood.connections} connections${t.flood.failed > 0 ? ` (${t.flood.failed} failed to open: ${counts(t.flood.failures)})` : ''}, ${f.sent} sent, ${f.acked} acked (${f.ackedInWindow} in the window), ${f.refused} refused, ${t.flood.lost} lost; errors: ${counts(f.errors)}; unexpected closes: ${counts(f.closes)}`,
    `          ${drainText(t.flood.drain, t.flood.lost)}; round trip p50 ${ms(percentile(f.rtt, 50))}, max ${ms(percentile(f.rtt, 100))}`,
    `          ${breakdown(f)}`,
    `          ${loadText(t.flood.load, f.acked)}`,
    `          ${probeText(t.flood.probe)}`,
  ]
  if (t.name === 'frontdesk') {
    const o = t.operators
    lines.push(
      `  escalation: ${s.personRequests} asked for a person; state changes seen by visitors: ${counts(s.states)}; ${s.operatorMessages} operator replies received, ` +
        `wait from asking to the reply p50 ${Math.round(percentile(s.escalationWaits, 50))} ms, max ${Math.round(percentile(s.escalationWaits, 100))} ms`,
      t.delivery === undefined
        ? '  live delivery: not checked (the steady phase did not drain)'
        : `  live delivery: ${t.delivery.checked} open visitors checked against the stored conversations after the drain: ${t.delivery.behind} were missing ${t.delivery.undelivered} stored messages${t.delivery.failures > 0 ? `; ${t.delivery.failures} checks failed` : ''}`,
      ...(o === undefined
        ? []
        : [
            `  operators: ${o.online} online, ${o.polls} queue polls, ${o.claims} claims (${o.claimConflicts} lost a race), ${o.replies} replies, ${o.closes} closed; ${o.queueFrames} queue frames on /ws/operator; HTTP errors: ${counts(o.httpErrors)}`,
          ]),
      `  server /metrics after the steady visitors closed: ${t.afterClose.restarted ? 'not scraped (the server was still busy)' : counts(t.afterClose.metrics)}`
    )
    if (t.crashOutput !== undefined) {
      lines.push(
        '  last server output:',
        ...t.crashOutput
          .split('\n')
          .slice(-20)
          .map((l) => `    ${l}`)
      )
    }
  }
  return [...lines, '']
}
