import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { createEmitterBus } from './local-bus.js'
import type { BusEvent, EventBus } from './types.js'

/** Where the bus reports lost connections and reconnects: pino's (fastify's) logger fits. */
export interface BusLog {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
}

export interface PgBusOptions {
  /** The same database as the store's: `postgres://user:password@host:5432/database` */
  url: string
  /** The NOTIFY channel; instances that share it share events. @default 'frontdesk' */
  channel?: string
  /** @default silent */
  log?: BusLog
  /** First wait before reconnecting the LISTEN connection; it doubles after each failure. @default 100 */
  reconnectMinMs?: number
  /** @default 5000 */
  reconnectMaxMs?: number
  /** How often the LISTEN connection is checked, to notice one that died silently (no RST). @default 15000 */
  heartbeatMs?: number
  /**
   * After a reconnect, conversations updated since this long before the connection was last
   * known good are hinted again: it covers the clocks of other instances being a little off.
   * @default 60000
   */
  catchUpSlackMs?: number
  /** @default Date.now */
  clock?: () => number
}

export interface PgBus extends EventBus {
  /** Resolves once this instance is LISTENing; rejects when the first connection fails. */
  ready(): Promise<void>
}

// A NOTIFY payload must stay under 8000 bytes; hints are packed into as few as fit.
const MaxPayloadBytes = 7000
// Hints waiting while the database is away; beyond this the oldest go (the reconnect catch-up covers them).
const MaxOutbox = 10_000
const CatchUpLimit = 5000
const HeartbeatTimeoutMs = 5000
const EventTypes = new Set(['message', 'conversation', 'typing', 'reminder'])

/** Hints from another instance, checked: a newer instance may send kinds this one does not know. */
function parseHints (payload: string | undefined): { from: string; events: BusEvent[] } | undefined {
  try {
    const parsed = JSON.parse(payload ?? '') as { i?: unknown; e?: unknown }
    if (typeof parsed.i !== 'string' || !Array.isArray(parsed.e)) return undefined
    const events = parsed.e.filter(
      (e): e is BusEvent =>
        typeof e === 'object' && e !== null && EventTypes.has(e.type) && typeof e.conversationId === 'string'
    )
    return { from: parsed.i, events }
  } catch {
    return undefined
  }
}

/** Packs events into NOTIFY payloads tagged with the sender, so it can ignore its own. */
function pack (instance: string, events: BusEvent[]): string[] {
  const payloads: string[] = []
  let batch: string[] = []
  const flush = () => {
    if (batch.length > 0) payloads.push(`{"i":${JSON.stringify(instance)},"e":[${batch.join(',')}]}`)
    batch = []
  }
  let size = 0
  for (const event of events) {
    const json = JSON.stringify(event)
    const bytes = Buffer.byteLength(json) + 1
    if (size + bytes > MaxPayloadBytes) {
      flush()
      size = 0
    }
    batch.push(json)
    size += bytes
  }
  flush()
  return payloads
}

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref()
  })

/**
 * The event bus across instances: `publish` delivers locally at once and sends the hint to the
 * other instances with NOTIFY (batched: one round trip carries every hint published meanwhile);
 * one dedicated connection LISTENs and delivers theirs. Hints carry ids and seqs only: whoever
 * receives one reads the rows from the database. When the LISTEN connection drops, it
 * reconnects with backoff and then hints every conversation that may have changed meanwhile,
 * so subscribers re-read and nothing is missed.
 */
export function createPgBus (options: PgBusOptions): PgBus {
  const local = createEmitterBus()
  const instance = randomUUID()
  const channel = options.channel ?? 'frontdesk'
  const clock = options.clock ?? Date.now
  const log = options.log
  const pool = new pg.Pool({
    connectionString: options.url,
    max: 2,
    application_name: 'frontdesk-notify',
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  })
  pool.on('error', (err) => log?.warn({ err }, 'event bus: a NOTIFY connection failed'))

  let closed = false
  let listener: pg.Client | undefined
  // Last moment the LISTEN connection was known good; kept across failed reconnects until a catch-up succeeds.
  let goodAt = clock()
  let lostSince: number | undefined

  // ---- sending
  let outbox: BusEvent[] = []
  let sending: Promise<void> | undefined
  let failing = false
  const send = async (): Promise<void> => {
    while (outbox.length > 0 && !(closed && failing)) {
      const batch = outbox
      outbox = []
      try {
        await pool.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
          channel,
          pack(instance, batch),
        ])
        failing = false
      } catch (err) {
        failing = true
        if (closed) return
        log?.warn({ err, hints: batch.length }, 'event bus: NOTIFY failed; trying again')
        outbox = [...batch, ...outbox].slice(-MaxOutbox)
        await sleep(options.reconnectMaxMs ?? 5000)
      }
    }
  }
  const publish = (event: BusEvent): void => {
    local.deliver(event)
    if (closed) return
    outbox.push(event)
    sending ??= send().finally(() => {
      sending = undefined
    })
  }

  // ---- receiving
  const onNotification = (msg: pg.Notification): void => {
    goodAt = clock()
    const hints = parseHints(msg.payload)
    if (hints === undefined || hints.from === instance) return
    for (const event of hints.events) local.deliver(event)
  }
  const listen = async (): Promise<void> => {
    const client = new pg.Client({
      connectionString: options.url,
      application_name: 'frontdesk-listen',
      keepAlive: true,
    })
    client.on('error', (err) => lost(client, err))
    client.on('end', () => lost(client, new Error('connection ended')))
    client.on('notification', onNotification)
    try {
      await client.connect()
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`)
    } catch (err) {
      client.removeAllListeners()
      client.on('error', () => {
        /* already given up */
      })
      await client.end().catch(() => {})
      throw err
    }
    listener = client
    goodAt = clock()
  }
  const lost = (client: pg.Client, err: Error): void => {
    if (client !== listener || closed) return
    listener = undefined
    log?.warn({ err }, 'event bus: the LISTEN connection was lost; reconnecting')
    client.end().catch(() => {
      /* it is gone already */
    })
    reconnect()
  }
  let reconnecting = false
  /** Until listening again and caught up; one loop at a time, however often the connection drops meanwhile. */
  const reconnect = (): void => {
    lostSince ??= goodAt
    if (reconnecting) return
    reconnecting = true
    void (async () => {
      let delay = options.reconnectMinMs ?? 100
      while (!closed && (listener === undefined || lostSince !== undefined)) {
        await sleep(delay * (0.8 + Math.random() * 0.4))
        if (closed) break
        try {
          if (listener === undefined) await listen()
          await catchUp()
        } catch (err) {
          log?.warn({ err, retryInMs: delay }, 'event bus: reconnecting failed')
          delay = Math.min(delay * 2, options.reconnectMaxMs ?? 5000)
        }
      }
      reconnecting = false
    })()
  }
  /** Hints every conversation that may have changed while nobody was listening, and every open one. */
  const catchUp = async (): Promise<void> => {
    if (lostSince === undefined) return
    const since = lostSince - (options.catchUpSlackMs ?? 60_000)
    const { rows } = await pool.query<{ id: string; last_seq: number }>(
      `SELECT id, last_seq FROM conversations WHERE updated_at >= $1 OR state IN ('queued', 'assigned')
       ORDER BY updated_at DESC LIMIT ${CatchUpLimit}`,
      [since]
    )
    // Lost again during the query: keep the older mark, so the next catch-up covers both gaps.
    if (listener !== undefined) lostSince = undefined
    for (const row of rows) {
      local.deliver({ type: 'message', conversationId: row.id, seq: Number(row.last_seq) })
      local.deliver({ type: 'conversation', conversationId: row.id })
    }
    log?.info(
      { conversations: rows.length },
      'event bus: listening again; hinted the conversations that may have changed'
    )
  }

  let beating = false
  const heartbeat = setInterval(() => {
    const client = listener
    if (client === undefined || beating) return
    beating = true
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('no answer to the heartbeat')), HeartbeatTimeoutMs).unref()
    })
    Promise.race([client.query('SELECT 1'), timeout])
      .then(
        () => {
          goodAt = clock()
        },
        (err: Error) => lost(client, err)
      )
      .finally(() => {
        clearTimeout(timer)
        beating = false
      })
  }, options.heartbeatMs ?? 15_000)
  heartbeat.unref()

  // Started at once; when the first try fails, ready() says so and the bus keeps trying.
  const first = listen()
  first.catch(() => {
    if (!closed) reconnect()
  })
  return {
    ready: () => first,
    publish,
    subscribe: local.subscribe,
    async close () {
      if (closed) return
      closed = true
      clearInterval(heartbeat)
      // Hints already published still go out, unless the database is away anyway.
      if (!failing) await sending
      const client = listener
      listener = undefined
      await client?.end().catch(() => {})
      await pool.end()
      await local.close()
    },
  }
}
