import { randomBytes, randomUUID } from 'node:crypto'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Config } from '../config/schema.js'
import { createSqliteStore } from '../store/sqlite.js'
import { hashPassword } from '../services/auth.js'
import type { Store } from '../store/types.js'
import frontdeskApp from './app.js'

/** Headers that must never reach a log line. */
const Redact = ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-resume-token"]', 'req.headers["x-csrf-token"]']

export function openStore (config: Config): Store {
  return createSqliteStore({ file: join(config.dataDir, 'frontdesk.db') })
}

/**
 * Creates the server, listens, and closes it gracefully on SIGINT/SIGTERM: stop accepting,
 * tell websocket clients to reconnect (1001), finish what is in flight, close the store.
 */
export async function startServer (config: Config, options: { logLevel?: string, signals?: boolean } = {}): Promise<{ app: FastifyInstance, url: string, demoLogin?: DemoLogin }> {
  const store = openStore(config)
  const demoLogin = config.demo ? await ensureDemoOperator(store, config.defaultLang) : undefined
  const app = Fastify({
    logger: { level: options.logLevel ?? process.env.LOG_LEVEL ?? 'info', redact: Redact },
    // Slow clients are cut off: a request must arrive whole within 30 s, an idle connection goes after 60 s.
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 10_000,
    bodyLimit: 64 * 1024,
    trustProxy: process.env.TRUST_PROXY === '1',
    return503OnClosing: true,
  })
  await app.register(frontdeskApp, { config, store })
  app.addHook('onClose', async () => { await store.close() })
  const url = await app.listen({ host: config.host, port: config.port })
  if (options.signals !== false) {
    const stop = (signal: string) => {
      app.log.info(`${signal}: shutting down`)
      app.close().then(() => process.exit(0), (err: unknown) => { app.log.error({ err }, 'shutdown failed'); process.exit(1) })
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  }
  return { app, url, ...(demoLogin !== undefined && { demoLogin }) }
}

export interface DemoLogin { username: string, password: string }

/**
 * In demo mode, a database without any operator gets one, with a random password shown once,
 * so a newcomer can open the console right away. Never on a database that has operators.
 */
export async function ensureDemoOperator (store: Store, lang: string): Promise<DemoLogin | undefined> {
  if ((await store.listOperators()).length > 0) return undefined
  const login = { username: 'demo', password: randomBytes(12).toString('base64url') }
  await store.createOperator({
    id: randomUUID(), username: login.username, name: 'Demo Operator', role: 'admin', langs: [...new Set([lang, 'en', 'es', 'it', 'ru'])],
    passwordHash: await hashPassword(login.password), capacity: 5, failedLogins: 0, lockedUntil: null, createdAt: Date.now(), disabled: false,
  })
  return login
}
