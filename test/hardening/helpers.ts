import type { Test } from 'tap'
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
  headers: Record<string, string> = {}
): Promise<Visitor> {
  const client = await connect(t, `${built.wsUrl}/ws/visitor`, headers)
  client.send({ type: 'hello', lang: 'en', ...hello })
  const welcome = await client.next((f) => f.type === 'welcome', 10_000)
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
