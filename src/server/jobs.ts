import fp from 'fastify-plugin'

const SweepMs = 10_000
const HousekeepingMs = 3600_000

/**
 * Background work: remind or take back conversations from silent operators, delete expired
 * sessions, purge conversations past retention. Each job runs under the store's exclusive
 * lock, so with several instances it runs once, not once per instance.
 */
export default fp(async function jobs (fastify) {
  const fd = fastify.frontdesk
  const run = (name: string, job: () => Promise<unknown>) => () => {
    fd.store.runExclusive(name, async () => { await job() }).catch((err: unknown) => fastify.log.error({ err }, `job ${name} failed`))
  }
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
  const timers = [setInterval(sweep, SweepMs), setInterval(housekeeping, HousekeepingMs)]
  for (const t of timers) t.unref()
  fastify.addHook('onReady', async () => { housekeeping() })
  fastify.addHook('onClose', async () => { for (const t of timers) clearInterval(t) })
}, { name: 'frontdesk-jobs', dependencies: ['frontdesk-context'] })
