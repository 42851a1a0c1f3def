/**
 * Load benchmark (issues 3 and 6): `npm run bench:load -- [--visitors N] [--duration S] [--flood-connections K]
 * [--flood-seconds F] [--escalate-share X] [--instances N --database postgres] [--json]`.
 *
 * With `--database postgres`, a third run follows the echo and the single-instance SQLite one:
 * N instances sharing a fresh database on a throwaway PostgreSQL cluster (default durability),
 * and the report adds its ratios to the SQLite run.
 *
 * Starts a bare @fastify/websocket echo server and the real Frontdesk server as child processes
 * on loopback, one after the other, and puts each through the same three phases:
 * 1. memory: RSS before and after N idle connections (Frontdesk's say hello);
 * 2. steady: those N visitors send a question a second for S seconds, a share asks for a
 *    person and simulated operators claim, answer and close; every ack and message seq is
 *    checked (lost, duplicated, out of order), then every visitor's last seq against the
 *    stored conversation (stored but never pushed live);
 * 3. flood: K connections each keeping a window of frames outstanding for F seconds.
 * GET /healthz is probed during phases 2 and 3 (a starved event loop shows there first).
 * Then one table with both servers and the ratios against the goals. Everything is
 * bounded: the run stops by itself and kills its children. With `--json` the last line of
 * stdout is one JSON object with every figure.
 */
import { spawnSync } from 'node:child_process'
import { cpus } from 'node:os'
import { performance } from 'node:perf_hooks'
import { join } from 'node:path'
import { parseLoadOptions, type LoadOptions } from './lib/load-options.js'
import { checkDelivery, type Delivery } from './lib/load-delivery.js'
import { sleep, waitUntilIdle } from './lib/load-measure.js'
import { newOperatorStats, startOperators } from './lib/load-operators.js'
import { floodPhase, memoryPhase, steadyPhase } from './lib/load-phases.js'
import { createQuestionPicker, createRandom, loadQuestions, type Question } from './lib/load-questions.js'
import { printReport, ratios, scaleOutRatios, targetJson, type TargetResult } from './lib/load-report.js'
import {
  echoTarget,
  frontdeskTarget,
  killAllChildren,
  type RunningTarget,
  type TargetSpec,
} from './lib/load-targets.js'
import { startPostgres } from '../test/setup/postgres.js'

const Root = join(import.meta.dirname, '..')
/** The longest wait for a server to finish the backlog of a phase before the next one starts. */
const IdleCapSeconds = 15
const started = performance.now()
const progress = (line: string): void => {
  process.stderr.write(`bench:load: ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s  ${line}\n`)
}

/** The server's own view after the visitors left: open sockets, heap, queue (Frontdesk's /metrics). */
async function serverMetrics (target: RunningTarget): Promise<Record<string, number>> {
  if (target.name !== 'frontdesk') return {}
  const wanted = [
    'frontdesk_websocket_connections{kind="visitor"}',
    'frontdesk_websocket_connections{kind="operator"}',
    'frontdesk_conversations{state="queued"}',
    'frontdesk_conversations{state="assigned"}',
    'frontdesk_conversations{state="offline"}',
    'frontdesk_process_nodejs_heap_size_used_bytes',
    'frontdesk_process_nodejs_active_handles_total',
  ]
  const found: Record<string, number> = {}
  for (const [i] of target.instances.entries()) {
    const text = await (await fetch(`${target.httpUrl(i)}/metrics`, { signal: AbortSignal.timeout(10_000) })).text()
    for (const line of text.split('\n')) {
      const [name, value] = line.split(' ')
      if (name !== undefined && value !== undefined && wanted.includes(name)) {
        found[name] = (found[name] ?? 0) + Number(value)
      }
    }
  }
  return found
}

async function runTarget (spec: TargetSpec, o: LoadOptions, questions: Question[]): Promise<TargetResult> {
  progress(`starting ${spec.name}`)
  const target = await spec.start()
  const random = createRandom(o.seed)
  const picker = createQuestionPicker(questions, random)
  const operatorStats = target.operators.length > 0 ? newOperatorStats() : undefined
  let operators: { stop(): Promise<void> } | undefined
  const startWork = async (): Promise<void> => {
    if (operatorStats !== undefined) {
      operators = await startOperators(target.operators, (i) => target.httpUrl(i), operatorStats)
    }
  }
  const stopWork = async (): Promise<void> => {
    await operators?.stop()
    operators = undefined
  }
  let crashed = false
  let crashOutput: string | undefined
  const checkAlive = (): void => {
    if (target.alive() || crashed) return
    crashed = true
    crashOutput = target.output()
  }
  try {
    progress(`${target.label}: opening ${o.visitors} idle connections`)
    const { clients, ...memory } = await memoryPhase(target, o.visitors, picker)
    await startWork()
    progress(`${target.label}: ${clients.length} visitors, one question a second each for ${o.duration} s`)
    const steady = await steadyPhase(
      target,
      clients,
      { seconds: o.duration, escalateShare: o.escalateShare, graceSeconds: o.graceSeconds },
      picker,
      random
    )
    let delivery: Delivery | undefined
    const [checker] = target.operators
    if (checker !== undefined && !steady.drain.capped) {
      await stopWork()
      await sleep(1000)
      delivery = await checkDelivery(clients, checker, target.httpUrl(0))
      await startWork()
    }
    for (const c of clients) c.close()
    await sleep(1000)
    // A server still working through a backlog would starve the flood: measure it on a fresh one.
    const busy = steady.drain.capped ? { seconds: 0, capped: true } : await waitUntilIdle(target, IdleCapSeconds)
    // A busy server would not answer the scrape in time anyway.
    const metrics = busy.capped ? {} : await serverMetrics(target).catch(() => ({}))
    const afterClose = {
      rss: target.rss(),
      metrics,
      busySeconds: busy.seconds,
      busyCapped: busy.capped,
      restarted: busy.capped,
    }
    checkAlive()
    if (busy.capped) {
      progress(`${target.label}: still busy with the steady phase's backlog: restarting it for the flood`)
      await stopWork()
      await target.restart()
      await startWork()
    }
    progress(
      `${target.label}: flood, ${o.floodConnections} connections × ${o.floodWindow} outstanding for ${o.floodSeconds} s`
    )
    const flood = await floodPhase(
      target,
      { connections: o.floodConnections, seconds: o.floodSeconds, window: o.floodWindow, graceSeconds: o.graceSeconds },
      picker
    )
    await stopWork()
    checkAlive()
    return {
      name: target.name,
      label: target.label,
      notes: target.notes,
      memory,
      steady,
      flood,
      afterClose,
      crashed,
      ...(delivery !== undefined && { delivery }),
      ...(operatorStats !== undefined && { operators: operatorStats }),
      ...(crashOutput !== undefined && { crashOutput }),
    }
  } finally {
    await stopWork()
    await target.stop()
  }
}

/** Which Frontdesk was measured: the commit, and whether src/ had uncommitted changes (read-only git calls). */
function revision (): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: Root, encoding: 'utf8' })
  if (head.status !== 0) return 'an unknown revision (no git)'
  const dirty = spawnSync('git', ['diff', '--quiet', 'HEAD', '--', 'src'], { cwd: Root }).status !== 0
  return `commit ${head.stdout.trim()}${dirty ? ' plus uncommitted changes in src/' : ''}`
}

async function main (): Promise<number> {
  const o = parseLoadOptions(process.argv.slice(2))
  // Far above any honest run of these options: a hung phase must not keep the machine busy.
  const targets = o.database === 'postgres' ? 3 : 2
  const limitMs = (targets * (o.duration + o.floodSeconds + 2 * o.graceSeconds) + 150 * targets) * 1000
  const watchdog = setTimeout(() => {
    console.error(`bench:load: still running after ${limitMs / 1000} s: stopping`)
    killAllChildren()
    process.exit(1)
  }, limitMs)
  const questions = loadQuestions(join(Root, 'faq'))
  const teardowns: Array<() => unknown> = []
  const frontdesk = { root: Root, connections: o.visitors + o.floodConnections, operators: o.operators }
  let echo: TargetResult, fd: TargetResult
  let sqlite: TargetResult | undefined
  try {
    echo = await runTarget(echoTarget(Root), o, questions)
    if (o.database === 'postgres') {
      // The single-instance SQLite run first, as the baseline the scaled-out one is compared with.
      sqlite = await runTarget(frontdeskTarget({ ...frontdesk, instances: 1, database: 'sqlite' }), o, questions)
      progress('starting a throwaway PostgreSQL cluster (installed from Debian if missing)')
      const postgres = await startPostgres({ teardown: (fn) => teardowns.push(fn) }, { durable: true })
      fd = await runTarget(
        frontdeskTarget({ ...frontdesk, instances: o.instances, database: 'postgres', postgres }),
        o,
        questions
      )
    } else {
      fd = await runTarget(frontdeskTarget({ ...frontdesk, instances: o.instances, database: 'sqlite' }), o, questions)
    }
  } finally {
    for (const fn of teardowns.reverse()) await fn()
  }
  clearTimeout(watchdog)
  const cores = cpus().length
  const header = [
    `bench:load — ${o.visitors} visitors × 1 question/s for ${o.duration} s (${Math.round(100 * o.escalateShare)}% ask for a person once, ${o.operators} operators answer); ` +
      `flood ${o.floodConnections} connections × ${o.floodWindow} outstanding for ${o.floodSeconds} s; grace ${o.graceSeconds} s; seed ${o.seed}`,
    `${questions.length} questions in en/es/it/ru from faq/*/ paraphrases and faq/tests.yaml; loopback 127.0.0.1 only; the servers ran one after the other; Frontdesk at ${revision()}.`,
    `This machine has ${cores} cores and the load generator (one Node process) shares them with the server under test: figures are a floor, not capacity. The run took ${Math.round((performance.now() - started) / 1000)} s.`,
  ]
  const other = Math.max(
    ...[echo, fd, ...(sqlite === undefined ? [] : [sqlite])].flatMap((t) => [
      t.steady.load.otherCpuPercent,
      t.flood.load.otherCpuPercent,
    ])
  )
  if (other >= 20) {
    header.push(
      `WARNING: other processes on this machine used up to ${other}% of a core during a phase: every figure below is skewed by them.`
    )
  }
  printReport(echo, fd, header, sqlite)
  if (o.json) {
    console.log(
      JSON.stringify({
        options: o,
        cores,
        generator_shares_cores: true,
        questions: questions.length,
        echo: targetJson(echo),
        frontdesk: targetJson(fd),
        ratios: ratios(echo, fd),
        ...(sqlite !== undefined && {
          frontdesk_sqlite_single: targetJson(sqlite),
          scale_out: scaleOutRatios(sqlite, fd),
        }),
      })
    )
  }
  return 0
}

process.once('SIGINT', () => {
  killAllChildren()
  process.exit(130)
})
process.once('SIGTERM', () => {
  killAllChildren()
  process.exit(143)
})
process.on('exit', killAllChildren)
// Exit explicitly: keep-alive sockets of fetch must not hold the run open after the report.
main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error((err as Error).message ?? err)
    killAllChildren()
    process.exit(1)
  }
)
