import { performance } from 'node:perf_hooks'
import { newStats, openVisitor, type ClientStats, type VisitorClient } from './load-client.js'
import {
  drain,
  measureLoad,
  sampleRss,
  sleep,
  startProbe,
  waitFor,
  type Drain,
  type Load,
  type Probe,
} from './load-measure.js'
import type { createQuestionPicker } from './load-questions.js'
import type { RunningTarget } from './load-targets.js'

type Picker = ReturnType<typeof createQuestionPicker>

const OpenConcurrency = 50
const OpenTimeoutMs = 30_000
const SettleMs = 1_000
const TickMs = 5
/**
 * The longest wait for a backlog once a phase stops sending (unless the grace period is longer): keeps a default run
 * near two minutes.
 */
const MaxDrainSeconds = 10

interface Opened {
  clients: VisitorClient[]
  failed: number
  failures: Record<string, number>
}

/** Opens `count` visitors (each says hello and waits for its welcome), `OpenConcurrency` at a time. */
async function openMany (
  target: RunningTarget,
  count: number,
  firstId: number,
  picker: Picker,
  stats: ClientStats
): Promise<Opened> {
  const clients: VisitorClient[] = []
  const failures: Record<string, number> = {}
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++
      const client = openVisitor(target.visitorUrl(firstId + i), target.name, firstId + i, picker.lang(), stats)
      try {
        await Promise.race([
          client.ready,
          sleep(OpenTimeoutMs).then(() => {
            throw new Error(`no welcome in ${OpenTimeoutMs / 1000} s`)
          }),
        ])
        clients.push(client)
      } catch (err) {
        failures[(err as Error).message] = (failures[(err as Error).message] ?? 0) + 1
        client.close()
      }
    }
  }
  await Promise.all(Array.from({ length: OpenConcurrency }, worker))
  return { clients, failed: count - clients.length, failures }
}

export interface MemoryResult {
  rssBefore: number
  rssHalf: number
  rssAfter: number
  bytesPerConnection: number
  /**
   * Bytes per connection of the first and of the second half: far apart means RSS noise (GC, allocator) is as large as
   * the signal.
   */
  halves: [number, number]
  opened: number
  failed: number
  failures: Record<string, number>
  openSeconds: number
}

/**
 * RSS before, halfway and after `count` idle connections (Frontdesk ones said hello, so each
 * has its conversation). A few connections first warm up the lazily built parts (first
 * statements, first frames) so that they are not charged to the connections. The connections
 * stay open for the steady phase.
 */
export async function memoryPhase (
  target: RunningTarget,
  count: number,
  picker: Picker
): Promise<MemoryResult & { clients: VisitorClient[] }> {
  const warm = await openMany(target, 20, 1_000_000, picker, newStats())
  await Promise.all(
    warm.clients.map(async (c) => {
      c.send(picker.question('en'))
      await waitFor(() => c.pending() === 0, 10_000)
      c.close()
    })
  )
  await sleep(SettleMs)
  const rssBefore = await sampleRss(target)
  const half = Math.floor(count / 2)
  const t0 = performance.now()
  const first = await openMany(target, half, 0, picker, newStats())
  const t1 = performance.now()
  await sleep(SettleMs)
  const rssHalf = await sampleRss(target)
  const t2 = performance.now()
  const second = await openMany(target, count - half, half, picker, newStats())
  const openSeconds = (t1 - t0 + performance.now() - t2) / 1000
  await sleep(SettleMs)
  const rssAfter = await sampleRss(target)
  const clients = [...first.clients, ...second.clients]
  const per = (bytes: number, n: number): number => (n === 0 ? 0 : bytes / n)
  return {
    rssBefore,
    rssHalf,
    rssAfter,
    bytesPerConnection: per(rssAfter - rssBefore, clients.length),
    halves: [per(rssHalf - rssBefore, first.clients.length), per(rssAfter - rssHalf, second.clients.length)],
    opened: clients.length,
    failed: first.failed + second.failed,
    failures: { ...first.failures, ...second.failures },
    openSeconds,
    clients,
  }
}

export interface SteadyResult {
  stats: ClientStats
  seconds: number
  messagesPerSecond: number
  lost: number
  drain: Drain
  load: Load
  probe: Probe
}

/**
 * Every visitor sends one question a second, on a fixed schedule whatever the answers do (open
 * loop: a slow server cannot slow the offered load down and hide its own latency). Visitors
 * are spread evenly over the second. A share asks for a person once, at a random second in the
 * first 60 % of the run, leaving time for an operator to answer.
 */
export async function steadyPhase (
  target: RunningTarget,
  clients: VisitorClient[],
  o: { seconds: number; escalateShare: number; graceSeconds: number },
  picker: Picker,
  random: () => number
): Promise<SteadyResult> {
  const { seconds } = o
  const stats = newStats()
  for (const c of clients) c.track(stats)
  const n = clients.length
  const personAt = new Map<number, number>()
  const escalating = Math.round(o.escalateShare * n)
  while (personAt.size < escalating) {
    personAt.set(Math.floor(random() * n), Math.floor(random() * Math.max(1, Math.floor(seconds * 0.6))))
  }
  const finish = measureLoad(target)
  const stopProbe = startProbe(target)
  const start = performance.now()
  const end = start + seconds * 1000
  stats.windowEnd = end
  const sentCount = new Array<number>(n).fill(0)
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now()
      for (let i = 0; i < n; i++) {
        const k = sentCount[i] as number
        const due = start + (i / n) * 1000 + k * 1000
        if (due > now || due >= end) continue
        sentCount[i] = k + 1
        const client = clients[i] as VisitorClient
        if (!client.isOpen()) continue
        if (personAt.get(i) === k) client.send(picker.personRequest(client.lang), true)
        else client.send(picker.question(client.lang))
      }
      if (now >= end) {
        clearInterval(timer)
        resolve()
      }
    }, TickMs)
  })
  const drained = await drain(clients, o.graceSeconds, Math.min(seconds, MaxDrainSeconds))
  const probe = await stopProbe()
  const load = finish()
  const elapsed = Math.max(seconds, (stats.lastAckAt - start) / 1000)
  return {
    stats,
    seconds,
    messagesPerSecond: stats.acked / elapsed,
    lost: drained.stalled ? drained.pending : 0,
    drain: drained,
    load,
    probe,
  }
}

export interface FloodResult {
  stats: ClientStats
  connections: number
  failed: number
  failures: Record<string, number>
  messagesPerSecond: number
  lost: number
  drain: Drain
  load: Load
  probe: Probe
}

/**
 * `connections` visitors each keep `window` frames outstanding for `seconds`: every ack (or
 * refusal) sends the next. Throughput counts only acks inside the window.
 */
export async function floodPhase (
  target: RunningTarget,
  o: { connections: number; seconds: number; window: number; graceSeconds: number },
  picker: Picker
): Promise<FloodResult> {
  const { connections, seconds, window } = o
  const stats = newStats()
  const opened = await openMany(target, connections, 2_000_000, picker, stats)
  const finish = measureLoad(target)
  const stopProbe = startProbe(target)
  const start = performance.now()
  const end = start + seconds * 1000
  stats.windowEnd = end
  for (const c of opened.clients) {
    const lang = picker.lang()
    c.onSettled = () => {
      if (performance.now() < end && c.isOpen()) c.send(picker.question(lang))
    }
    for (let k = 0; k < window; k++) c.send(picker.question(lang))
  }
  await sleep(seconds * 1000)
  const drained = await drain(opened.clients, o.graceSeconds, Math.min(seconds, MaxDrainSeconds))
  const probe = await stopProbe()
  const load = finish()
  for (const c of opened.clients) c.close()
  return {
    stats,
    connections: opened.clients.length,
    failed: opened.failed,
    failures: opened.failures,
    messagesPerSecond: stats.ackedInWindow / seconds,
    lost: drained.stalled ? drained.pending : 0,
    drain: drained,
    load,
    probe,
  }
}
