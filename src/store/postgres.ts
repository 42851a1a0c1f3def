import pg from 'pg'
import {
  ContactColumns,
  ConversationColumns,
  FaqLinkColumns,
  OperatorColumns,
  ProposalColumns,
  SessionColumns,
} from './schema.js'
import { appendStatement } from './postgres-append.js'
import { isUniqueViolation, migrate, storeError, tryWithLock, withClient } from './postgres-db.js'
import { mergeProposal, openProposal, rowTo, toColumns } from './rows.js'
import { LiveCountsSql, MessageEventsSql, ProposalOrder, VisitorQuestionsSql } from './queries.js'
import type { ConversationFilter, ConversationGuard, Store } from './types.js'

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:5432/database` */
  url: string
  /** Connections this instance keeps to the database at most. @default 10 */
  poolSize?: number
  /** Told about errors of idle connections (the pool replaces them by itself). @default ignored */
  onError?: (err: Error) => void
}

export interface PostgresStore extends Store {
  readonly kind: 'postgres'
  /** Resolves once the schema is migrated; rejects when the database cannot be reached or migrated. */
  ready(): Promise<void>
}

type Row = Record<string, unknown>

/** `a = $3, b = $4` for the row's columns, numbering from `from`. */
const assignments = (row: Row, from: number): string =>
  Object.keys(row)
    .map((c, i) => `${c} = $${from + i}`)
    .join(', ')

/** The guard as SQL conditions on the conversation row, with its parameters numbered from `from`. */
function guardSql (guard: ConversationGuard | undefined, from: number): { sql: string; params: unknown[] } {
  const conditions: string[] = []
  const params: unknown[] = []
  if (guard?.states !== undefined) {
    params.push(guard.states)
    conditions.push(`state = ANY($${from + params.length - 1}::text[])`)
  }
  if (guard?.assignedTo !== undefined) {
    params.push(guard.assignedTo)
    conditions.push(`assigned_to IS NOT DISTINCT FROM $${from + params.length - 1}`)
  }
  return { sql: conditions.map((c) => ` AND ${c}`).join(''), params }
}

/**
 * The scale-out store: several instances share one PostgreSQL database. Every guarded change is
 * one conditional statement (the row lock orders racers), never check-then-write; background
 * jobs take an advisory lock, so they run once across instances. Created synchronously; the
 * schema is migrated on first use (`ready()` waits for it).
 */
export function createPostgresStore (options: PostgresStoreOptions): PostgresStore {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    application_name: 'frontdesk',
    // A database that does not answer fails the request, instead of queueing it forever.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  })
  pool.on('error', (err) => options.onError?.(err))

  // Migrated once; a failed attempt (database down at start) is tried again by the next call.
  let migrated: Promise<void> | undefined
  const ready = (): Promise<void> => {
    migrated ??= migrate(pool).catch((err: unknown) => {
      migrated = undefined
      throw storeError(err)
    })
    return migrated
  }
  ready().catch(() => {
    /* reported to whoever calls next */
  })

  const query = async (sql: string, params: unknown[] = []): Promise<Row[]> => {
    await ready()
    try {
      return (await pool.query<Row>(sql, params)).rows
    } catch (err) {
      throw storeError(err)
    }
  }
  const count = async (sql: string, params: unknown[]): Promise<number> => {
    await ready()
    try {
      return (await pool.query(sql, params)).rowCount ?? 0
    } catch (err) {
      throw storeError(err)
    }
  }
  const insert = async (table: string, row: Row, onConflict = ''): Promise<void> => {
    const cols = Object.keys(row)
    await query(
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) ${onConflict}`,
      Object.values(row)
    )
  }
  const one = async <T>(sql: string, params: unknown[], map: (row: Row) => T): Promise<T | undefined> => {
    const row = (await query(sql, params))[0]
    return row === undefined ? undefined : map(row)
  }
  const running = new Set<string>()
  let closing: Promise<void> | undefined

  return {
    kind: 'postgres',
    location: { kind: 'postgres', url: options.url },
    ready,
    async createConversation (c) {
      await insert('conversations', toColumns({ ...c, lastSeq: 0 }, ConversationColumns))
      return { ...c, lastSeq: 0 }
    },
    getConversation: async (id) => await one('SELECT * FROM conversations WHERE id = $1', [id], rowTo.conversation),
    async listConversations ({ limit = 500, offset = 0, ...filter }) {
      const { where, params } = conversationWhere(filter)
      params.push(limit, offset)
      // COLLATE "C": ids compare byte by byte, as in SQLite, whatever the database's locale.
      const sql = `SELECT * FROM conversations ${where} ORDER BY COALESCE(queued_at, created_at), id COLLATE "C" LIMIT $${params.length - 1} OFFSET $${params.length}`
      return (await query(sql, params)).map(rowTo.conversation)
    },
    async countConversations (filter) {
      const { where, params } = conversationWhere(filter)
      return Number((await query(`SELECT COUNT(*) AS n FROM conversations ${where}`, params))[0]?.n ?? 0)
    },
    async listQueued () {
      const sql = `SELECT id, lang, COALESCE(queued_at, created_at) AS queued_at FROM conversations
        WHERE state = 'queued' ORDER BY COALESCE(queued_at, created_at), id COLLATE "C"`
      return (await query(sql)).map((r) => ({ id: String(r.id), lang: String(r.lang), queuedAt: Number(r.queued_at) }))
    },
    async updateConversation (id, patch, guard) {
      // One statement: a concurrent update of the row makes this one wait, then re-check the
      // guard against the row as committed, so of two racing claims exactly one matches.
      const row = toColumns(patch, ConversationColumns)
      const cols = Object.values(row)
      const { sql, params } = guardSql(guard, 2 + cols.length)
      const statement =
        cols.length === 0
          ? `SELECT * FROM conversations WHERE id = $1${sql}`
          : `UPDATE conversations SET ${assignments(row, 2)} WHERE id = $1${sql} RETURNING *`
      return await one(statement, [id, ...cols, ...params], rowTo.conversation)
    },
    async appendMessages (id, messages, patch, guard) {
      for (let attempt = 1; ; attempt++) {
        const statement = appendStatement(id, messages, patch, guard)
        let row: Row | undefined
        try {
          row = (await query(statement.sql, statement.params))[0]
        } catch (err) {
          // A resend that raced its original: the next try finds it stored (see appendStatement).
          if (attempt < 3 && isUniqueViolation(err, 'messages_client_id')) continue
          throw err
        }
        if (row !== undefined) {
          const conversation = rowTo.conversation(row)
          const first = conversation.lastSeq - statement.messages.length
          return {
            messages: statement.messages.map((m, i) => ({ ...m, seq: first + i + 1 })),
            duplicate: false,
            conversation,
          }
        }
        // Nothing written: a resend of a stored frame, a failed guard or no such conversation.
        const first = messages[0]
        const stored =
          first?.clientId == null
            ? undefined
            : await one(
              'SELECT * FROM messages WHERE conversation_id = $1 AND author = $2 AND client_id = $3',
              [id, first.author, first.clientId],
              rowTo.message
            )
        const conversation =
          stored === undefined
            ? undefined
            : await one('SELECT * FROM conversations WHERE id = $1', [id], rowTo.conversation)
        return stored === undefined || conversation === undefined
          ? undefined
          : { messages: [stored], duplicate: true, conversation }
      }
    },
    async messagesAfter (id, afterSeq, limit = 1000) {
      return (
        await query('SELECT * FROM messages WHERE conversation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3', [
          id,
          afterSeq,
          limit,
        ])
      ).map(rowTo.message)
    },
    async handlingTimes (since, limit) {
      const rows = await query(
        'SELECT closed_at - assigned_at AS ms FROM conversations WHERE closed_at > $1 AND assigned_at IS NOT NULL ORDER BY closed_at DESC LIMIT $2',
        [since, limit]
      )
      return rows.map((r) => Number(r.ms))
    },

    async createOperator (o) {
      await insert('operators', toColumns(o, OperatorColumns))
    },
    getOperator: async (id) => await one('SELECT * FROM operators WHERE id = $1', [id], rowTo.operator),
    getOperatorByUsername: async (username) =>
      await one('SELECT * FROM operators WHERE username = $1', [username], rowTo.operator),
    async listOperators () {
      return (await query('SELECT * FROM operators ORDER BY username COLLATE "C"')).map(rowTo.operator)
    },
    async updateOperator (id, patch) {
      const row = toColumns(patch, OperatorColumns)
      if (Object.keys(row).length > 0) {
        await query(`UPDATE operators SET ${assignments(row, 2)} WHERE id = $1`, [id, ...Object.values(row)])
      }
    },
    async recordLoginFailure (id, at, max, lockMs) {
      // The count is incremented by the database, so parallel failures on several instances all count.
      // A failure after a lock has expired starts a new count (SET sees the row as it was).
      const rows = await query(
        `UPDATE operators SET
        failed_logins = CASE WHEN locked_until <= $4 THEN 1 ELSE failed_logins + 1 END,
        locked_until = CASE WHEN (CASE WHEN locked_until <= $4 THEN 1 ELSE failed_logins + 1 END) >= $2 THEN $3::bigint
          WHEN locked_until <= $4 THEN NULL ELSE locked_until END
        WHERE id = $1 RETURNING failed_logins, locked_until`,
        [id, max, at + lockMs, at]
      )
      const failedLogins = Number(rows[0]?.failed_logins ?? 1)
      const lockedUntil = rows[0]?.locked_until
      return {
        failedLogins,
        lockedUntil: lockedUntil === null || lockedUntil === undefined ? null : Number(lockedUntil),
      }
    },

    async touchPresence (operatorId, instanceId, until) {
      await query(
        'INSERT INTO operator_presence (operator_id, instance_id, until) VALUES ($1, $2, $3) ON CONFLICT (operator_id, instance_id) DO UPDATE SET until = EXCLUDED.until',
        [operatorId, instanceId, until]
      )
    },
    async dropPresence (operatorId, instanceId) {
      await query('DELETE FROM operator_presence WHERE operator_id = $1 AND instance_id = $2', [operatorId, instanceId])
    },
    async onlineOperatorIds (now) {
      return (
        await query(
          'SELECT operator_id FROM operator_presence WHERE until > $1 GROUP BY operator_id ORDER BY operator_id COLLATE "C"',
          [now]
        )
      ).map((r) => String(r.operator_id))
    },

    async createSession (s) {
      await insert('sessions', toColumns(s, SessionColumns))
    },
    getSession: async (idHash) => await one('SELECT * FROM sessions WHERE id_hash = $1', [idHash], rowTo.session),
    async deleteSession (idHash) {
      await query('DELETE FROM sessions WHERE id_hash = $1', [idHash])
    },
    deleteExpiredSessions: async (now) => await count('DELETE FROM sessions WHERE expires_at <= $1', [now]),

    async addContact (c) {
      await insert('contacts', toColumns(c, ContactColumns), 'ON CONFLICT (id) DO NOTHING')
    },
    async listContacts ({ handled, limit = 500 }) {
      const where = handled === undefined ? '' : handled ? 'WHERE handled_at IS NOT NULL' : 'WHERE handled_at IS NULL'
      return (await query(`SELECT * FROM contacts ${where} ORDER BY at LIMIT $1`, [limit])).map(rowTo.contact)
    },
    async markContactHandled (id, operatorId, at) {
      return (
        (await count('UPDATE contacts SET handled_by = $1, handled_at = $2 WHERE id = $3 AND handled_at IS NULL', [
          operatorId,
          at,
          id,
        ])) === 1
      )
    },

    async addFaqLink (link) {
      await insert('faq_links', toColumns(link, FaqLinkColumns), 'ON CONFLICT (id) DO NOTHING')
    },
    async listFaqLinks ({ since = 0, limit = 1000 }) {
      return (await query('SELECT * FROM faq_links WHERE at >= $1 ORDER BY at LIMIT $2', [since, limit])).map(
        rowTo.faqLink
      )
    },

    async upsertProposal (p) {
      const fresh = openProposal(p)
      const row = toColumns(fresh, ProposalColumns)
      const inserted = await query(
        `INSERT INTO faq_proposals (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
          .map((_, i) => `$${i + 1}`)
          .join(', ')})
        ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        Object.values(row)
      )
      if (inserted.length === 1) return { proposal: fresh, created: true }
      // A repeat: merged under the row lock, so two instances adding sources at once both count.
      return await withClient(pool, async (q) => {
        await q('BEGIN')
        try {
          const found = (await q<Row>('SELECT * FROM faq_proposals WHERE dedupe_key = $1 FOR UPDATE', [p.dedupeKey]))
            .rows[0]
          if (found === undefined) throw new Error(`proposal ${p.dedupeKey} vanished`)
          const existing = rowTo.proposal(found)
          if (existing.status !== 'open') {
            await q('COMMIT')
            return { proposal: existing, created: false }
          }
          const merged = mergeProposal(existing, p)
          await q(
            'UPDATE faq_proposals SET sources = $1, support = $2, questions = $3, updated_at = $4 WHERE id = $5',
            [
              JSON.stringify(merged.sources),
              merged.support,
              JSON.stringify(merged.questions),
              merged.updatedAt,
              merged.id,
            ]
          )
          await q('COMMIT')
          return { proposal: merged, created: false }
        } catch (err) {
          await q('ROLLBACK').catch(() => {
            /* the connection is gone: so is the transaction */
          })
          throw storeError(err)
        }
      })
    },
    getProposal: async (id) => await one('SELECT * FROM faq_proposals WHERE id = $1', [id], rowTo.proposal),
    async listProposals ({ status, lang, limit = 200 }) {
      return (
        await query(
          `SELECT * FROM faq_proposals WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR lang = $2) ${ProposalOrder} LIMIT $3`,
          [status ?? null, lang ?? null, limit]
        )
      ).map(rowTo.proposal)
    },
    decideProposal: async (id, d) =>
      await one(
        `UPDATE faq_proposals SET status = $2, decided_by = $3, decided_at = $4, updated_at = $4, file = $5, note = $6
      WHERE id = $1 AND status = 'open' RETURNING *`,
        [id, d.status, d.decidedBy, d.decidedAt, d.file ?? null, d.note ?? null],
        rowTo.proposal
      ),

    async visitorQuestions ({ since, until = Number.MAX_SAFE_INTEGER, limit = 20_000 }) {
      return (await query(VisitorQuestionsSql, [since, until, limit])).map(rowTo.message)
    },
    async conversationsCreated (from, to, limit = 100_000) {
      return (
        await query(
          'SELECT * FROM conversations WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at, id COLLATE "C" LIMIT $3',
          [from, to, limit]
        )
      ).map(rowTo.conversation)
    },
    async messageEvents (from, to, limit = 1_000_000) {
      return (await query(MessageEventsSql, [from, to, limit])).map(rowTo.messageEvent)
    },
    async liveCounts (botSince) {
      const [row] = await query(LiveCountsSql, [botSince])
      return rowTo.liveCounts(row ?? {})
    },

    // Old conversations go, except those with an offline message nobody has handled yet.
    purgeBefore: async (before) =>
      await count(
        'DELETE FROM conversations WHERE updated_at < $1 AND id NOT IN (SELECT conversation_id FROM contacts WHERE handled_at IS NULL)',
        [before]
      ),
    async runExclusive (name, fn) {
      // The local flag saves a round trip; the advisory lock is what holds across instances.
      if (running.has(name)) return false
      running.add(name)
      try {
        await ready()
        return await tryWithLock(pool, name, fn).catch((err: unknown) => {
          throw storeError(err)
        })
      } finally {
        running.delete(name)
      }
    },
    close: () => (closing ??= pool.end()),
  }
}

/** The WHERE clause of a conversation filter, with numbered parameters from $1. */
function conversationWhere ({ states, assignedTo }: ConversationFilter): { where: string; params: unknown[] } {
  const where: string[] = []
  const params: unknown[] = []
  if (states !== undefined) {
    params.push(states)
    where.push(`state = ANY($${params.length}::text[])`)
  }
  if (assignedTo !== undefined) {
    params.push(assignedTo)
    where.push(`assigned_to = $${params.length}`)
  }
  return { where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params }
}
