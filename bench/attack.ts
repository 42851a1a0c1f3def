/**
 * Attack benchmark (issue 12): `npm run bench:attack -- [--scenario invalid|starts|queue|all] [--seconds S]`.
 *
 * One real Frontdesk process (SQLite, loopback, the shipped limits) and what a bystander sees
 * while one of three attacks runs, each from its own 127.0.x.y source addresses (loopback only):
 * - `invalid`: 10 sockets sending schema-invalid and non-JSON frames as fast as they are answered,
 *   reconnecting when closed (item 1);
 * - `starts`: one address starting and escalating conversations as fast as it can, then a real
 *   visitor asking for a person: is it in the console's queue, and is its position true (item 2);
 * - `queue`: 600 queued visitors (10 per address) and one new escalation a second: server CPU (item 7).
 * The bystander is a new visitor on 127.0.0.1 doing connect + hello + message → ack, one after
 * another, and a GET /healthz every 250 ms. Bounded: every phase stops by itself, children are
 * killed at the end. The last line of stdout is one JSON object.
 */
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import WebSocket from 'ws'
import { login } from './lib/load-operators.js'
import { sleep, startProbe } from './lib/load-measure.js'
import { percentile } from './lib/load-report.js'
import { frontdeskTarget, killAllChildren, type RunningTarget } from './lib/load-targets.js'

const Root = join(import.meta.dirname, '..')
const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'all' },
    seconds: { type: 'string', default: '10' },
  },
})
const seconds = Number(values.seconds)
const scenarios = values.scenario === 'all' ? ['invalid', 'starts', 'queue'] : [values.scenario ?? '']
if (!(seconds >= 2 && seconds <= 60) || !scenarios.every((s) => ['invalid', 'starts', 'queue'].includes(s))) {
  process.stderr.write('usage: npm run bench:attack -- [--scenario invalid|starts|queue|all] [--seconds 2..60 (10)]\n')
  process.exit(2)
}
process.on('SIGINT', () => {
  killAllChildren()
  process.exit(130)
})
const progress = (line: string): void => {
  process.stderr.write(`bench:attack: ${line}\n`)
}
type Frame = Record<string, any>

/** A websocket from `localAddress` that collects frames; `next` waits for one matching (or rejects at the deadline). */
function open (url: string, localAddress = '127.0.0.1', headers: Record<string, string> = {}) {
  const ws = new WebSocket(url, { localAddress, headers, perMessageDeflate: false })
  const frames: Frame[] = []
  let wake: (() => void) | undefined
  let bytes = 0
  ws.on('message', (data) => {
    bytes += (data as Buffer).length
    frames.push(JSON.parse(String(data)))
    wake?.()
  })
  ws.on('error', () => {})
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
  const next = async (match: (f: Frame) => boolean, ms = 10_000): Promise<Frame> => {
    const deadline = Date.now() + ms
    for (;;) {
      const i = frames.findIndex(match)
      if (i !== -1) return frames.splice(i, 1)[0] as Frame
      if (Date.now() > deadline || ws.readyState > ws.OPEN) throw new Error('no such frame in time')
      await new Promise<void>((resolve) => {
        wake = resolve
        setTimeout(resolve, 50)
      })
    }
  }
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
  })
  return { ws, frames, next, closed, opened, bytes: () => bytes, send: (f: unknown) => ws.send(JSON.stringify(f)) }
}

/**
 * Round trips of a new visitor each time (connect + hello + message → ack), one after another, until `stop`; each
 * from its own address (127.0.10+.x), as new visitors are.
 */
type RoundTrips = { count: number; p50Ms: number; p99Ms: number; failed: number }
function bystander (target: RunningTarget): () => Promise<RoundTrips> {
  const times: number[] = []
  let failed = 0
  let stopped = false
  const loop = (async () => {
    for (let n = 0; !stopped; n++) {
      const t0 = performance.now()
      const c = open(target.visitorUrl(0), `127.0.${10 + Math.floor(n / 250)}.${(n % 250) + 1}`)
      try {
        await c.opened
        c.send({ type: 'hello', lang: 'en' })
        await c.next((f) => f.type === 'welcome')
        c.send({ type: 'text', client_id: `b${n}`, text: 'how long does delivery take?' })
        await c.next((f) => f.type === 'ack')
        times.push(performance.now() - t0)
      } catch {
        failed++
      }
      c.ws.terminate()
      await sleep(100)
    }
  })()
  return async () => {
    stopped = true
    await loop
    return {
      count: times.length,
      p50Ms: Math.round(percentile(times, 50) * 10) / 10,
      p99Ms: Math.round(percentile(times, 99) * 10) / 10,
      failed,
    }
  }
}

/** The bystander's figures over `ms`, with `attack` running meanwhile (started, then stopped after). */
async function measured (target: RunningTarget, ms: number, attack?: () => () => Promise<unknown>) {
  const stopAttack = attack?.()
  const stopBystander = bystander(target)
  const stopProbe = startProbe(target)
  const cpu0 = target.cpuSeconds()
  const t0 = performance.now()
  await sleep(ms)
  const cpuPercent = Math.round(((target.cpuSeconds() - cpu0) / ((performance.now() - t0) / 1000)) * 100)
  const [roundTrip, healthz] = await Promise.all([stopBystander(), stopProbe()])
  const attacker = await stopAttack?.()
  return { roundTrip, healthz, serverCpuPercent: cpuPercent, ...(attacker !== undefined && { attacker }) }
}

const BadFrames = [
  '{"type":"text","client_id":"x"}',
  'not json at all',
  '{"type":"nope","a":1}',
  // Near the 16 KiB cap: parsed whole, then refused for a field.
  JSON.stringify({ type: 'hello', lang: 'en', name: 'x'.repeat(15_000) }),
  `{"type":"text","client_id":"y","text":${JSON.stringify(Array.from({ length: 2500 }, (_, i) => i))}}`,
]

/** Item 1: ten sockets flooding invalid frames, reading every reply, reconnecting whenever closed. */
function invalidFlood (target: RunningTarget) {
  let stopped = false
  const stats = { sent: 0, replies: 0, connections: 0, closes: {} as Record<string, number> }
  const one = async (k: number): Promise<void> => {
    // Back into the same conversation after every close: a resume is not a new start.
    let resume: Frame = {}
    while (!stopped) {
      const c = open(target.visitorUrl(0), `127.0.1.${k + 1}`)
      stats.connections++
      try {
        await c.opened
        c.send({ type: 'hello', lang: 'en', ...resume })
        const welcome = await c.next((f) => f.type === 'welcome')
        resume = { conversation_id: welcome.conversation_id, resume_token: welcome.resume_token }
        let sent = 0
        let replies = 0
        while (!stopped && c.ws.readyState === c.ws.OPEN) {
          // As fast as the replies come back: at most 100 unanswered at a time.
          if (sent - replies < 100) {
            for (let i = 0; i < 20; i++, sent++) c.ws.send(BadFrames[stats.sent++ % BadFrames.length] as string)
          }
          await new Promise((resolve) => setImmediate(resolve))
          replies += c.frames.splice(0).length
        }
        stats.replies += replies
        if (!stopped) {
          const code = String(await c.closed)
          stats.closes[code] = (stats.closes[code] ?? 0) + 1
        }
      } catch {
        await sleep(50)
      }
      c.ws.terminate()
    }
  }
  const running = Array.from({ length: 10 }, (_, k) => one(k))
  return async () => {
    stopped = true
    await Promise.all(running)
    return stats
  }
}

/** The console: an operator online over /ws/operator, collecting queue frames. */
async function console_ (target: RunningTarget) {
  const session = await login(target.httpUrl(0), target.operators[0]!)
  const c = open(`${target.visitorUrl(0).replace('/ws/visitor', '/ws/operator')}`, '127.0.0.1', { cookie: session.cookie })
  await c.opened
  c.send({ type: 'hello' })
  await c.next((f) => f.type === 'queue')
  return { session, c }
}

/** A visitor from `address` that asks for a person; resolves with its socket once queued. */
async function escalated (target: RunningTarget, address: string, id: string) {
  const c = open(target.visitorUrl(0), address)
  await c.opened
  c.send({ type: 'hello', lang: 'en' })
  const welcome = await c.next((f) => f.type === 'welcome')
  c.send({ type: 'handoff', client_id: id })
  await c.next((f) => f.type === 'ack' || f.type === 'error')
  const state = await c.next((f) => f.type === 'state' && f.state === 'queued', 15_000)
  return { c, id: welcome.conversation_id as string, state }
}

/** Item 2: one address starting and escalating conversations for `ms` (20 at a time, up to 2,000). */
async function startFlood (target: RunningTarget, ms: number) {
  const stats = { started: 0, refused: 0 }
  const end = Date.now() + ms
  const sockets: WebSocket[] = []
  await Promise.all(
    Array.from({ length: 20 }, async (_, k) => {
      for (let n = 0; Date.now() < end && stats.started + stats.refused < 2000; n++) {
        const c = open(target.visitorUrl(0), '127.0.1.50')
        try {
          await c.opened
          c.send({ type: 'hello', lang: 'en' })
          await c.next((f) => f.type === 'welcome', 5000)
          c.send({ type: 'handoff', client_id: `h${k}-${n}` })
          const answer = await c.next((f) => f.type === 'ack' || f.type === 'error', 5000)
          if (answer.type === 'ack') stats.started++
          else stats.refused++
        } catch {
          stats.refused++
        }
        c.ws.terminate()
      }
    })
  )
  for (const s of sockets) s.terminate()
  return stats
}

async function scenario (name: string): Promise<Record<string, unknown>> {
  const target = await frontdeskTarget({
    root: Root,
    connections: 0,
    operators: 1,
    instances: 1,
    database: 'sqlite',
    // The shipped defaults, but for the queue scenario's 600 visitors on 60 addresses.
    limits: {},
  }).start()
  try {
    if (name === 'invalid') {
      const quiet = await measured(target, seconds * 1000)
      progress(`invalid: quiet ${JSON.stringify(quiet)}`)
      const attack = await measured(target, seconds * 1000, () => invalidFlood(target))
      progress(`invalid: attack ${JSON.stringify(attack)}`)
      return { quiet, attack }
    }
    const { session, c: op } = await console_(target)
    if (name === 'starts') {
      const quiet = await measured(target, seconds * 1000)
      let flood: Awaited<ReturnType<typeof startFlood>> | undefined
      const attack = await measured(target, seconds * 1000, () => {
        const done = startFlood(target, seconds * 1000).then((s) => (flood = s))
        return async () => await done
      })
      const real = await escalated(target, '127.0.0.1', 'real')
      await sleep(1000)
      const frames = op.frames.filter((f) => f.type === 'queue')
      const last = frames.at(-1)
      const list = await session.call('GET', '/api/v1/conversations?state=queued')
      const all: Frame[] = list.body.conversations ?? []
      // Every escalation of the flood is queued ahead of the real visitor, who came last.
      const truePosition = (flood?.started ?? 0) + 1
      const result = {
        quiet,
        attack,
        flood,
        queuedTotal: list.body.total ?? all.length,
        realInRestList: all.some((x) => x.id === real.id),
        realInQueueFrame: (last?.conversations ?? []).some((x: Frame) => x.id === real.id),
        queueFrameKB: Math.round(JSON.stringify(last ?? {}).length / 1024),
        realToldPosition: real.state.queue_position,
        realTruePosition: truePosition,
      }
      progress(`starts: ${JSON.stringify(result)}`)
      return result
    }
    // queue: 600 queued visitors, 10 per address, then one escalation a second.
    const queued: Awaited<ReturnType<typeof escalated>>[] = []
    for (let a = 0; a < 60; a++) {
      queued.push(
        ...(await Promise.all(Array.from({ length: 10 }, (_, i) => escalated(target, `127.0.2.${a + 1}`, `q${a}-${i}`))))
      )
    }
    progress(`queue: ${queued.length} visitors queued`)
    await sleep(2000)
    const idle = await measured(target, seconds * 1000)
    progress(`queue: idle ${JSON.stringify(idle)}`)
    const arrivals = await measured(target, seconds * 1000, () => {
      let n = 0
      const timer = setInterval(() => {
        void escalated(target, `127.0.3.${(n % 200) + 1}`, `new${n++}`).catch(() => {})
      }, 1000)
      return async () => {
        clearInterval(timer)
        return { escalations: n }
      }
    })
    progress(`queue: one escalation a second ${JSON.stringify(arrivals)}`)
    const last = queued.at(-1)!
    const told = last.c.frames.filter((f) => f.type === 'state').at(-1)?.queue_position ?? last.state.queue_position
    for (const q of queued) q.c.ws.terminate()
    return { idle, arrivals, lastQueuedToldPosition: told }
  } finally {
    await target.stop()
  }
}

const results: Record<string, unknown> = {}
for (const name of scenarios) {
  progress(`${name}: starting (${seconds} s per phase)`)
  results[name] = await scenario(name)
}
killAllChildren()
process.stdout.write(`${JSON.stringify(results)}\n`)
