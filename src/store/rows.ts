import { distinctVisitors } from '../core/learning/support.js'
import {
  ContactColumns,
  ConversationColumns,
  FaqLinkColumns,
  MessageColumns,
  OperatorColumns,
  ProposalColumns,
  SessionColumns,
} from './schema.js'
import type {
  Contact,
  Conversation,
  FaqLink,
  LiveCounts,
  Message,
  MessageEvent,
  NewProposal,
  Operator,
  Proposal,
  Session,
} from './types.js'

type Columns = Record<string, string>
type Row = Record<string, unknown>

/** Numbers come back from PostgreSQL BIGINT as strings; everything else is as stored. */
function num (v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v)
}

function mapRow<T> (row: Row, columns: Columns, convert: Record<string, (v: unknown) => unknown> = {}): T {
  const out: Row = {}
  for (const [field, column] of Object.entries(columns)) {
    const value = row[column]
    const fn = convert[field]
    out[field] = fn !== undefined ? fn(value) : (value ?? null)
  }
  return out as T
}

const timeFields = (...fields: string[]) => Object.fromEntries(fields.map((f) => [f, num]))
const json = (v: unknown): unknown => (v === null || v === undefined ? null : JSON.parse(String(v)))

export const rowTo = {
  liveCounts: (row: Row): LiveCounts => ({
    queued: Number(row.queued),
    oldestQueuedAt: num(row.oldest_queued_at),
    assigned: Number(row.assigned),
    offline: Number(row.offline),
    recentBot: Number(row.recent_bot),
    openContacts: Number(row.open_contacts),
  }),
  conversation: (row: Row): Conversation =>
    mapRow(
      row,
      ConversationColumns,
      timeFields(
        'createdAt',
        'updatedAt',
        'lastSeq',
        'queuedAt',
        'assignedAt',
        'lastVisitorAt',
        'lastOperatorAt',
        'remindedAt',
        'closedAt'
      )
    ),
  message: (row: Row): Message => mapRow(row, MessageColumns, { ...timeFields('seq', 'at'), data: json }),
  operator: (row: Row): Operator =>
    mapRow(row, OperatorColumns, {
      ...timeFields('capacity', 'failedLogins', 'lockedUntil', 'createdAt'),
      langs: json,
      disabled: (v) => Number(v) === 1 || v === true,
    }),
  session: (row: Row): Session => mapRow(row, SessionColumns, timeFields('createdAt', 'expiresAt')),
  contact: (row: Row): Contact => mapRow(row, ContactColumns, timeFields('at', 'handledAt')),
  faqLink: (row: Row): FaqLink => mapRow(row, FaqLinkColumns, timeFields('seq', 'at')),
  proposal: (row: Row): Proposal =>
    mapRow(row, ProposalColumns, {
      ...timeFields('support', 'createdAt', 'updatedAt', 'decidedAt'),
      questions: json,
      sources: json,
    }),
  messageEvent: (row: Row): MessageEvent =>
    mapRow(row, MessageEventColumns, { ...timeFields('seq', 'at'), data: json }),
}

/** The message columns analytics read: no text, no html. */
export const MessageEventColumns = Object.fromEntries(
  Object.entries(MessageColumns).filter(([field]) => !['text', 'html', 'clientId'].includes(field))
)

/** Adds `next`'s sources to `p` (distinct by conversation and seq): what a repeated proposal changes. */
/** A proposal seen for the first time: open, undecided, supported by its sources' people. */
export function openProposal (p: NewProposal): Proposal {
  return {
    ...p,
    support: distinctVisitors(p.sources),
    status: 'open',
    updatedAt: p.createdAt,
    decidedBy: null,
    decidedAt: null,
    file: null,
    note: null,
  }
}

export function mergeProposal (p: Proposal, next: NewProposal): Proposal {
  const seen = new Set(p.sources.map((s) => `${s.conversationId}:${s.seq}`))
  const added = next.sources.filter((s) => !seen.has(`${s.conversationId}:${s.seq}`))
  const questions = [...p.questions, ...next.questions.filter((q) => !p.questions.includes(q))]
  return {
    ...p,
    sources: [...p.sources, ...added],
    support: distinctVisitors([...p.sources, ...added]),
    questions,
    updatedAt: Math.max(p.updatedAt, next.createdAt),
  }
}

/** Field values as column values: JSON for structured fields, 0/1 for booleans. */
export function toColumns (values: object, columns: Columns): Row {
  const out: Row = {}
  for (const [field, value] of Object.entries(values)) {
    const column = columns[field]
    if (column === undefined || value === undefined) continue
    out[column] =
      typeof value === 'boolean'
        ? value
          ? 1
          : 0
        : value !== null && typeof value === 'object'
          ? JSON.stringify(value)
          : value
  }
  return out
}
