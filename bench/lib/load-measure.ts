import { readFileSync } from 'node:fs'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import type { VisitorClient } from './load-client.js'
import type { RunningTarget } from './load-targets.js'

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Server CPU, the generator's own CPU and event-loop delay, and what every other process on the
 * machine used over a phase: the generator shares the machine's cores with the server, and
 * other work on a shared machine skews both.
 */
export interface Load {
  serverCpuPercent: number
  serverCpuSeconds: number
  /** The part of the server's CPU used by its database processes (PostgreSQL), when they are counted. */
  databaseCpuPercent: number
  /** Share of the phase the server's main thread was ready to run but waited for a core (CPU contention). */
  serverRunqueueWaitPercent: number
  generatorCpuPercent: number
  generatorLagP99Ms: number
  generatorLagMaxMs: number
  otherCpuPercent: number
}

/** Nanoseconds a thread waited on the run queue so far, from /proc/PID/schedstat (its second field). */
function runqueueWaitNs (pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1] ?? 0)
  } catch {
    return 0
  }
}

/** Busy CPU seconds of the whole machine, from /proc/stat (all cores; USER_HZ is 100 on Linux). */
function machineBusySeconds (): number {
  try {
    const [, ...fields] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/)
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number)
    return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / 100
  } catch {
    return 0
  }
}

/** Starts measuring; the function returned stops and gives the figures. */
export function measureLoad (target: RunningTarget): () => Load {
  const cpu0 = target.cpuSeconds()
  const db0 = target.databaseCpuSeconds()
  const own0 = process.cpuUsage()
  const machine0 = machineBusySeconds()
  const waits = (): number => target.instances.reduce((sum, p) => sum + runqueueWaitNs(p.pid), 0)
  const wait0 = waits()
  const t0 = performance.now()
  const lag = monitorEventLoopDelay({ resolution: 10 })
  lag.enable()
  return () => {
    lag.disable()
    const wall = (performance.now() - t0) / 1000
    const own = process.cpuUsage(own0)
    const server = target.cpuSeconds() - cpu0
    const generator = (own.user + own.system) / 1e6
    return {
      serverCpuPercent: Math.round((100 * server) / wall),
      serverCpuSeconds: server,
      databaseCpuPercent: Math.round((100 * (target.databaseCpuSeconds() - db0)) / wall),
      serverRunqueueWaitPercent: Math.round((100 * (waits() - wait0)) / 1e9 / wall / target.instances.length),
      generatorCpuPercent: Math.round((100 * generator) / wall),
      generatorLagP99Ms: Math.round(lag.percentile(99) / 1e6),
      generatorLagMaxMs: Math.round(lag.max / 1e6),
      otherCpuPercent: Math.max(0, Math.round((100 * (machineBusySeconds() - machine0 - server - generator)) / wall)),
    }
  }
}

/** How fast the server answered GET /healthz during a phase: a stalled event loop shows here first. */
export interface Probe {
  count: number
  p50Ms: number
  maxMs: number
  timeouts: number
}

const ProbeEveryMs = 250
const ProbeTimeoutMs = 5_000

/** Asks GET /healthz of the first instance every 250 ms, one request at a time, until stopped. */
export function startProbe (target: RunningTarget): () => Promise<Probe> {
  const times: number[] = []
  let timeouts = 0
  let stopped = false
  const loop = (async () => {
    while (!stopped) {
      const t0 = performance.now()
      try {
        await (await fetch(`${target.httpUrl(0)}/healthz`, { signal: AbortSignal.timeout(ProbeTimeoutMs) })).text()
        times.push(performance.now() - t0)
      } catch {
        timeouts++
      }
      await sleep(Math.max(0, ProbeEveryMs - (performance.now() - t0)))
    }
  })()
  return async () => {
    stopped = true
    await loop
    const sorted = [...times].sort((a, b) => a - b)
    return {
      count: times.length,
      p50Ms: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
      maxMs: Math.round(sorted.at(-1) ?? 0),
      timeouts,
    }
  }
}

/**
 * How the outstanding frames went once sending stopped. Frames still pending when acks had
 * stopped coming for the grace period are lost (`stalled`); frames still pending at the cap
 * while acks were still coming are a backlog of a server slower than the offered load, not a
 * loss, and are reported as such.
 */
export interface Drain {
  seconds: number
  pendingAtStop: number
  pending: number
  stalled: boolean
  capped: boolean
}

export async function drain (clients: VisitorClient[], graceSeconds: number, capSeconds: number): Promise<Drain> {
  const count = (): number => clients.reduce((sum, c) => sum + c.pending(), 0)
  const t0 = performance.now()
  const pendingAtStop = count()
  let last = pendingAtStop
  let progressAt = t0
  for (;;) {
    const now = performance.now()
    const pending = count()
    if (pending < last) {
      last = pending
      progressAt = now
    }
    const result = { seconds: (now - t0) / 1000, pendingAtStop, pending }
    if (pending === 0) return { ...result, stalled: false, capped: false }
    if (now - progressAt >= graceSeconds * 1000) return { ...result, stalled: true, capped: false }
    if (now - t0 >= Math.max(graceSeconds, capSeconds) * 1000) return { ...result, stalled: false, capped: true }
    await sleep(50)
  }
}

/**
 * Waits (at most `capSeconds`) until the server stops working through what earlier phases left it (under 20 % of a
 * core).
 */
export async function waitUntilIdle (
  target: RunningTarget,
  capSeconds: number
): Promise<{ seconds: number; capped: boolean }> {
  const t0 = performance.now()
  for (;;) {
    const cpu = target.cpuSeconds()
    await sleep(500)
    const seconds = Math.round((performance.now() - t0) / 100) / 10
    if (target.cpuSeconds() - cpu < 0.1) return { seconds, capped: false }
    if (seconds >= capSeconds) return { seconds, capped: true }
  }
}

export async function waitFor (done: () => boolean, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms
  while (!done()) {
    if (performance.now() >= deadline) return false
    await sleep(50)
  }
  return true
}

/** Resident memory now: the median of five samples 100 ms apart. */
export async function sampleRss (target: RunningTarget): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < 5; i++) {
    samples.push(target.rss())
    await sleep(100)
  }
  return [...samples].sort((a, b) => a - b)[2] ?? 0
}
