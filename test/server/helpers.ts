import Fastify, { type FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { join } from 'node:path'
import type { Test } from 'tap'
import WebSocket from 'ws'
import { configFrom } from '../../src/config/load.js'
import type { Config } from '../../src/config/schema.js'
import { loadContent, type Content } from '../../src/content/load.js'
import frontdeskApp from '../../src/server/app.js'
import { createSqliteStore } from '../../src/store/sqlite.js'
import type { Store } from '../../src/store/types.js'

export interface Built {
  app: FastifyInstance
  store: Store
  url: string
  wsUrl: string
  config: Config
}

let sample: Promise<Content> | undefined

/** The sample FAQ and templates, loaded once per test process: every app in it serves the same. */
async function sampleContent (config: Config): Promise<Content> {
  sample ??= loadContent(config).then((r) => {
    if (r.content === undefined) throw new Error(`the sample content does not load: ${JSON.stringify(r.problems)}`)
    return r.content
  })
  return await sample
}

/**
 * The app on a real SQLite file and a real loopback port, with the sample FAQ and templates.
 * Torn down with the test: websocket clients first, then the server, then the store.
 */
export async function build (
  t: Test,
  overrides: Record<string, unknown> = {},
  options: { clock?: () => number; log?: (line: string) => void } = {}
): Promise<Built> {
  const dir = t.testdir()
  const config = configFrom({ dataDir: dir, ...overrides }, {})
  const store = createSqliteStore({ file: join(dir, 'frontdesk.db') })
  const log = options.log
  const app = Fastify({
    logger: log === undefined ? false : { level: 'warn', stream: { write: (line: string) => log(line) } },
  })
  const shared = ['faqDir', 'templatesDir', 'defaultLang', 'thresholds', 'shop'].every((key) => !(key in overrides))
  const content = shared ? await sampleContent(config) : undefined
  // fp: the app's decorations (app.frontdesk) are visible to the test.
  await app.register(fp(frontdeskApp), {
    config,
    store,
    watchContent: false,
    clock: options.clock,
    content,
    jobs: false,
  })
  const address = await app.listen({ host: '127.0.0.1', port: 0 })
  t.teardown(async () => {
    for (const client of app.websocketServer?.clients ?? []) client.terminate()
    await app.close()
    await store.close()
  })
  return { app, store, url: address, wsUrl: address.replace(/^http/, 'ws'), config }
}

export interface Client {
  ws: WebSocket
  frames: Record<string, unknown>[]
  send(frame: unknown): void
  /** The next frame (not yet consumed) matching, waiting up to `ms`. */
  next(match: (f: Record<string, any>) => boolean, ms?: number): Promise<Record<string, any>>
  closed: Promise<{ code: number; reason: string }>
}

/** A websocket client; `localAddress` (a 127.x.y.z address) stands for another client machine. */
export async function connect (
  t: Test,
  url: string,
  headers: Record<string, string> = {},
  options: { localAddress?: string } = {}
): Promise<Client> {
  const ws = new WebSocket(url, { headers, ...options })
  const frames: Record<string, unknown>[] = []
  const waiters: (() => void)[] = []
  const consumed = new Set<number>()
  ws.on('message', (data) => {
    frames.push(JSON.parse(String(data)))
    for (const w of waiters.splice(0)) w()
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) }))
  )
  t.teardown(() => ws.terminate())
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  const client: Client = {
    ws,
    frames,
    closed,
    send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    async next (match, ms = 3000) {
      const deadline = Date.now() + ms
      for (;;) {
        const index = frames.findIndex((f, i) => !consumed.has(i) && match(f))
        if (index !== -1) {
          consumed.add(index)
          return frames[index] as Record<string, any>
        }
        const left = deadline - Date.now()
        if (left <= 0) {
          throw new Error(
            `no matching frame within ${ms} ms; got ${JSON.stringify(frames.filter((_, i) => !consumed.has(i))).slice(0, 1500)}`
          )
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left)
          waiters.push(() => {
            clearTimeout(timer)
            resolve()
          })
        })
      }
    },
  }
  return client
}

export async function addOperator (
  store: Store,
  over: {
    username: string
    name?: string
    langs?: string[]
    role?: 'operator' | 'editor' | 'admin'
    password?: string
  }
): Promise<void> {
  const { hashPassword } = await import('../../src/services/auth.js')
  await store.createOperator({
    id: `op-${over.username}`,
    username: over.username,
    name: over.name ?? over.username,
    role: over.role ?? 'operator',
    langs: over.langs ?? ['en'],
    passwordHash: await hashPassword(over.password ?? 'correct horse battery'),
    capacity: 3,
    failedLogins: 0,
    lockedUntil: null,
    createdAt: 0,
    disabled: false,
  })
}

export interface Session {
  cookie: string
  csrf: string
  /** fetch with the session cookie and CSRF header; JSON in and out. */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any }>
}

export async function login (url: string, username: string, password = 'correct horse battery'): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const { csrf_token: csrf } = (await res.json()) as { csrf_token: string }
  return {
    cookie,
    csrf,
    call: (method, path, body, headers = {}) =>
      http(url, method, path, body, { cookie, 'x-csrf-token': csrf, ...headers }),
  }
}

export async function http (
  url: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = text === '' ? null : JSON.parse(text)
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: parsed }
}

/**
 * Resolves once `check()` holds, polling every 20 ms; rejects after `ms` naming `what`.
 * Tests wait for a state with this, never for a fixed time.
 */
export async function until (check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
