import { join } from 'node:path'
import t from 'tap'
import type { NewMessage } from '../../src/store/types.js'
import { createSqliteStore } from '../../src/store/sqlite.js'
import { addOperator, login } from '../server/helpers.js'
import { spawnServer } from '../server/process.js'
import { percentile } from './helpers.js'

// Issue 12, item 6: 10,000 unanswerable questions from one address made the editors' report take
// 18.4 s of the main thread, and /healthz waited as long.
const Questions = 10_000
const PerConversation = 100
const Syllables = 'ka zu mi tor vel an qui brel om ste fra lun dax pe ro nim sha gol ti wex'.split(' ')

/** A deterministic stream of made-up questions the FAQ cannot answer, nearly all unlike each other. */
function * nonsense (): Generator<string> {
  let seed = 12
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed >> 8
  }
  const word = () => Array.from({ length: 2 + (next() % 2) }, () => Syllables[next() % Syllables.length]).join('')
  for (;;) yield `${Array.from({ length: 3 + (next() % 3) }, word).join(' ')}?`
}

t.test('/healthz answers in under 100 ms while the editors report runs over 10,000 unanswerable questions', async (t) => {
  t.setTimeout(300_000)
  // The server in its own process: a blocked event loop there must not block the probes here.
  const dataDir = t.testdir()
  const store = createSqliteStore({ file: join(dataDir, 'frontdesk.db') })
  await addOperator(store, { username: 'ed', role: 'editor' })
  const b = { store }
  const texts = nonsense()
  const at = Date.now() - 3_600_000
  for (let c = 0; c < Questions / PerConversation; c++) {
    const id = `flood-${c}`
    await b.store.createConversation({
      id,
      state: 'queued',
      lang: 'en',
      visitorName: null,
      pageUrl: null,
      userAgent: null,
      browserLang: 'en',
      tokenHash: 'x',
      createdAt: at,
      updatedAt: at,
      queuedAt: at,
      assignedTo: null,
      assignedAt: null,
      lastVisitorAt: at,
      lastOperatorAt: null,
      remindedAt: null,
      closedAt: null,
      visitorKey: 'one-visitor',
    })
    const messages: NewMessage[] = Array.from({ length: PerConversation }, (_, i) => ({
      author: 'visitor',
      text: texts.next().value as string,
      html: null,
      lang: 'en',
      at: at + c * PerConversation + i,
      kind: null,
      clientId: `q${i}`,
      entryId: null,
      operatorId: null,
      data: { triage: { decision: 'escalate', reason: 'no_match' } },
    }))
    await b.store.appendMessages(id, messages)
  }
  await store.close()
  const server = await spawnServer(t, { DATA_DIR: dataDir })
  const editor = await login(server.url, 'ed')

  // The server's own view: the longest event-loop delay since the last scrape (prom-client resets it).
  const loopLagMax = async (): Promise<number> => {
    const text = await (await fetch(`${server.url}/metrics`)).text()
    return 1000 * Number(/^\S*nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(text)?.[1] ?? NaN)
  }
  const probe = async (ms: number): Promise<number[]> => {
    const out: number[] = []
    for (const end = performance.now() + ms; performance.now() < end;) {
      const start = performance.now()
      await fetch(`${server.url}/healthz`)
      out.push(performance.now() - start)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    return out
  }
  await loopLagMax()
  const quiet = await probe(2000)
  const quietLag = await loopLagMax()
  const health: number[] = []
  let running = true
  const pinger = (async () => {
    while (running) {
      const start = performance.now()
      await fetch(`${server.url}/healthz`)
      health.push(performance.now() - start)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  })()
  const start = performance.now()
  const report = await editor.call('GET', '/api/v1/faq/report?since=7d')
  const took = performance.now() - start
  running = false
  await pinger
  const reportLag = await loopLagMax()
  t.equal(report.status, 200)
  const max = Math.max(...health)
  t.comment(
    `report: ${took.toFixed(0)} ms over ${report.body.questions} questions (${report.body.groups.length} groups); ` +
      `/healthz during it: ${health.length} probes, p50 ${percentile(health, 50).toFixed(1)} ms, ` +
      `p99 ${percentile(health, 99).toFixed(1)} ms, max ${max.toFixed(1)} ms; server event-loop delay max ` +
      `${reportLag.toFixed(1)} ms. Quiet, before it: /healthz p50 ${percentile(quiet, 50).toFixed(1)} ms, ` +
      `max ${Math.max(...quiet).toFixed(1)} ms, event-loop delay max ${quietLag.toFixed(1)} ms`
  )
  // On a saturated machine the process waits for a core now and then, report or not: the quiet
  // server shows it. There, 100 ms cannot be told from the machine's own stalls, and the test
  // checks the order of magnitude instead (the unbounded report held the loop for 8.9 s).
  // The event-loop delay is printed, not asserted: prom-client's maximum missed a 5.6 s block.
  const busy = quietLag > 30 || Math.max(...quiet) > 30
  const bound = busy ? 1000 : 100
  if (busy) t.comment(`the machine is busy (quiet event-loop delay ${quietLag.toFixed(1)} ms): bound ${bound} ms`)
  t.ok(max < bound, `/healthz stays under ${bound} ms while the report runs (max ${max.toFixed(1)} ms)`)
  t.ok(report.body.questions >= Questions, 'every question is counted')
})
