import t from 'tap'
import { build, http } from '../server/helpers.js'
import { percentile, sendText, visitor, type Visitor } from './helpers.js'

/** Round trips (send → ack) of `clients` each sending every `everyMs` for `ms`. */
async function roundTrips (clients: Visitor[], prefix: string, ms: number, everyMs: number): Promise<number[]> {
  const times: number[] = []
  const end = Date.now() + ms
  await Promise.all(
    clients.map(async (c, i) => {
      for (let n = 0; Date.now() < end; n++) {
        const start = performance.now()
        const answer = await sendText(c, `${prefix}-${i}-${n}`, `question ${n}: how long does delivery take?`)
        if (answer.type !== 'ack') throw new Error(`not acknowledged: ${JSON.stringify(answer)}`)
        times.push(performance.now() - start)
        await new Promise((resolve) => setTimeout(resolve, everyMs))
      }
    })
  )
  return times
}

t.test(
  'a visitor sending hundreds of messages a second is warned, then disconnected with 4429; the others keep their pace',
  async (t) => {
    // Others may send 100 a minute: their rate stays well under it (one every 2 s each).
    const built = await build(t, { limits: { messagesPerMinute: 100 } })
    const others = await Promise.all(Array.from({ length: 5 }, () => visitor(t, built)))
    const baseline = await roundTrips(others, 'base', 4000, 2000)
    const flooder = await visitor(t, built)
    let sent = 0
    const flood = setInterval(() => {
      for (let i = 0; i < 20 && flooder.ws.readyState === flooder.ws.OPEN; i++) {
        flooder.send({ type: 'text', client_id: `f${sent++}`, text: 'spam spam spam' })
      }
    }, 20) // ~1,000 frames a second
    const during = roundTrips(others, 'during', 4000, 2000)
    const closed = await flooder.closed
    clearInterval(flood)
    const loaded = await during
    t.equal(closed.code, 4429, `the flooder was disconnected with 4429 after ${sent} frames`)
    const refused = flooder.frames.filter((f) => f.type === 'error' && f.code === 'FD_ERR_RATE_LIMITED').length
    t.ok(refused >= 10, `and warned first (${refused} FD_ERR_RATE_LIMITED frames)`)
    const stored = (await built.store.messagesAfter(flooder.conversationId, 0, 100_000)).filter(
      (m) => m.author === 'visitor'
    ).length
    t.ok(stored <= 40, `only the allowance was stored (${stored} of ${sent})`)
    const [b50, b99, l50, l99] = [
      percentile(baseline, 50),
      percentile(baseline, 99),
      percentile(loaded, 50),
      percentile(loaded, 99),
    ]
    t.comment(
      `others' round trip: baseline p50 ${b50.toFixed(1)} ms p99 ${b99.toFixed(1)} ms; during the flood p50 ${l50.toFixed(1)} ms p99 ${l99.toFixed(1)} ms (${(l99 / b99).toFixed(2)}x)`
    )
    // 2x is the goal (bench:soak reports it); on a shared 2-core runner a few ms of noise can
    // double a p99 of a few ms, so the assertion allows 2x plus 250 ms.
    t.ok(l99 <= 2 * b99 + 250, `p99 during the flood ${l99.toFixed(1)} ms ≤ 2 × ${b99.toFixed(1)} ms + 250 ms`)
  }
)

t.test("reconnecting, opening more sockets or switching to HTTP does not renew a flooder's allowance", async (t) => {
  const built = await build(t, { limits: { messagesPerMinute: 30 } })
  const first = await visitor(t, built)
  const hello = { conversation_id: first.conversationId, resume_token: first.resumeToken }
  const sockets = [first, ...(await Promise.all(Array.from({ length: 4 }, () => visitor(t, built, hello))))]
  let acked = 0
  for (let round = 0; round < 3; round++) {
    for (const [i, s] of sockets.entries()) {
      for (let n = 0; n < 5; n++) {
        if (s.ws.readyState !== s.ws.OPEN) break
        const answer = await Promise.race([
          sendText(s, `r${round}s${i}n${n}`, `message ${n}`),
          s.closed.then(() => ({ type: 'closed', code: 'FD_ERR_RATE_LIMITED' })),
        ])
        if (answer.type === 'ack') acked++
        else if (answer.code !== 'FD_ERR_RATE_LIMITED') t.fail(`unexpected ${JSON.stringify(answer)}`)
      }
    }
  }
  for (let n = 0; n < 10; n++) {
    const res = await http(
      built.url,
      'POST',
      `/api/v1/visitor/frames?conversation_id=${first.conversationId}`,
      { type: 'text', client_id: `h${n}`, text: 'over http' },
      { 'x-resume-token': first.resumeToken }
    )
    if (res.status === 200 && res.body.frames[0].type === 'ack') acked++
  }
  t.ok(
    sockets.some((s) => s.ws.readyState !== s.ws.OPEN),
    'the flooding sockets were disconnected'
  )
  t.ok(
    acked <= 12,
    `${acked} of 85 messages over 5 sockets and HTTP were accepted; the allowance is 10 at once per conversation`
  )
})
