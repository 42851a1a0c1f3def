import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'

/** What the simulated clients saw during one phase against one target. */
export interface ClientStats {
  /** `text` frames sent. */
  sent: number
  /** Frames acknowledged (the echo: echoed back) for the first time. */
  acked: number
  /** Round trips send → ack, in ms. */
  rtt: number[]
  /** An ack for a client_id already acknowledged on that connection. */
  duplicateAcks: number
  /** An ack for a client_id never sent on that connection. */
  unknownAcks: number
  /** A `message` whose seq was at or below one already received on that connection. */
  duplicateSeqs: number
  /** Seqs skipped: a `message` arrived with a seq more than one above the last. */
  seqGaps: number
  /** The visitor's own message came back with another seq than its ack said. */
  seqMismatches: number
  /** Frames answered with an error frame instead of an ack. */
  refused: number
  /** Error frames by code. */
  errors: Record<string, number>
  /** Closes the client did not ask for, by close code. */
  closes: Record<string, number>
  /** `state` frames by state (Frontdesk). */
  states: Record<string, number>
  /** Requests for a person sent. */
  personRequests: number
  /** Operator messages received. */
  operatorMessages: number
  /** From asking for a person to the operator's reply, in ms. */
  escalationWaits: number[]
  /** Acks that arrived before `windowEnd` (for throughput over the sending window only). */
  ackedInWindow: number
  windowEnd: number
  /** When the last ack arrived (performance.now()). */
  lastAckAt: number
}

export const newStats = (): ClientStats => ({
  sent: 0,
  acked: 0,
  rtt: [],
  duplicateAcks: 0,
  unknownAcks: 0,
  duplicateSeqs: 0,
  seqGaps: 0,
  seqMismatches: 0,
  refused: 0,
  errors: {},
  closes: {},
  states: {},
  personRequests: 0,
  operatorMessages: 0,
  escalationWaits: [],
  ackedInWindow: 0,
  windowEnd: Infinity,
  lastAckAt: 0,
})

const bump = (counts: Record<string, number>, key: string, by = 1): void => {
  counts[key] = (counts[key] ?? 0) + by
}

export type Flavor = 'frontdesk' | 'echo'

export interface VisitorClient {
  /** The language the visitor said hello in and keeps to. */
  lang: string
  /** Resolves at `welcome` (the echo: the hello coming back); rejects if the socket fails first. */
  ready: Promise<void>
  /** Sends a `text` frame; returns its client_id. */
  send(text: string, person?: boolean): string
  /** Frames sent and neither acknowledged nor refused yet. */
  pending(): number
  /** Counts into `stats` from now on (the connection survives the phase it was opened in). */
  track(stats: ClientStats): void
  /** Called whenever one of this client's frames is acknowledged or refused. */
  onSettled?: () => void
  isOpen(): boolean
  close(): void
  /** The conversation from `welcome` (Frontdesk). */
  conversationId(): string | undefined
  /** The highest `message` seq received. */
  lastSeq(): number
}

interface Frame {
  type?: string
  client_id?: string
  seq?: number
  code?: string
  author?: string
  state?: string
  conversation_id?: string
}

/**
 * One simulated visitor on one websocket. Frontdesk: hello, then `text` frames acknowledged by
 * `ack`, with every `message` seq checked (no repeat, no gap) and every ack matched to exactly
 * one frame sent. The echo: the same frames, "acknowledged" by their echo.
 */
export function openVisitor (
  url: string,
  flavor: Flavor,
  id: number,
  lang: string,
  initial: ClientStats
): VisitorClient {
  let stats = initial
  const ws = new WebSocket(url, { perMessageDeflate: false })
  const pending = new Map<string, number>()
  const ackedSeq = new Map<string, number>()
  const messageSeq = new Map<string, number>()
  let lastSeq = 0
  let conversation: string | undefined
  let state = ''
  let counter = 0
  let personSentAt: number | undefined
  let closing = false
  let welcomed: () => void = () => {}
  let failed: (err: Error) => void = () => {}
  const ready = new Promise<void>((resolve, reject) => {
    welcomed = resolve
    failed = reject
  })
  // Whoever awaits `ready` sees the failure; a client nobody waits for must not crash the run.
  ready.catch(() => {})

  const settle = (clientId: string, seq: number | undefined): void => {
    const sentAt = pending.get(clientId)
    if (sentAt === undefined) {
      if (ackedSeq.has(clientId)) stats.duplicateAcks++
      else stats.unknownAcks++
      return
    }
    const now = performance.now()
    pending.delete(clientId)
    stats.acked++
    if (now <= stats.windowEnd) stats.ackedInWindow++
    stats.lastAckAt = now
    stats.rtt.push(now - sentAt)
    ackedSeq.set(clientId, seq ?? 0)
    if (seq !== undefined && messageSeq.has(clientId) && messageSeq.get(clientId) !== seq) stats.seqMismatches++
    client.onSettled?.()
  }

  const onFrontdeskFrame = (f: Frame): void => {
    switch (f.type) {
      case 'welcome':
        conversation = f.conversation_id
        welcomed()
        return
      case 'ack':
        if (f.client_id !== undefined) settle(f.client_id, f.seq)
        return
      case 'message': {
        const seq = f.seq ?? 0
        if (seq <= lastSeq) stats.duplicateSeqs++
        else if (seq > lastSeq + 1) stats.seqGaps += seq - lastSeq - 1
        lastSeq = Math.max(lastSeq, seq)
        if (f.client_id != null && f.author === 'visitor') {
          messageSeq.set(f.client_id, seq)
          const acked = ackedSeq.get(f.client_id)
          if (acked !== undefined && acked !== seq) stats.seqMismatches++
        }
        if (f.author === 'operator') {
          stats.operatorMessages++
          if (personSentAt !== undefined) stats.escalationWaits.push(performance.now() - personSentAt)
          personSentAt = undefined
        }
        return
      }
      case 'state':
        if (f.state !== undefined && f.state !== state) bump(stats.states, f.state)
        state = f.state ?? state
        return
      case 'error':
        bump(stats.errors, f.code ?? 'unknown')
        if (f.client_id !== undefined && pending.delete(f.client_id)) {
          stats.refused++
          client.onSettled?.()
        }
    }
  }

  ws.on('message', (data) => {
    let frame: Frame
    try {
      frame = JSON.parse(String(data)) as Frame
    } catch {
      bump(stats.errors, 'bench: not JSON')
      return
    }
    if (flavor === 'frontdesk') onFrontdeskFrame(frame)
    else if (frame.type === 'hello') welcomed()
    else if (frame.client_id !== undefined) settle(frame.client_id, undefined)
  })
  ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', lang })))
  ws.on('unexpected-response', (_req, res) => {
    failed(new Error(`HTTP ${res.statusCode ?? '?'} on the upgrade`))
    bump(stats.closes, `HTTP ${res.statusCode ?? '?'}`)
    ws.terminate()
  })
  ws.on('error', (err) => {
    failed(err)
    if (!closing) bump(stats.errors, `socket: ${(err as NodeJS.ErrnoException).code ?? err.message}`)
  })
  ws.on('close', (code) => {
    failed(new Error(`closed with ${code} before welcome`))
    if (!closing) bump(stats.closes, String(code))
  })

  const client: VisitorClient = {
    lang,
    ready,
    send (text, person = false) {
      const clientId = `v${id}-${++counter}`
      pending.set(clientId, performance.now())
      if (person) {
        stats.personRequests++
        personSentAt = performance.now()
      }
      stats.sent++
      ws.send(JSON.stringify({ type: 'text', client_id: clientId, text }))
      return clientId
    },
    pending: () => pending.size,
    track (next) {
      stats = next
    },
    isOpen: () => ws.readyState === WebSocket.OPEN,
    close () {
      closing = true
      ws.terminate()
    },
    conversationId: () => conversation,
    lastSeq: () => lastSeq,
  }
  return client
}
