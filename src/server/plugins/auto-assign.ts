import fp from 'fastify-plugin'
import { exclusive } from './jobs.js'

const DebounceMs = 100
const RetryMs = 10_000

/**
 * With `queue.autoAssign`, queued conversations go to free operators without waiting for a
 * claim: whenever a conversation changes (queued, closed, transferred) and every few seconds
 * (an operator came online), under the store's lock so instances do not race each other.
 */
export default fp(
  async function autoAssign (fastify) {
    const fd = fastify.frontdesk
    if (!fd.config.queue.autoAssign) return
    const assign = exclusive(fastify, 'auto-assign', async () => {
      await fd.operators.autoAssign()
    })
    let pending: NodeJS.Timeout | undefined
    const unsubscribe = fd.bus.subscribe('*', (event) => {
      if (event.type !== 'conversation') return
      clearTimeout(pending)
      pending = setTimeout(assign, DebounceMs)
    })
    const retry = setInterval(assign, RetryMs)
    retry.unref()
    fastify.addHook('onClose', async () => {
      clearTimeout(pending)
      clearInterval(retry)
      unsubscribe()
    })
  },
  { name: 'frontdesk-auto-assign', dependencies: ['frontdesk-context'] }
)
