/**
 * The analytics worker thread: opens its own connection to the store and computes reports off
 * the server's main thread, one at a time. Reading a year of messages and computing their
 * facts takes a second or more of CPU; here it does not hold up anybody's websocket.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { zoneClock } from '../core/hours/zone.js'
import { createPostgresStore } from '../store/postgres.js'
import { createSqliteStore } from '../store/sqlite.js'
import type { Store, StoreLocation } from '../store/types.js'
import { analyticsReport, createFactCache } from './analytics.js'
import type { WorkerJob, WorkerAnswer } from './analytics-runner.js'

const location = (workerData as { location: StoreLocation }).location
const store: Store =
  location.kind === 'sqlite'
    ? createSqliteStore({ file: location.file })
    : createPostgresStore({ url: location.url, poolSize: 2 })

// Facts that can no longer change, kept between reports: their messages are read once.
const cache = createFactCache()

parentPort?.on('message', (job: WorkerJob) => {
  const { range, timeZone, ...rest } = job.request
  analyticsReport(store, { ...rest, range: { ...range, dayOf: zoneClock(timeZone).dayOf } }, cache).then(
    (result) => parentPort?.postMessage({ id: job.id, result } satisfies WorkerAnswer),
    (err: unknown) => {
      const { message, code } = err as { message?: string; code?: unknown }
      const error = { message: String(message ?? err), ...(typeof code === 'string' && { code }) }
      parentPort?.postMessage({ id: job.id, error } satisfies WorkerAnswer)
    }
  )
})
