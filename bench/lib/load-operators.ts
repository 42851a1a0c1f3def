import WebSocket from 'ws'
import { sleep } from './load-measure.js'
import type { OperatorAccount } from './load-targets.js'

/** What the simulated operators did. */
export interface OperatorStats {
  online: number
  polls: number
  claims: number
  /** Claims lost to another operator (409): the expected outcome of a race, not a failure. */
  claimConflicts: number
  replies: number
  closes: number
  /** `queue` frames received on /ws/operator. */
  queueFrames: number
  /** Unexpected HTTP answers, by "METHOD path-kind status". */
  httpErrors: Record<string, number>
}

const PollMs = 100
/** An operator gives up on a request after this long (a console would show an error and retry). */
const RequestTimeoutMs = 10_000
const Replies: Record<string, string> = {
  en: 'Hi, this is the support team: I have checked your order and everything is on its way.',
  es: 'Hola, soy del equipo de atención: he revisado tu pedido y todo está en camino.',
  it: 'Ciao, sono del servizio clienti: ho controllato il tuo ordine ed è tutto in viaggio.',
  ru: 'Здравствуйте, это служба поддержки: я проверил ваш заказ, всё уже в пути.',
}

export interface Session {
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>
  cookie: string
}

export async function login (url: string, account: OperatorAccount, abort?: AbortSignal): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  })
  if (res.status !== 200) {
    throw new Error(`bench:load: login of ${account.username} failed: ${res.status} ${await res.text()}`)
  }
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const { csrf_token: csrf } = (await res.json()) as { csrf_token: string }
  return {
    cookie,
    async call (method, path, body) {
      const what = `${method} ${
        path
          .split('?')[0]
          ?.split('/')
          .slice(3)
          .map((p, i) => (i === 1 ? ':id' : p))
          .join('/') ?? path
      }`
      const r = await fetch(`${url}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrf, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal:
          abort === undefined
            ? AbortSignal.timeout(RequestTimeoutMs)
            : AbortSignal.any([abort, AbortSignal.timeout(RequestTimeoutMs)]),
      }).catch((err: unknown) => {
        const cause = (err as { cause?: { code?: string; message?: string } }).cause
        throw new Error(
          `${what}: ${(err as Error).name === 'TimeoutError' ? `no answer in ${RequestTimeoutMs / 1000} s` : `${(err as Error).message}${cause === undefined ? '' : ` (${cause.code ?? cause.message})`}`}`
        )
      })
      const text = await r.text()
      return { status: r.status, body: text === '' ? null : JSON.parse(text) }
    },
  }
}

/**
 * Operators as the console drives them: logged in over REST, online through /ws/operator, and
 * working the queue over REST: claim the oldest queued conversation they can get, reply at
 * once, close it so the queue does not pile up. Each operator starts at a different place in
 * the queue so the three do not all race for the same conversation.
 */
export async function startOperators (
  accounts: OperatorAccount[],
  urlFor: (i: number) => string,
  stats: OperatorStats
): Promise<{ stop(): Promise<void> }> {
  let stopped = false
  // Stopping aborts the requests in flight: a server drowning in a backlog may never answer them.
  const abort = new AbortController()
  const sockets: WebSocket[] = []
  const fail = (key: string): void => {
    stats.httpErrors[key] = (stats.httpErrors[key] ?? 0) + 1
  }

  /** One pass over the queue; true when it handled a conversation. */
  const pass = async (
    account: OperatorAccount,
    index: number,
    session: Session,
    next: () => number
  ): Promise<boolean> => {
    stats.polls++
    const list = await session.call('GET', '/api/v1/conversations?state=queued')
    if (list.status !== 200) {
      fail(`GET conversations ${list.status}`)
      return false
    }
    const queued = (list.body as { conversations: { id: string; lang: string }[] }).conversations
    let handled = false
    for (let k = 0; k < queued.length && !stopped; k++) {
      const conv = queued[(k + index) % queued.length] as { id: string; lang: string }
      const claim = await session.call('POST', `/api/v1/conversations/${conv.id}/claim`, {})
      if (claim.status === 409) {
        stats.claimConflicts++
        continue
      }
      if (claim.status !== 200) {
        fail(`POST claim ${claim.status}`)
        continue
      }
      stats.claims++
      handled = true
      const reply = await session.call('POST', `/api/v1/conversations/${conv.id}/messages`, {
        client_id: `${account.username}-${next()}`,
        text: Replies[conv.lang] ?? Replies.en,
      })
      if (reply.status === 200) stats.replies++
      else fail(`POST messages ${reply.status}`)
      const close = await session.call('POST', `/api/v1/conversations/${conv.id}/close`, {})
      if (close.status === 200) stats.closes++
      else fail(`POST close ${close.status}`)
    }
    return handled
  }

  const work = async (account: OperatorAccount, index: number, session: Session): Promise<void> => {
    let n = 0
    while (!stopped) {
      let handled = false
      try {
        handled = await pass(account, index, session, () => ++n)
      } catch (err) {
        // A request that timed out or failed at the socket: count it and carry on, as a console would.
        if (!stopped) fail((err as Error).message)
      }
      if (!handled) await sleep(PollMs)
    }
  }

  const sessions = await Promise.all(accounts.map((a, i) => login(urlFor(i), a, abort.signal)))
  await Promise.all(
    sessions.map(async (s, i) => {
      const ws = new WebSocket(`${urlFor(i).replace(/^http/, 'ws')}/ws/operator`, {
        headers: { cookie: s.cookie },
        perMessageDeflate: false,
      })
      sockets.push(ws)
      ws.on('message', (data) => {
        if ((JSON.parse(String(data)) as { type?: string }).type === 'queue') stats.queueFrames++
      })
      ws.on('error', () => fail('operator websocket error'))
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve())
        ws.once('error', reject)
      })
      ws.send(JSON.stringify({ type: 'hello' }))
    })
  )
  stats.online = sockets.length
  const loops = accounts.map((a, i) => work(a, i, sessions[i] as Session))
  return {
    async stop () {
      stopped = true
      abort.abort()
      await Promise.all(loops)
      for (const ws of sockets) ws.terminate()
    },
  }
}

export const newOperatorStats = (): OperatorStats => ({
  online: 0,
  polls: 0,
  claims: 0,
  claimConflicts: 0,
  replies: 0,
  closes: 0,
  queueFrames: 0,
  httpErrors: {},
})
