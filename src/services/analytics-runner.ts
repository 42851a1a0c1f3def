import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ReportRange } from '../core/analytics/index.js'
import type { Store } from '../store/types.js'
import { analyticsReport, createFactCache, type ReportRequest, type ReportResult } from './analytics.js'

/** Reports waiting or running at once, everybody's together; more are refused until some finish. */
export const MaxPendingReports = 16

/** A report request as it travels to the worker: the range without its function, and the zone to rebuild it. */
export interface WorkerRequest extends Omit<ReportRequest, 'range'> {
  range: Omit<ReportRange, 'dayOf'>
  timeZone: string
}
/** A report to compute, as posted to the worker; the answer carries the same id. */
export interface WorkerJob {
  id: number
  request: WorkerRequest
}
/** The worker's answer to a job: the report, or the error it failed with (its code kept). */
export type WorkerAnswer =
  | { id: number; result: ReportResult }
  | { id: number; error: { message: string; code?: string } }

/** `busy`: that person's previous report is still running; `full`: too many reports are waiting. */
export type RunOutcome = { ok: true; result: ReportResult } | { ok: false; reason: 'busy' | 'full' }

/** Computes analytics reports off the main thread, one at a time; made by {@link createAnalyticsRunner}. */
export interface AnalyticsRunner {
  /** Computes a report for `who` after the ones before it, or refuses while `who` has one pending. */
  run(who: string, request: ReportRequest & { timeZone: string }): Promise<RunOutcome>
  close(): Promise<void>
}

/**
 * Analytics reports, computed one at a time in a worker thread with its own connection to the
 * store, so that a year's report (a second or more of CPU) never stalls the main thread, and
 * one person at a time: a second request while the first runs is refused rather than queued.
 * A store no other thread can open (SQLite in memory) is read on the main thread instead.
 */
export function createAnalyticsRunner (deps: { store: Store }): AnalyticsRunner {
  const pendingBy = new Set<string>()
  let queue: Promise<unknown> = Promise.resolve()
  let worker: ReturnType<typeof startWorker> | undefined
  // For reports computed here; the worker keeps its own.
  const cache = createFactCache()

  const compute = async (request: ReportRequest & { timeZone: string }): Promise<ReportResult> => {
    const location = deps.store.location
    if (location === undefined) return await analyticsReport(deps.store, request, cache)
    if (worker === undefined) {
      const started = startWorker(location, () => {
        if (worker === started) worker = undefined
      })
      worker = started
    }
    const { dayOf: _dayOf, ...range } = request.range
    return await worker.report({ ...request, range })
  }

  return {
    async run (who, request) {
      if (pendingBy.has(who)) return { ok: false, reason: 'busy' }
      if (pendingBy.size >= MaxPendingReports) return { ok: false, reason: 'full' }
      pendingBy.add(who)
      const turn = queue.then(async () => await compute(request))
      queue = turn.catch(() => undefined)
      try {
        return { ok: true, result: await turn }
      } finally {
        pendingBy.delete(who)
      }
    },
    async close () {
      await worker?.terminate()
      worker = undefined
    },
  }
}

/**
 * The worker, started on first use. Tests and `npm start` run TypeScript through tsx, which a
 * worker does not inherit: the bootstrap registers it before importing the worker's module.
 */
function startWorker (location: NonNullable<Store['location']>, onExit: () => void) {
  const here = fileURLToPath(import.meta.url)
  const entry = new URL(`./analytics-worker${extname(here)}`, import.meta.url).href
  const load = `import(${JSON.stringify(entry)})`
  const code =
    extname(here) === '.ts'
      ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return ${load} })`
      : load
  // No inherited flags: a test runner's loaders would be loaded again in the worker, for seconds.
  const thread = new Worker(code, { eval: true, execArgv: [], workerData: { location } })
  thread.unref()
  const waiting = new Map<number, { resolve: (r: ReportResult) => void; reject: (err: Error) => void }>()
  let next = 0
  thread.on('message', (answer: WorkerAnswer) => {
    const job = waiting.get(answer.id)
    waiting.delete(answer.id)
    if ('result' in answer) job?.resolve(answer.result)
    else job?.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }))
  })
  const fail = (err: Error): void => {
    onExit()
    for (const job of waiting.values()) job.reject(err)
    waiting.clear()
  }
  thread.on('error', fail)
  thread.on('exit', (code) => fail(new Error(`the analytics worker stopped (exit code ${code})`)))
  return {
    report: (request: WorkerRequest): Promise<ReportResult> =>
      new Promise((resolve, reject) => {
        const id = next++
        waiting.set(id, { resolve, reject })
        thread.postMessage({ id, request } satisfies WorkerJob)
      }),
    terminate: async (): Promise<void> => {
      await thread.terminate()
    },
  }
}
