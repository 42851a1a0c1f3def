import { randomBytes, randomUUID } from 'node:crypto'
import { join } from 'node:path'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import type { Config } from '../config/schema.js'
import { FrontdeskError } from '../core/errors.js'
import { createPgBus } from '../store/pg-bus.js'
import { createPostgresStore } from '../store/postgres.js'
import { createSqliteStore } from '../store/sqlite.js'
import { hashPassword } from '../services/auth.js'
import type { EventBus } from '../store/types.js'
import type { Store } from '../store/types.js'
import frontdeskApp from './app.js'

/** How often Node looks for requests past their timeout. */
export const SlowRequestCheckMs = 1000

/** Headers that must never reach a log line. */
const Redact = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-resume-token"]',
  'req.headers["x-csrf-token"]',
]

/** PostgreSQL when `databaseUrl` is set (migrated on first use), else the SQLite file in `dataDir`. */
export function openStore (config: Config): Store {
  if (config.databaseUrl !== undefined) return createPostgresStore({ url: config.databaseUrl })
  const file = join(config.dataDir, 'frontdesk.db')
  try {
    return createSqliteStore({ file })
  } catch (err) {
    // A read-only or full disk, a missing folder: say which file and why, not a stack trace.
    throw new FrontdeskError(
      'FD_ERR_STORE_UNAVAILABLE',
      `cannot open the database ${file}: ${(err as Error).message} (${(err as { code?: string }).code ?? 'error'}); the data folder must be writable`,
      { cause: err }
    )
  }
}

/**
 * The store and, on PostgreSQL, the bus to the other instances (LISTEN/NOTIFY), both ready
 * (migrated, listening) before the server takes a request. SQLite keeps the in-process bus.
 */
async function openBackend (config: Config, log: FastifyBaseLogger): Promise<{ store: Store; bus?: EventBus }> {
  if (config.databaseUrl === undefined) return { store: openStore(config) }
  const url = config.databaseUrl
  const store = createPostgresStore({
    url,
    onError: (err) => log.warn({ err }, 'PostgreSQL: an idle connection failed'),
  })
  try {
    await store.ready()
  } catch (err) {
    await store.close()
    throw err
  }
  const bus = createPgBus({ url, log })
  try {
    await bus.ready()
  } catch (err) {
    await bus.close()
    await store.close()
    throw err
  }
  return { store, bus }
}

/**
 * Creates the server, listens, and closes it gracefully on SIGINT/SIGTERM: stop accepting,
 * tell websocket clients to reconnect (1001), finish what is in flight, close the store.
 */
export async function startServer (
  config: Config,
  options: { logLevel?: string; signals?: boolean } = {}
): Promise<{ app: FastifyInstance; url: string; demoLogin?: DemoLogin }> {
  const app = Fastify({
    logger: { level: options.logLevel ?? process.env.LOG_LEVEL ?? 'info', redact: Redact },
    // Slow clients are cut off: a request must arrive whole within 30 s, an idle connection goes after 60 s.
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    // Node checks the request timeout only this often (30 s by default, which let a slow-headers
    // client stay up to 60 s): checked every second, the 30 s hold within a second.
    http: { connectionsCheckingInterval: SlowRequestCheckMs },
    keepAliveTimeout: 10_000,
    bodyLimit: 64 * 1024,
    trustProxy: process.env.TRUST_PROXY === '1',
    return503OnClosing: true,
  })
  const { store, bus } = await openBackend(config, app.log)
  let demoLogin: DemoLogin | undefined
  let url: string
  try {
    demoLogin = config.demo ? await ensureDemoOperator(store, config.defaultLang) : undefined
    await app.register(frontdeskApp, { config, store, ...(bus !== undefined && { bus }) })
    app.addHook('onClose', async () => {
      await store.close()
    })
    url = await app.listen({ host: config.host, port: config.port })
  } catch (err) {
    // A failed start must not leave the process running: PostgreSQL's open connections would.
    await app.close().catch(() => {})
    await bus?.close()
    await store.close()
    throw err
  }
  if (options.signals !== false) {
    const stop = (signal: string) => {
      app.log.info(`${signal}: shutting down`)
      app.close().then(
        () => process.exit(0),
        (err: unknown) => {
          app.log.error({ err }, 'shutdown failed')
          process.exit(1)
        }
      )
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  }
  return { app, url, ...(demoLogin !== undefined && { demoLogin }) }
}

/** The demo operator made on the first start in demo mode, with its one-time password. */
export interface DemoLogin {
  username: string
  password: string
}

/**
 * In demo mode, a database without any operator gets one, with a random password shown once,
 * so a newcomer can open the console right away. Never on a database that has operators.
 */
export async function ensureDemoOperator (store: Store, lang: string): Promise<DemoLogin | undefined> {
  if ((await store.listOperators()).length > 0) return undefined
  const login = { username: 'demo', password: randomBytes(12).toString('base64url') }
  try {
    await store.createOperator({
      id: randomUUID(),
      username: login.username,
      name: 'Demo Operator',
      role: 'admin',
      langs: [...new Set([lang, 'en', 'es', 'it', 'ru'])],
      passwordHash: await hashPassword(login.password),
      capacity: 5,
      failedLogins: 0,
      lockedUntil: null,
      createdAt: Date.now(),
      disabled: false,
    })
  } catch (err) {
    // Two instances starting at once on an empty database: the other one made it and showed its password.
    if ((await store.getOperatorByUsername(login.username)) !== undefined) return undefined
    throw err
  }
  return login
}
