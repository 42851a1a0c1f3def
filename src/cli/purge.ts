import { parseArgs } from 'node:util'
import { loadConfig } from '../config/load.js'
import { FrontdeskError } from '../core/errors.js'
import { openStore } from '../server/server.js'
import { Exit, type Io } from './io.js'

/**
 * `frontdesk purge [--days N]`: deletes conversations with no activity for N days (default:
 * `retentionDays` from config), as the daily job does. Unhandled offline messages are kept.
 */
export async function purgeCommand (argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { config: { type: 'string' }, days: { type: 'string' } } })
  const config = await loadConfig({ file: values.config })
  const days = values.days === undefined ? config.retentionDays : Number(values.days)
  if (!Number.isFinite(days) || days < 0) {
    throw new FrontdeskError('FD_ERR_CONFIG_INVALID', '--days must be a number of days, 0 or more')
  }
  const store = openStore(config)
  try {
    const purged = await store.purgeBefore(Date.now() - days * 86_400_000)
    io.out(`purged ${purged} conversation(s) older than ${days} day(s)`)
    return Exit.ok
  } finally {
    await store.close()
  }
}
