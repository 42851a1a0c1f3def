/**
 * Table layout shared by both databases, and the column ↔ field mapping. Migrations are
 * versioned and append-only: a released migration is never edited, a new one is added.
 */
export const ConversationColumns = {
  id: 'id',
  state: 'state',
  lang: 'lang',
  visitorName: 'visitor_name',
  pageUrl: 'page_url',
  userAgent: 'user_agent',
  browserLang: 'browser_lang',
  tokenHash: 'token_hash',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  lastSeq: 'last_seq',
  queuedAt: 'queued_at',
  assignedTo: 'assigned_to',
  assignedAt: 'assigned_at',
  lastVisitorAt: 'last_visitor_at',
  lastOperatorAt: 'last_operator_at',
  remindedAt: 'reminded_at',
  closedAt: 'closed_at',
  visitorKey: 'visitor_key',
  addressKey: 'address_key',
} as const

export const MessageColumns = {
  conversationId: 'conversation_id',
  seq: 'seq',
  id: 'id',
  author: 'author',
  text: 'text',
  html: 'html',
  lang: 'lang',
  at: 'at',
  kind: 'kind',
  clientId: 'client_id',
  entryId: 'entry_id',
  operatorId: 'operator_id',
  data: 'data',
} as const

export const OperatorColumns = {
  id: 'id',
  username: 'username',
  name: 'name',
  role: 'role',
  langs: 'langs',
  passwordHash: 'password_hash',
  capacity: 'capacity',
  failedLogins: 'failed_logins',
  lockedUntil: 'locked_until',
  createdAt: 'created_at',
  disabled: 'disabled',
} as const

export const SessionColumns = {
  idHash: 'id_hash',
  operatorId: 'operator_id',
  csrfToken: 'csrf_token',
  createdAt: 'created_at',
  expiresAt: 'expires_at',
} as const

export const ContactColumns = {
  id: 'id',
  conversationId: 'conversation_id',
  email: 'email',
  text: 'text',
  lang: 'lang',
  at: 'at',
  handledBy: 'handled_by',
  handledAt: 'handled_at',
} as const

export const FaqLinkColumns = {
  id: 'id',
  conversationId: 'conversation_id',
  seq: 'seq',
  entryId: 'entry_id',
  lang: 'lang',
  question: 'question',
  operatorId: 'operator_id',
  at: 'at',
} as const

export const ProposalColumns = {
  id: 'id',
  kind: 'kind',
  lang: 'lang',
  entryId: 'entry_id',
  dedupeKey: 'dedupe_key',
  questions: 'questions',
  title: 'title',
  answer: 'answer',
  sources: 'sources',
  support: 'support',
  status: 'status',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  decidedBy: 'decided_by',
  decidedAt: 'decided_at',
  file: 'file',
  note: 'note',
} as const

/** `bigint` for epoch milliseconds in PostgreSQL, `INTEGER` in SQLite: the only dialect difference here. */
export function migrations (dialect: 'sqlite' | 'postgres'): string[] {
  const ms = dialect === 'postgres' ? 'BIGINT' : 'INTEGER'
  return [
    `CREATE TABLE conversations (
      id TEXT PRIMARY KEY, state TEXT NOT NULL, lang TEXT NOT NULL, visitor_name TEXT, page_url TEXT,
      user_agent TEXT, browser_lang TEXT, token_hash TEXT NOT NULL, created_at ${ms} NOT NULL,
      updated_at ${ms} NOT NULL, last_seq INTEGER NOT NULL DEFAULT 0, queued_at ${ms}, assigned_to TEXT,
      assigned_at ${ms}, last_visitor_at ${ms}, last_operator_at ${ms}, reminded_at ${ms}, closed_at ${ms});
    CREATE INDEX conversations_state ON conversations (state, queued_at);
    CREATE INDEX conversations_updated ON conversations (updated_at);
    CREATE TABLE messages (
      conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
      id TEXT NOT NULL UNIQUE, author TEXT NOT NULL, text TEXT NOT NULL, html TEXT, lang TEXT NOT NULL,
      at ${ms} NOT NULL, kind TEXT, client_id TEXT, entry_id TEXT, operator_id TEXT, data TEXT,
      PRIMARY KEY (conversation_id, seq));
    CREATE UNIQUE INDEX messages_client_id ON messages (conversation_id, client_id) WHERE client_id IS NOT NULL;
    CREATE TABLE operators (
      id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL,
      langs TEXT NOT NULL, password_hash TEXT NOT NULL, capacity INTEGER NOT NULL, failed_logins INTEGER NOT NULL DEFAULT 0,
      locked_until ${ms}, created_at ${ms} NOT NULL, disabled INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE sessions (
      id_hash TEXT PRIMARY KEY, operator_id TEXT NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
      csrf_token TEXT NOT NULL, created_at ${ms} NOT NULL, expires_at ${ms} NOT NULL);
    CREATE TABLE contacts (
      id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
      email TEXT NOT NULL, text TEXT NOT NULL, lang TEXT NOT NULL, at ${ms} NOT NULL, handled_by TEXT, handled_at ${ms});
    CREATE INDEX contacts_open ON contacts (handled_at, at);
    CREATE TABLE faq_links (
      id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
      seq INTEGER NOT NULL, entry_id TEXT NOT NULL, lang TEXT NOT NULL, question TEXT NOT NULL,
      operator_id TEXT NOT NULL, at ${ms} NOT NULL);
    CREATE INDEX faq_links_at ON faq_links (at);`,
    // Presence is shared so that an operator online on any instance counts on every instance.
    `CREATE TABLE operator_presence (
      operator_id TEXT NOT NULL REFERENCES operators (id) ON DELETE CASCADE, instance_id TEXT NOT NULL,
      until ${ms} NOT NULL, PRIMARY KEY (operator_id, instance_id));`,
    // The learning loop and analytics (issue 5): who came back (a hash of the widget's random
    // visitor id), the editors' proposals, and the indexes the reports read by.
    `ALTER TABLE conversations ADD COLUMN visitor_key TEXT;
    CREATE INDEX conversations_visitor ON conversations (visitor_key, created_at);
    CREATE INDEX conversations_created ON conversations (created_at);
    CREATE INDEX messages_at ON messages (at);
    CREATE TABLE faq_proposals (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL, lang TEXT NOT NULL, entry_id TEXT, dedupe_key TEXT NOT NULL UNIQUE,
      questions TEXT NOT NULL, title TEXT, answer TEXT, sources TEXT NOT NULL, support INTEGER NOT NULL,
      status TEXT NOT NULL, created_at ${ms} NOT NULL, updated_at ${ms} NOT NULL, decided_by TEXT, decided_at ${ms},
      file TEXT, note TEXT);
    CREATE INDEX faq_proposals_status ON faq_proposals (status, support);`,
    // Client ids deduplicate one sender's resends: a visitor's id that happens to equal an
    // operator's in the same conversation is another message, not a resend.
    `DROP INDEX messages_client_id;
    CREATE UNIQUE INDEX messages_client_id ON messages (conversation_id, author, client_id) WHERE client_id IS NOT NULL;`,
    // Who started a conversation, by address (a hash): the learning loop counts people, not conversations.
    'ALTER TABLE conversations ADD COLUMN address_key TEXT;',
  ]
}
