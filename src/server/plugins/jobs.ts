import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

const SweepMs = 10_000
const HousekeepingMs = 3600_000
const LearningMs = 10 * 60_000

/** A job that runs under the store's lock for `name` (once across instances) and logs its failures. */
export function exclusive (fastify: FastifyInstance, name: string, job: () => Promise<unknown>): () => void {
  return () => {
    fastify.frontdesk.store
      .runExclusive(name, async () => {
        await job()
      })
      .catch((err: unknown) => fastify.log.error({ err }, `job ${name} failed`))
  }
}

/**
 * Background work: remind or take back conversations from silent operators, delete expired
 * sessions, purge conversations past retention, propose FAQ changes from recent conversations. Each job runs under
 * the store's exclusive
 * lock, so with several instances it runs once, not once per instance.
 */
export default fp(
  async function jobs (fastify) {
    const fd = fastify.frontdesk
    const run = (name: string, job: () => Promise<unknown>) => exclusive(fastify, name, job)
    const sweep = run('silent-operators', async () => {
      const { reminded, requeued } = await fd.operators.sweepSilent()
      if (reminded.length + requeued.length > 0) fastify.log.info({ reminded, requeued }, 'silent operators')
    })
    const housekeeping = run('retention', async () => {
      const now = fd.clock()
      const purged = await fd.store.purgeBefore(now - fd.config.retentionDays * 86_400_000)
      const sessions = await fd.store.deleteExpiredSessions(now)
      if (purged + sessions > 0) fastify.log.info({ purged, sessions }, 'retention')
    })
    const learn = run('learning', async () => {
      const { proposed } = await fd.learning.sweep()
      if (proposed > 0) fastify.log.info({ proposed }, 'learning: proposals for the editors')
    })
    const timers = [
      setInterval(sweep, SweepMs),
      setInterval(housekeeping, HousekeepingMs),
      setInterval(learn, LearningMs),
    ]
    for (const t of timers) t.unref()
    fastify.addHook('onReady', async () => {
      housekeeping()
    })
    fastify.addHook('onClose', async () => {
      for (const t of timers) clearInterval(t)
    })
  },
  { name: 'frontdesk-jobs', dependencies: ['frontdesk-context'] }
)
