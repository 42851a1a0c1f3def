import { ContactColumns, ConversationColumns, FaqLinkColumns, MessageColumns, OperatorColumns, SessionColumns } from './schema.js'
import type { Contact, Conversation, FaqLink, Message, Operator, Session } from './types.js'

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
  conversation: (row: Row): Conversation => mapRow(row, ConversationColumns, timeFields(
    'createdAt', 'updatedAt', 'lastSeq', 'queuedAt', 'assignedAt', 'lastVisitorAt', 'lastOperatorAt', 'remindedAt', 'closedAt')),
  message: (row: Row): Message => mapRow(row, MessageColumns, { ...timeFields('seq', 'at'), data: json }),
  operator: (row: Row): Operator => mapRow(row, OperatorColumns, {
    ...timeFields('capacity', 'failedLogins', 'lockedUntil', 'createdAt'), langs: json, disabled: (v) => Number(v) === 1 || v === true,
  }),
  session: (row: Row): Session => mapRow(row, SessionColumns, timeFields('createdAt', 'expiresAt')),
  contact: (row: Row): Contact => mapRow(row, ContactColumns, timeFields('at', 'handledAt')),
  faqLink: (row: Row): FaqLink => mapRow(row, FaqLinkColumns, timeFields('seq', 'at')),
}

/** Field values as column values: JSON for structured fields, 0/1 for booleans. */
export function toColumns (values: object, columns: Columns): Row {
  const out: Row = {}
  for (const [field, value] of Object.entries(values)) {
    const column = columns[field]
    if (column === undefined || value === undefined) continue
    out[column] = typeof value === 'boolean' ? (value ? 1 : 0) : (value !== null && typeof value === 'object') ? JSON.stringify(value) : value
  }
  return out
}
