import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { randomUUID } from 'node:crypto'
import Database from 'better-sqlite3'
import {
  ContactColumns,
  ConversationColumns,
  FaqLinkColumns,
  MessageColumns,
  OperatorColumns,
  ProposalColumns,
  SessionColumns,
  migrations,
} from './schema.js'
import { mergeProposal, openProposal, rowTo, toColumns } from './rows.js'
import { LiveCountsSql, MessageEventsSql, ProposalOrder, VisitorQuestionsSql } from './queries.js'
import type {
  AppendResult,
  Conversation,
  ConversationFilter,
  ConversationGuard,
  ConversationPatch,
  NewProposal,
  Proposal,
  Store,
} from './types.js'

export interface SqliteStoreOptions {
  /** Path of the database file, or ':memory:'. */
  file: string
  /**
   * `normal` keeps every committed transaction through a crash of the process (WAL); `full` also
   * through a power cut, at the cost of an fsync per commit. @default 'normal'
   */
  synchronous?: 'normal' | 'full'
}

/** The embedded default: one file, WAL mode, every multi-row change in one IMMEDIATE transaction. */
export function createSqliteStore (options: SqliteStoreOptions): Store {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true })
  const db = new Database(options.file)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`)
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)

  // Statements are prepared once per distinct SQL text: preparing is a large share of a
  // message's cost otherwise. The set of texts is small (one per column combination used).
  const statements = new Map<string, Database.Statement>()
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql)
    if (statement === undefined) statements.set(sql, (statement = db.prepare(sql)))
    return statement
  }
  const getConversation = db.prepare('SELECT * FROM conversations WHERE id = ?')
  const messageByClientId = db.prepare(
    'SELECT * FROM messages WHERE conversation_id = ? AND author = ? AND client_id = ?'
  )
  const insert = (table: string, row: Record<string, unknown>, onConflict = ''): void => {
    const cols = Object.keys(row)
    prepare(
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')}) ${onConflict}`
    ).run(row)
  }
  const insertOnce = (table: string, row: Record<string, unknown>): void => {
    insert(table, row, 'ON CONFLICT (id) DO NOTHING')
  }
  const guarded = (id: string, guard: ConversationGuard | undefined): Conversation | undefined => {
    const row = getConversation.get(id) as Record<string, unknown> | undefined
    if (row === undefined) return undefined
    const c = rowTo.conversation(row)
    if (guard?.states !== undefined && !guard.states.includes(c.state)) return undefined
    if (guard?.assignedTo !== undefined && c.assignedTo !== guard.assignedTo) return undefined
    return c
  }
  const patchConversation = (id: string, patch: ConversationPatch & { lastSeq?: number }): void => {
    const row = toColumns(patch, ConversationColumns)
    const cols = Object.keys(row)
    if (cols.length === 0) return
    prepare(`UPDATE conversations SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @__id`).run({
      ...row,
      __id: id,
    })
  }

  const update = db.transaction((id: string, patch: ConversationPatch, guard?: ConversationGuard) => {
    if (guarded(id, guard) === undefined) return undefined
    patchConversation(id, patch)
    return rowTo.conversation(getConversation.get(id) as Record<string, unknown>)
  })

  const append = db.transaction(
    (
      id: string,
      messages: Parameters<Store['appendMessages']>[1],
      patch?: ConversationPatch,
      guard?: ConversationGuard
    ): AppendResult | undefined => {
      const first = messages[0]
      if (first?.clientId != null) {
        const existing = messageByClientId.get(id, first.author, first.clientId) as Record<string, unknown> | undefined
        if (existing !== undefined) {
          return {
            messages: [rowTo.message(existing)],
            duplicate: true,
            conversation: rowTo.conversation(getConversation.get(id) as Record<string, unknown>),
          }
        }
      }
      const conversation = guarded(id, guard)
      if (conversation === undefined) return undefined
      let seq = conversation.lastSeq
      const stored = messages.map((m) => ({ ...m, id: m.id ?? randomUUID(), conversationId: id, seq: ++seq }))
      for (const m of stored) insert('messages', toColumns(m, MessageColumns))
      const at = stored.at(-1)?.at ?? conversation.updatedAt
      patchConversation(id, { updatedAt: at, ...patch, lastSeq: seq })
      return {
        messages: stored,
        duplicate: false,
        conversation: rowTo.conversation(getConversation.get(id) as Record<string, unknown>),
      }
    }
  )

  const failLogin = db.transaction((id: string, at: number, max: number, lockMs: number) => {
    const row = db.prepare('SELECT failed_logins, locked_until FROM operators WHERE id = ?').get(id) as
      { failed_logins: number; locked_until: number | null } | undefined
    // A failure after a lock has expired starts a new count.
    const expired = row?.locked_until != null && row.locked_until <= at
    const failedLogins = expired ? 1 : (row?.failed_logins ?? 0) + 1
    const lockedUntil = failedLogins >= max ? at + lockMs : expired ? null : (row?.locked_until ?? null)
    db.prepare('UPDATE operators SET failed_logins = ?, locked_until = ? WHERE id = ?').run(
      failedLogins,
      lockedUntil,
      id
    )
    return { failedLogins, lockedUntil }
  })

  const proposalByKey = db.prepare('SELECT * FROM faq_proposals WHERE dedupe_key = ?')
  const upsertProposal = db.transaction((p: NewProposal): { proposal: Proposal; created: boolean } => {
    const row = proposalByKey.get(p.dedupeKey) as Record<string, unknown> | undefined
    if (row === undefined) {
      const proposal = openProposal(p)
      insert('faq_proposals', toColumns(proposal, ProposalColumns))
      return { proposal, created: true }
    }
    const existing = rowTo.proposal(row)
    if (existing.status !== 'open') return { proposal: existing, created: false }
    const merged = mergeProposal(existing, p)
    prepare('UPDATE faq_proposals SET sources = ?, support = ?, questions = ?, updated_at = ? WHERE id = ?').run(
      JSON.stringify(merged.sources),
      merged.support,
      JSON.stringify(merged.questions),
      merged.updatedAt,
      merged.id
    )
    return { proposal: merged, created: false }
  })

  const running = new Set<string>()

  return {
    kind: 'sqlite',
    ...(options.file !== ':memory:' && { location: { kind: 'sqlite' as const, file: options.file } }),
    async createConversation (c) {
      insert('conversations', toColumns({ ...c, lastSeq: 0 }, ConversationColumns))
      return { ...c, lastSeq: 0 }
    },
    async getConversation (id) {
      const row = getConversation.get(id) as Record<string, unknown> | undefined
      return row === undefined ? undefined : rowTo.conversation(row)
    },
    async listConversations ({ limit = 500, offset = 0, ...filter }) {
      const { where, params } = conversationWhere(filter)
      const sql = `SELECT * FROM conversations ${where} ORDER BY COALESCE(queued_at, created_at), id LIMIT ? OFFSET ?`
      return (prepare(sql).all(...params, limit, offset) as Record<string, unknown>[]).map(rowTo.conversation)
    },
    async countConversations (filter) {
      const { where, params } = conversationWhere(filter)
      return (prepare(`SELECT COUNT(*) AS n FROM conversations ${where}`).get(...params) as { n: number }).n
    },
    async listQueued () {
      const sql = `SELECT id, lang, COALESCE(queued_at, created_at) AS queued_at FROM conversations
        WHERE state = 'queued' ORDER BY COALESCE(queued_at, created_at), id`
      return (prepare(sql).all() as { id: string; lang: string; queued_at: number }[]).map((r) => ({
        id: r.id,
        lang: r.lang,
        queuedAt: r.queued_at,
      }))
    },
    async updateConversation (id, patch, guard) {
      return update.immediate(id, patch, guard)
    },
    async appendMessages (id, messages, patch, guard) {
      return append.immediate(id, messages, patch, guard)
    },
    async messagesAfter (id, afterSeq, limit = 1000) {
      return (
        prepare('SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?').all(
          id,
          afterSeq,
          limit
        ) as Record<string, unknown>[]
      ).map(rowTo.message)
    },

    async handlingTimes (since, limit) {
      return (
        db
          .prepare(
            'SELECT closed_at - assigned_at AS ms FROM conversations WHERE closed_at > ? AND assigned_at IS NOT NULL ORDER BY closed_at DESC LIMIT ?'
          )
          .all(since, limit) as { ms: number }[]
      ).map((r) => Number(r.ms))
    },

    async createOperator (o) {
      insert('operators', toColumns(o, OperatorColumns))
    },
    async getOperator (id) {
      const row = prepare('SELECT * FROM operators WHERE id = ?').get(id) as Record<string, unknown> | undefined
      return row === undefined ? undefined : rowTo.operator(row)
    },
    async getOperatorByUsername (username) {
      const row = db.prepare('SELECT * FROM operators WHERE username = ?').get(username) as
        Record<string, unknown> | undefined
      return row === undefined ? undefined : rowTo.operator(row)
    },
    async listOperators () {
      return (prepare('SELECT * FROM operators ORDER BY username').all() as Record<string, unknown>[]).map(
        rowTo.operator
      )
    },
    async updateOperator (id, patch) {
      const row = toColumns(patch, OperatorColumns)
      const cols = Object.keys(row)
      if (cols.length > 0) {
        db.prepare(`UPDATE operators SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @__id`).run({
          ...row,
          __id: id,
        })
      }
    },
    async recordLoginFailure (id, at, max, lockMs) {
      return failLogin.immediate(id, at, max, lockMs)
    },

    async touchPresence (operatorId, instanceId, until) {
      db.prepare(
        'INSERT INTO operator_presence (operator_id, instance_id, until) VALUES (?, ?, ?) ON CONFLICT (operator_id, instance_id) DO UPDATE SET until = excluded.until'
      ).run(operatorId, instanceId, until)
    },
    async dropPresence (operatorId, instanceId) {
      db.prepare('DELETE FROM operator_presence WHERE operator_id = ? AND instance_id = ?').run(operatorId, instanceId)
    },
    async onlineOperatorIds (now) {
      return (
        prepare('SELECT DISTINCT operator_id FROM operator_presence WHERE until > ? ORDER BY operator_id').all(now) as {
          operator_id: string
        }[]
      ).map((r) => r.operator_id)
    },

    async createSession (s) {
      insert('sessions', toColumns(s, SessionColumns))
    },
    async getSession (idHash) {
      const row = db.prepare('SELECT * FROM sessions WHERE id_hash = ?').get(idHash) as
        Record<string, unknown> | undefined
      return row === undefined ? undefined : rowTo.session(row)
    },
    async deleteSession (idHash) {
      db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash)
    },
    async deleteExpiredSessions (now) {
      return db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes
    },

    async addContact (c) {
      insertOnce('contacts', toColumns(c, ContactColumns))
    },
    async listContacts ({ handled, limit = 500 }) {
      const where = handled === undefined ? '' : handled ? 'WHERE handled_at IS NOT NULL' : 'WHERE handled_at IS NULL'
      return (
        db.prepare(`SELECT * FROM contacts ${where} ORDER BY at LIMIT ?`).all(limit) as Record<string, unknown>[]
      ).map(rowTo.contact)
    },
    async markContactHandled (id, operatorId, at) {
      return (
        db
          .prepare('UPDATE contacts SET handled_by = ?, handled_at = ? WHERE id = ? AND handled_at IS NULL')
          .run(operatorId, at, id).changes === 1
      )
    },

    async addFaqLink (link) {
      insertOnce('faq_links', toColumns(link, FaqLinkColumns))
    },
    async listFaqLinks ({ since = 0, limit = 1000 }) {
      return (
        db.prepare('SELECT * FROM faq_links WHERE at >= ? ORDER BY at LIMIT ?').all(since, limit) as Record<
          string,
          unknown
        >[]
      ).map(rowTo.faqLink)
    },

    async upsertProposal (p) {
      return upsertProposal.immediate(p)
    },
    async getProposal (id) {
      const row = prepare('SELECT * FROM faq_proposals WHERE id = ?').get(id) as Record<string, unknown> | undefined
      return row === undefined ? undefined : rowTo.proposal(row)
    },
    async listProposals ({ status, lang, limit = 200 }) {
      const sql = `SELECT * FROM faq_proposals WHERE (@status IS NULL OR status = @status) AND (@lang IS NULL OR lang = @lang) ${ProposalOrder} LIMIT @limit`
      return (prepare(sql).all({ status: status ?? null, lang: lang ?? null, limit }) as Record<string, unknown>[]).map(
        rowTo.proposal
      )
    },
    async decideProposal (id, d) {
      const changed = prepare(
        "UPDATE faq_proposals SET status = ?, decided_by = ?, decided_at = ?, updated_at = ?, file = ?, note = ? WHERE id = ? AND status = 'open'"
      ).run(d.status, d.decidedBy, d.decidedAt, d.decidedAt, d.file ?? null, d.note ?? null, id).changes
      if (changed !== 1) return undefined
      return rowTo.proposal(prepare('SELECT * FROM faq_proposals WHERE id = ?').get(id) as Record<string, unknown>)
    },

    async visitorQuestions ({ since, until = Number.MAX_SAFE_INTEGER, limit = 20_000 }) {
      return (prepare(SqliteVisitorQuestions).all(since, until, limit) as Record<string, unknown>[]).map(rowTo.message)
    },
    async conversationsCreated (from, to, limit = 100_000) {
      return (
        prepare(
          'SELECT * FROM conversations WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id LIMIT ?'
        ).all(from, to, limit) as Record<string, unknown>[]
      ).map(rowTo.conversation)
    },
    async messageEvents (from, to, limit = 1_000_000) {
      return (prepare(SqliteMessageEvents).all(from, to, limit) as Record<string, unknown>[]).map(rowTo.messageEvent)
    },
    async liveCounts (botSince) {
      return rowTo.liveCounts(prepare(SqliteLiveCounts).get(botSince) as Record<string, unknown>)
    },

    async purgeBefore (before) {
      return db.prepare(PurgeSql).run(before).changes
    },
    async runExclusive (name, fn) {
      // One process owns an SQLite file, so an in-process flag is the whole lock.
      if (running.has(name)) return false
      running.add(name)
      try {
        await fn()
      } finally {
        running.delete(name)
      }
      return true
    },
    async close () {
      db.close()
    },
  }
}

// The shared queries number their parameters ($1, $2 …) as PostgreSQL does; here they are positional.
const positional = (sql: string): string => sql.replace(/\$\d+/g, '?')
const SqliteVisitorQuestions = positional(VisitorQuestionsSql)
const SqliteMessageEvents = positional(MessageEventsSql)
const SqliteLiveCounts = positional(LiveCountsSql)

/** Old conversations go, except those with an offline message nobody has handled yet: that is never lost. */
const PurgeSql =
  'DELETE FROM conversations WHERE updated_at < ? AND id NOT IN (SELECT conversation_id FROM contacts WHERE handled_at IS NULL)'

function migrate (db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)')
  const apply = db.transaction(() => {
    const done = (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v
    migrations('sqlite').forEach((sql, i) => {
      const version = i + 1
      if (version <= done) return
      db.exec(sql)
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, Date.now())
    })
  })
  apply.immediate()
}

/** The WHERE clause of a conversation filter, with positional parameters. */
function conversationWhere ({ states, assignedTo }: ConversationFilter): { where: string; params: unknown[] } {
  const where: string[] = []
  const params: unknown[] = []
  if (states !== undefined) {
    where.push(`state IN (${states.map(() => '?').join(', ')})`)
    params.push(...states)
  }
  if (assignedTo !== undefined) {
    where.push('assigned_to = ?')
    params.push(assignedTo)
  }
  return { where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params }
}
