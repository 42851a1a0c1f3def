import { request } from 'node:http'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Test } from 'tap'
import type { Store } from '../../src/store/types.js'
import { connect, type Built, type Client } from '../server/helpers.js'

export interface Visitor extends Client {
  conversationId: string
  resumeToken: string
}

/** A visitor websocket that has said hello and got its welcome. */
export async function visitor (
  t: Test,
  built: Pick<Built, 'wsUrl'>,
  hello: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  from?: string
): Promise<Visitor> {
  const client = await connect(t, `${built.wsUrl}/ws/visitor`, headers, { localAddress: from })
  client.send({ type: 'hello', lang: 'en', ...hello })
  const welcome = await Promise.race([
    client.next((f) => f.type === 'welcome', 10_000),
    client.closed.then((c) => {
      throw new Error(`closed with ${c.code} before the welcome`)
    }),
  ])
  return Object.assign(client, {
    conversationId: welcome.conversation_id as string,
    resumeToken: welcome.resume_token as string,
  })
}

/** Sends one text frame and waits for its ack (or error), returning that frame. */
export async function sendText (
  client: Client,
  clientId: string,
  text: string,
  ms = 10_000
): Promise<Record<string, any>> {
  client.send({ type: 'text', client_id: clientId, text })
  return await client.next((f) => (f.type === 'ack' || f.type === 'error') && f.client_id === clientId, ms)
}

/** Everything stored of a conversation, as comparable rows. */
export async function snapshot (built: Pick<Built, 'store'>, id: string): Promise<unknown[]> {
  const messages = await built.store.messagesAfter(id, 0, 100_000)
  return messages.map((m) => [m.seq, m.author, m.text, m.clientId])
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile (values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** An HTTP request from `from` (a loopback address standing for another client); JSON in and out. */
export async function httpFrom (
  from: string,
  url: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<{ status: number; body: any }> {
  const data = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  return await new Promise((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      {
        method,
        localAddress: from,
        headers: { ...(data !== undefined && { 'content-type': 'application/json' }), ...headers },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          text += chunk
        })
        res.on('end', () => {
          let parsed: unknown = text
          try {
            parsed = text === '' ? null : JSON.parse(text)
          } catch {
            /* not JSON: keep the text */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed })
        })
      }
    )
    req.on('error', reject)
    req.end(data)
  })
}

/** A new visitor over the HTTP fallback from `from`: its conversation and resume token. */
export async function httpVisitor (
  from: string,
  url: string,
  hello: Record<string, unknown> = {}
): Promise<{ status: number; conversationId?: string; resumeToken?: string; body: any }> {
  const res = await httpFrom(from, url, 'POST', '/api/v1/visitor/frames', { type: 'hello', lang: 'en', ...hello })
  const welcome = res.body?.frames?.[0]
  return {
    status: res.status,
    body: res.body,
    ...(welcome?.type === 'welcome' && { conversationId: welcome.conversation_id, resumeToken: welcome.resume_token }),
  }
}

/** Waits until `done()` holds, checking every 20 ms, up to `ms`; returns whether it did. */
export async function until (done: () => boolean, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms
  while (!done()) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return true
}

/** Round trip of the `n`th new visitor, each on its own address (127.0.10+.x): connect, hello, a message, ack (ms). */
export async function bystanderRoundTrip (t: Test, built: Pick<Built, 'wsUrl'>, n: number): Promise<number> {
  const start = performance.now()
  const v = await visitor(t, built, {}, {}, `127.0.${10 + Math.floor(n / 250)}.${(n % 250) + 1}`)
  const answer = await sendText(v, `b${n}`, 'how long does delivery take?')
  if (answer.type !== 'ack') throw new Error(`not acknowledged: ${JSON.stringify(answer)}`)
  v.ws.terminate()
  return performance.now() - start
}

/** Sends one text frame: 'ack', the error code, or 'closed' if the socket closed first. */
export async function trySend (client: Client, clientId: string, text: string): Promise<string> {
  if (client.ws.readyState !== client.ws.OPEN) return 'closed'
  const answer = await Promise.race([sendText(client, clientId, text, 15_000), client.closed.then(() => undefined)])
  return answer === undefined ? 'closed' : answer.type === 'ack' ? 'ack' : String(answer.code)
}

/** `count` queued conversations straight in the store, queued a second apart from `since`. */
export async function seedQueued (store: Store, count: number, since: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const id = `seeded-${String(i).padStart(5, '0')}`
    const at = since + i * 1000
    await store.createConversation({
      id,
      state: 'queued',
      lang: 'en',
      visitorName: `Seeded ${i}`,
      pageUrl: null,
      userAgent: null,
      browserLang: null,
      tokenHash: 'x'.repeat(64),
      createdAt: at,
      updatedAt: at,
      queuedAt: at,
      assignedTo: null,
      assignedAt: null,
      lastVisitorAt: null,
      lastOperatorAt: null,
      remindedAt: null,
      closedAt: null,
      visitorKey: null,
    })
    ids.push(id)
  }
  return ids
}

/**
 * A small tmpfs of `size` (`2m`, `4m`) for a data or FAQ folder that fills up, unmounted with
 * the test; undefined where mounting is not allowed (not root), and the test then says it skipped.
 */
export function smallDisk (t: Test, size: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-disk-'))
  t.teardown(() => {
    try {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' })
    } catch {
      /* not mounted */
    }
    rmSync(dir, { recursive: true, force: true })
  })
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' })
    return dir
  } catch {
    return undefined
  }
}
