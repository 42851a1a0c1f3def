import { randomUUID } from 'node:crypto'
import { toColumns } from './rows.js'
import { ConversationColumns, MessageColumns } from './schema.js'
import type { ConversationGuard, ConversationPatch, Message, NewMessage } from './types.js'

// The message columns that come from the caller, with their types for unnest(); the
// conversation id and the seq come from the conversation row being updated.
const Carried = {
  id: 'text',
  author: 'text',
  text: 'text',
  html: 'text',
  lang: 'text',
  at: 'bigint',
  kind: 'text',
  client_id: 'text',
  entry_id: 'text',
  operator_id: 'text',
  data: 'text',
} as const
const CarriedColumns = Object.keys(Carried) as (keyof typeof Carried)[]

/** Messages as they will be stored, but for their seq, which the database assigns. */
export type Unnumbered = Omit<Message, 'seq'>

/**
 * An append as one statement, so it needs one round trip and no explicit transaction:
 *
 * - `UPDATE conversations SET last_seq = last_seq + n … RETURNING` allocates the seqs. The row
 *   lock it takes makes concurrent appends to a conversation (from any instance) wait for each
 *   other, and the waiting one re-reads the row as committed, so seqs stay gap-free.
 * - The guard and "this client id is not stored yet" are conditions of that UPDATE: when one
 *   fails, nothing is updated and nothing inserted.
 * - The INSERT takes its rows from the UPDATE's result, numbered from the new last_seq.
 *
 * One race is left to the unique index on (conversation_id, author, client_id): the NOT EXISTS reads
 * the snapshot from before the wait, so a resend racing its original can pass it and then fail
 * on the index. The caller tries again; the new statement sees the stored message.
 */
export function appendStatement (
  id: string,
  messages: NewMessage[],
  patch: ConversationPatch | undefined,
  guard: ConversationGuard | undefined
): { sql: string; params: unknown[]; messages: Unnumbered[] } {
  const unnumbered = messages.map((m) => ({ ...m, id: m.id ?? randomUUID(), conversationId: id }))
  const rows = unnumbered.map((m) => toColumns(m, MessageColumns))
  const params: unknown[] = [id, unnumbered.length]
  const param = (value: unknown): string => {
    params.push(value)
    return `$${params.length}`
  }

  const last = unnumbered.at(-1)
  const set = toColumns({ ...(last !== undefined && { updatedAt: last.at }), ...patch }, ConversationColumns)
  const assignments = [
    'last_seq = last_seq + $2',
    ...Object.entries(set).map(([column, value]) => `${column} = ${param(value)}`),
  ]
  const conditions = ['id = $1']
  if (guard?.states !== undefined) conditions.push(`state = ANY(${param(guard.states)}::text[])`)
  if (guard?.assignedTo !== undefined) conditions.push(`assigned_to IS NOT DISTINCT FROM ${param(guard.assignedTo)}`)
  const first = messages[0]
  if (first?.clientId != null) {
    conditions.push(
      `NOT EXISTS (SELECT 1 FROM messages WHERE conversation_id = $1 AND author = ${param(first.author)} AND client_id = ${param(first.clientId)})`
    )
  }
  const arrays = CarriedColumns.map((column) => `${param(rows.map((r) => r[column] ?? null))}::${Carried[column]}[]`)

  const sql = `WITH updated AS (
      UPDATE conversations SET ${assignments.join(', ')} WHERE ${conditions.join(' AND ')} RETURNING *
    ), inserted AS (
      INSERT INTO messages (conversation_id, seq, ${CarriedColumns.join(', ')})
      SELECT updated.id, updated.last_seq - $2 + m.ord, ${CarriedColumns.map((c) => `m.${c}`).join(', ')}
      FROM updated, unnest(${arrays.join(', ')}) WITH ORDINALITY AS m (${CarriedColumns.join(', ')}, ord)
    )
    SELECT * FROM updated`
  return { sql, params, messages: unnumbered }
}
