import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Config } from '../config/schema.js'
import type { ConversationCase, TurnExpectation } from '../core/faq/conversations-file.js'
import { createRedactor } from '../core/redact/index.js'
import type { Content } from '../content/load.js'
import { availabilityFrom } from '../services/availability.js'
import { createConversationService } from '../services/conversations.js'
import { createLocalBus } from '../store/local-bus.js'
import { createSqliteStore } from '../store/sqlite.js'
import type { Message } from '../store/types.js'

/** What a turn led to, read from the messages the bot and the system added after it. */
export type TurnOutcome =
  | { kind: 'answer'; entryId: string }
  | { kind: 'choices'; entryIds: string[] }
  | { kind: 'smalltalk' | 'thanked' | 'handoff' | 'offline' | 'nothing' }

export interface TurnResult {
  conversation: ConversationCase
  turn: number
  got: TurnOutcome
  ok: boolean
}

/** A fixed start and a few seconds per turn: follow-ups fall inside their window on any day. */
const Start = Date.UTC(2026, 0, 5, 10)
const TurnMs = 5000

function outcomeOf (added: Message[]): TurnOutcome {
  const answer = added.find((m) => m.author === 'bot' && m.kind === 'answer')
  if (answer !== undefined) return { kind: 'answer', entryId: answer.entryId ?? '' }
  const clarify = added.find((m) => m.kind === 'clarify')
  if (clarify !== undefined) {
    const choices = (clarify.data?.choices as { entryId: string }[] | undefined) ?? []
    return { kind: 'choices', entryIds: choices.map((c) => c.entryId) }
  }
  if (added.some((m) => m.kind === 'offline')) return { kind: 'offline' }
  if (added.some((m) => m.kind === 'queue' || m.kind === 'escalate')) return { kind: 'handoff' }
  if (added.some((m) => m.kind === 'feedback_yes')) return { kind: 'thanked' }
  if (added.some((m) => m.kind?.startsWith('smalltalk_') === true)) return { kind: 'smalltalk' }
  return { kind: 'nothing' }
}

function passes (expect: TurnExpectation, got: TurnOutcome): boolean {
  switch (expect.kind) {
    case 'answer':
      return got.kind === 'answer' && got.entryId === expect.entryId
    case 'choices':
      return got.kind === 'choices' && got.entryIds.includes(expect.entryId)
    case 'handoff':
      return got.kind === 'handoff' || got.kind === 'offline'
    default:
      return got.kind === expect.kind
  }
}

/** How an outcome reads in a report: `answer returns`, `choices [a, b]`, `smalltalk`. */
export function describeOutcome (got: TurnOutcome): string {
  if (got.kind === 'answer') return `answer ${got.entryId}`
  if (got.kind === 'choices') return `choices [${got.entryIds.join(', ')}]`
  return got.kind
}

/**
 * Plays each conversation through the real conversation service, on a throwaway SQLite file,
 * with nobody online (so a handoff offers the offline form) and a clock that moves a few seconds
 * a turn. Every turn is judged on what the bot and the system said after it.
 */
export async function runConversationTests (
  cases: readonly ConversationCase[],
  content: Content,
  config: Config
): Promise<TurnResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-conversations-'))
  const store = createSqliteStore({ file: join(dir, 'test.db') })
  let now = Start
  const service = createConversationService({
    store,
    bus: createLocalBus(),
    clock: () => now,
    content: () => content,
    availability: availabilityFrom(config.hours),
    presence: { online: async () => [], anyoneOnline: async () => false },
    redactor: createRedactor({ rules: config.redaction }),
    options: { maxTextLength: config.maxTextLength, shop: config.shop },
  })
  const results: TurnResult[] = []
  try {
    for (const c of cases) {
      const opened = await service.open({ type: 'hello', lang: c.lang })
      if (!opened.ok) throw new Error(`frontdesk faq test: cannot start a conversation: ${opened.message}`)
      const id = opened.conversation.id
      for (const [i, turn] of c.turns.entries()) {
        now += TurnMs
        const outcome = await service.handle(id, { type: 'text', client_id: `t${i}`, text: turn.say })
        const added = outcome.ok ? await store.messagesAfter(id, outcome.seq) : []
        const got = outcomeOf(added)
        results.push({ conversation: c, turn: i, got, ok: outcome.ok && passes(turn.expect, got) })
      }
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return results
}
