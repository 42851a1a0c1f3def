/**
 * Soak benchmark (issue 7): `npm run bench:soak -- [--visitors N] [--minutes M] [--operators K] [--seed S]`.
 *
 * One real Frontdesk process (SQLite, loopback) and N websocket visitors for M minutes, at a
 * rate one instance sustains (each visitor writes every 10–30 s; one instance acknowledges about
 * 500 messages a second on the project's 2-core machines). A tenth of the messages ask for a
 * person; K simulated operators claim, answer and close those conversations over REST; every
 * 10 s about 1% of the visitors (with nothing in flight) disconnect and new ones take their
 * place. At the end: every acknowledged message must be stored exactly once (read back over
 * the operators' REST API), every message of a connected visitor delivered live without a
 * gap or a repeat, and resident memory must not have grown beyond 10%. Bounded: the run stops
 * by itself and kills its children. The last line of stdout is one JSON object.
 */
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { newStats, openVisitor, type VisitorClient } from './lib/load-client.js'
import { checkDelivery } from './lib/load-delivery.js'
import { drain, sampleRss, sleep } from './lib/load-measure.js'
import { login, newOperatorStats, startOperators } from './lib/load-operators.js'
import { createQuestionPicker, createRandom, loadQuestions } from './lib/load-questions.js'
import { duplicatedOf, percentile } from './lib/load-report.js'
import { frontdeskTarget, killAllChildren } from './lib/load-targets.js'

const Root = join(import.meta.dirname, '..')
const { values } = parseArgs({
  options: {
    visitors: { type: 'string', default: '1000' },
    minutes: { type: 'string', default: '10' },
    operators: { type: 'string', default: '3' },
    seed: { type: 'string', default: '7' },
  },
})
const visitors = Number(values.visitors)
const minutes = Number(values.minutes)
const operatorCount = Number(values.operators)
if (!(visitors >= 1 && visitors <= 5000 && minutes > 0 && minutes <= 60 && operatorCount >= 1 && operatorCount <= 20)) {
  process.stderr.write(
    'usage: npm run bench:soak -- [--visitors 1..5000 (1000)] [--minutes 0<M<=60 (10)] [--operators 1..20 (3)] [--seed S]\n'
  )
  process.exit(2)
}
const MinGapMs = 10_000
const MaxGapMs = 30_000
const EscalateShare = 0.1
const DisconnectEveryMs = 10_000
const DisconnectShare = 0.01

const started = performance.now()
const progress = (line: string): void => {
  process.stderr.write(`bench:soak: ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s  ${line}\n`)
}
process.on('SIGINT', () => {
  killAllChildren()
  process.exit(130)
})

const random = createRandom(Number(values.seed))
const picker = createQuestionPicker(loadQuestions(join(Root, 'faq')), random)
const target = await frontdeskTarget({
  root: Root,
  connections: visitors * 2,
  operators: operatorCount,
  instances: 1,
  database: 'sqlite',
}).start()
try {
  const stats = newStats()
  const sentIds = new Map<VisitorClient, string[]>()
  const all: VisitorClient[] = []
  const nextAt = new Map<VisitorClient, number>()
  let counter = 0
  const open = async (): Promise<VisitorClient> => {
    const lang = picker.lang()
    const client = openVisitor(target.visitorUrl(0), 'frontdesk', ++counter, lang, stats)
    await client.ready
    all.push(client)
    sentIds.set(client, [])
    nextAt.set(client, performance.now() + MinGapMs * random() + 1000)
    return client
  }
  progress(`${target.label} at ${target.httpUrl(0)}: connecting ${visitors} visitors`)
  for (let i = 0; i < visitors; i += 50) await Promise.all(Array.from({ length: Math.min(50, visitors - i) }, open))
  const opStats = newOperatorStats()
  const operators = await startOperators(target.operators, () => target.httpUrl(0), opStats)
  await sleep(2000)
  const rssConnected = await sampleRss(target)
  progress(`connected; RSS ${(rssConnected / 1048576).toFixed(0)} MiB; soaking for ${minutes} min`)

  const soakStart = performance.now()
  const end = soakStart + minutes * 60_000
  // "At start" is after a warm-up (a tenth of the run, at most a minute): JIT, caches and SQLite's page cache fill
  // first.
  const warmAt = soakStart + Math.min(60_000, minutes * 6000)
  let rssStart = 0
  let disconnects = 0
  let lastDisconnect = performance.now()
  let lastReport = performance.now()
  const firstMinute: number[] = []
  while (performance.now() < end) {
    const now = performance.now()
    for (const client of all) {
      if (!client.isOpen() || (nextAt.get(client) ?? Infinity) > now) continue
      const person = random() < EscalateShare
      sentIds
        .get(client)
        ?.push(client.send(person ? picker.personRequest(client.lang) : picker.question(client.lang), person))
      nextAt.set(client, now + MinGapMs + random() * (MaxGapMs - MinGapMs))
    }
    if (now - lastDisconnect >= DisconnectEveryMs) {
      lastDisconnect = now
      const idle = all.filter((c) => c.isOpen() && c.pending() === 0)
      const leaving = idle.filter(() => random() < DisconnectShare)
      for (const c of leaving) {
        c.close()
        nextAt.delete(c)
      }
      disconnects += leaving.length
      await Promise.all(leaving.map(() => open().catch(() => undefined)))
    }
    if (firstMinute.length === 0 && now - soakStart > 60_000) firstMinute.push(...stats.rtt)
    if (rssStart === 0 && now >= warmAt) rssStart = await sampleRss(target)
    if (now - lastReport >= 60_000) {
      lastReport = now
      progress(
        `sent ${stats.sent}, acknowledged ${stats.acked}, refused ${stats.refused}, p99 ${percentile(stats.rtt, 99).toFixed(0)} ms, disconnects ${disconnects}, RSS ${(target.rss() / 1048576).toFixed(0)} MiB, claims ${opStats.claims}`
      )
    }
    await sleep(100)
  }
  const openClients = all.filter((c) => c.isOpen())
  const drained = await drain(openClients, 10, 60)
  await sleep(1000)
  await operators.stop()
  await sleep(1000)
  const rssEnd = await sampleRss(target)
  const account = target.operators[0]!
  const delivery = await checkDelivery(openClients, account, target.httpUrl(0))

  // Every acknowledged message read back from the store: found once, or lost / duplicated.
  const session = await login(target.httpUrl(0), account)
  let storedOnce = 0
  let storedTwice = 0
  let readFailures = 0
  const clients = [...sentIds.entries()]
  let next = 0
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < clients.length) {
        const [client, ids] = clients[next++]!
        if (ids.length === 0 || client.conversationId() === undefined) continue
        const res = await session
          .call('GET', `/api/v1/conversations/${client.conversationId() ?? ''}`)
          .catch(() => undefined)
        if (res?.status !== 200) {
          readFailures++
          continue
        }
        const counts = new Map<string, number>()
        for (const m of (res.body as { messages: { client_id: string | null; author: string }[] }).messages) {
          if (m.author === 'visitor' && m.client_id !== null) {
            counts.set(m.client_id, (counts.get(m.client_id) ?? 0) + 1)
          }
        }
        for (const id of ids) {
          const n = counts.get(id) ?? 0
          if (n >= 1) storedOnce++
          if (n > 1) storedTwice++
        }
      }
    })
  )
  const lost = Math.max(0, stats.acked - storedOnce)
  const duplicates = storedTwice + duplicatedOf(stats)
  const p99 = percentile(stats.rtt, 99)
  const p99First = percentile(firstMinute.length > 0 ? firstMinute : stats.rtt, 99)
  if (rssStart === 0) rssStart = rssConnected
  const growth = (rssEnd - rssStart) / rssStart
  const result = {
    visitors,
    minutes,
    operators: operatorCount,
    seconds: Math.round((performance.now() - started) / 1000),
    sent: stats.sent,
    acknowledged: stats.acked,
    refused: stats.refused,
    pendingAfterDrain: drained.pending,
    errors: stats.errors,
    closes: stats.closes,
    delivered: {
      checkedVisitors: delivery.checked,
      behind: delivery.behind,
      undelivered: delivery.undelivered,
      failures: delivery.failures,
      seqGaps: stats.seqGaps,
      duplicateSeqs: stats.duplicateSeqs,
    },
    stored: storedOnce,
    lost,
    duplicates,
    readFailures,
    escalations: stats.personRequests,
    operatorReplies: opStats.replies,
    claims: opStats.claims,
    closesByOperators: opStats.closes,
    operatorHttpErrors: opStats.httpErrors,
    disconnects,
    p50Ms: Number(percentile(stats.rtt, 50).toFixed(1)),
    p99Ms: Number(p99.toFixed(1)),
    p99FirstMinuteMs: Number(p99First.toFixed(1)),
    rssConnectedMiB: Number((rssConnected / 1048576).toFixed(1)),
    rssStartMiB: Number((rssStart / 1048576).toFixed(1)),
    rssEndMiB: Number((rssEnd / 1048576).toFixed(1)),
    rssGrowth: Number(growth.toFixed(3)),
    pass: {
      lost: lost === 0,
      duplicates: duplicates === 0,
      undelivered: delivery.undelivered === 0,
      rss: growth <= 0.1,
    },
  }
  const mark = (ok: boolean): string => (ok ? '✓' : '✗')
  console.log(
    `Frontdesk soak: ${visitors} visitors for ${minutes} min, ${operatorCount} operators, one SQLite instance on loopback`
  )
  console.log(
    `  messages sent ${result.sent}, acknowledged ${result.acknowledged}, refused ${result.refused}, stored ${result.stored}`
  )
  console.log(
    `  delivered live: ${delivery.checked} connected visitors checked, ${delivery.undelivered} messages undelivered ${mark(result.pass.undelivered)}; seq gaps ${stats.seqGaps}, repeats ${stats.duplicateSeqs}`
  )
  console.log(`  lost ${lost} ${mark(result.pass.lost)}   duplicates ${duplicates} ${mark(result.pass.duplicates)}`)
  console.log(
    `  escalations ${result.escalations}, operator replies ${result.operatorReplies}, random disconnects ${disconnects}`
  )
  console.log(
    `  round trip p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms (first minute p99 ${result.p99FirstMinuteMs} ms)`
  )
  console.log(
    `  RSS ${result.rssConnectedMiB} MiB once connected, ${result.rssStartMiB} MiB at start (after warm-up), ${result.rssEndMiB} MiB at end (${(growth * 100).toFixed(1)}%, goal ≤ 10%) ${mark(result.pass.rss)}`
  )
  console.log(JSON.stringify(result))
} finally {
  await target.stop()
  killAllChildren()
}
process.exit(0)
