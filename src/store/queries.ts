import { MessageEventColumns } from './rows.js'

/**
 * Read queries the two stores share word for word, with PostgreSQL's numbered parameters
 * (the SQLite store makes them positional once, at load).
 */

/** Open proposals with the most support first, then the newest. */
export const ProposalOrder = 'ORDER BY support DESC, updated_at DESC, id'

/**
 * Typed visitor questions (with their triage) and feedback: the newest `limit`, oldest first; parameters: since,
 * until, limit.
 */
export const VisitorQuestionsSql = `SELECT * FROM (SELECT * FROM messages WHERE at >= $1 AND at < $2 AND author = 'visitor' AND data IS NOT NULL AND (kind IS NULL OR kind = 'feedback')
  ORDER BY at DESC, conversation_id DESC, seq DESC LIMIT $3) AS recent ORDER BY at, conversation_id, seq`

/** The text-free messages of conversations created in a range; parameters: from, to, limit. */
export const MessageEventsSql = `SELECT ${Object.values(MessageEventColumns)
  .map((c) => `m.${c}`)
  .join(', ')} FROM messages m
  JOIN conversations c ON c.id = m.conversation_id WHERE c.created_at >= $1 AND c.created_at < $2 ORDER BY m.conversation_id, m.seq LIMIT $3`

/**
 * The live gauges, counted by the database in one round trip (indexes on state, created_at and
 * handled_at): a scrape costs the same however many visitors wait; parameter: bot since.
 */
export const LiveCountsSql = `SELECT
  (SELECT COUNT(*) FROM conversations WHERE state = 'queued') AS queued,
  (SELECT MIN(COALESCE(queued_at, created_at)) FROM conversations WHERE state = 'queued') AS oldest_queued_at,
  (SELECT COUNT(*) FROM conversations WHERE state = 'assigned') AS assigned,
  (SELECT COUNT(*) FROM conversations WHERE state = 'offline') AS offline,
  (SELECT COUNT(*) FROM conversations WHERE state = 'bot' AND created_at >= $1) AS recent_bot,
  (SELECT COUNT(*) FROM contacts WHERE handled_at IS NULL) AS open_contacts`
