import pg from 'pg'
import { FrontdeskError } from '../core/errors.js'
import { migrations } from './schema.js'

/**
 * The plumbing under the PostgreSQL store: error mapping, dedicated clients, advisory locks and
 * migrations. Everything here works on a `pg.Pool`; the store itself is in postgres.ts.
 */

/** First key of every advisory lock Frontdesk takes ("FD"), so it cannot collide with other applications' locks. */
export const LockSpace = 0x4644
/** The lock held while migrating; job locks use the job's name, which never has this form. */
const MigrationLock = 'frontdesk:schema-migrations'

// SQLSTATE classes that mean "the database cannot serve now", not "this statement is wrong":
// 08 connection exception, 53 insufficient resources, 57 operator intervention (shutdown,
// terminated), 58 system error; 25006 is a read-only transaction (a standby).
const Unavailable = /^(08|53|57|58)|^25006$/

/**
 * A lost or refused connection becomes `FD_ERR_STORE_UNAVAILABLE` (HTTP 503, "try again"), as
 * SQLite's read-only or full disk does; any other error (a constraint, a bug) is left as it is.
 */
export function storeError (err: unknown): unknown {
  if (!(err instanceof Error) || err instanceof FrontdeskError) return err
  const unavailable =
    err instanceof pg.DatabaseError
      ? Unavailable.test(err.code ?? '')
      : typeof (err as NodeJS.ErrnoException).code === 'string' || /connect|terminated|timeout/i.test(err.message)
  return unavailable
    ? new FrontdeskError('FD_ERR_STORE_UNAVAILABLE', `PostgreSQL: ${err.message}`, { cause: err })
    : err
}

export const isUniqueViolation = (err: unknown, constraint: string): boolean =>
  err instanceof pg.DatabaseError && err.code === '23505' && err.constraint === constraint

/**
 * Runs `fn` on one client of the pool. A client whose own query failed is destroyed rather than
 * returned to the pool: it may be broken, or still hold a session lock, which must not outlive it.
 */
export async function withClient<T> (pool: pg.Pool, fn: (query: pg.PoolClient['query']) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  let healthy = true
  // A checked-out client reports a dropped connection as an 'error' event, which would crash
  // the process unheard; the query in flight rejects too, and that is where it is handled.
  const onError = (): void => {
    healthy = false
  }
  client.on('error', onError)
  const query = (async (...args: Parameters<pg.PoolClient['query']>) => {
    try {
      return await (client.query as (...a: unknown[]) => Promise<unknown>)(...args)
    } catch (err) {
      // A statement error leaves the connection usable; only a connection error spoils it.
      if (!(err instanceof pg.DatabaseError) || Unavailable.test(err.code ?? '')) healthy = false
      throw err
    }
  }) as pg.PoolClient['query']
  try {
    return await fn(query)
  } finally {
    client.off('error', onError)
    client.release(!healthy)
  }
}

/**
 * `fn` under the session-level advisory lock `name`, if no session in the database holds it:
 * returns false without running it otherwise. The lock lives on one dedicated client for the
 * duration, and goes with it if that connection dies, so a crashed instance never keeps a job locked.
 */
export async function tryWithLock (pool: pg.Pool, name: string, fn: () => Promise<void>): Promise<boolean> {
  return await withClient(pool, async (query) => {
    const { rows } = await query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [
      LockSpace,
      name,
    ])
    if (rows[0]?.ok !== true) return false
    try {
      await fn()
    } finally {
      await query('SELECT pg_advisory_unlock($1, hashtext($2))', [LockSpace, name])
    }
    return true
  })
}

/**
 * Applies the migrations not applied yet, each in its own transaction with its version row.
 * Several instances starting at once wait for each other on an advisory lock, so each
 * migration runs once and nobody sees a half-made schema.
 */
export async function migrate (pool: pg.Pool, now: () => number = Date.now): Promise<void> {
  await withClient(pool, async (query) => {
    await query('SELECT pg_advisory_lock($1, hashtext($2))', [LockSpace, MigrationLock])
    try {
      await query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)'
      )
      const { rows } = await query<{ v: number }>('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations')
      const done = Number(rows[0]?.v ?? 0)
      for (const [i, sql] of migrations('postgres').entries()) {
        const version = i + 1
        if (version <= done) continue
        await query('BEGIN')
        try {
          await query(sql)
          await query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, now()])
          await query('COMMIT')
        } catch (err) {
          await query('ROLLBACK').catch(() => {
            /* the connection is gone: so is the transaction */
          })
          throw new FrontdeskError(
            'FD_ERR_STORE_UNAVAILABLE',
            `PostgreSQL: schema migration ${version} failed: ${(err as Error).message}`,
            { cause: err }
          )
        }
      }
    } finally {
      await query('SELECT pg_advisory_unlock($1, hashtext($2))', [LockSpace, MigrationLock])
    }
  })
}
