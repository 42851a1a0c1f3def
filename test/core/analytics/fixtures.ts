import type { ConversationInput, MessageInput } from '../../../src/core/analytics/index.js'

export const H = 3_600_000
export const T0 = Date.parse('2026-03-02T09:00:00Z')

/** A conversation started at `T0 + at`, with the bot, from the browser `key`. */
export function conv (id: string, over: Partial<ConversationInput> = {}): ConversationInput {
  return {
    id,
    state: 'bot',
    lang: 'en',
    createdAt: T0,
    queuedAt: null,
    assignedTo: null,
    closedAt: null,
    visitorKey: 'k-anna',
    ...over,
  }
}

/**
 * Messages as the services write them, from a compact script: each step is
 * `[author, kind, at(ms after T0), extra]`. The greeting comes first, as in real conversations.
 */
export function script (
  conversationId: string,
  steps: [MessageInput['author'], string | null, number, Partial<MessageInput>?][]
): MessageInput[] {
  const greeting: MessageInput = {
    conversationId,
    seq: 1,
    author: 'bot',
    at: T0,
    kind: 'greeting',
    entryId: null,
    operatorId: null,
    data: null,
  }
  return [
    greeting,
    ...steps.map(([author, kind, at, extra], i): MessageInput => ({
      conversationId,
      seq: i + 2,
      author,
      at: T0 + at,
      kind,
      entryId: null,
      operatorId: null,
      data: null,
      ...extra,
    })),
  ]
}

/** A typed question the bot answered with `entry`, followed by the bot's answer and the "did this help?" prompt. */
export const answered = (
  entry: string,
  at = 1000
): [MessageInput['author'], string | null, number, Partial<MessageInput>?][] => [
  ['visitor', null, at, { data: { triage: { decision: 'answer', entryId: entry, confidence: 0.93 } } }],
  ['bot', 'answer', at, { entryId: entry }],
  ['bot', 'feedback', at],
]

export const escalatedQuestion = (
  at = 1000
): [MessageInput['author'], string | null, number, Partial<MessageInput>?][] => [
  ['visitor', null, at, { data: { triage: { decision: 'escalate', reason: 'low_confidence', confidence: 0.1 } } }],
  ['system', 'escalate', at],
  ['system', 'queue', at],
]
