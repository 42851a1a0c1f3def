import { Type, type Static } from '@sinclair/typebox'
import { FaqLangPattern } from '../core/lang/codes.js'

/** Thresholds on the calibrated confidence of the best FAQ entry. */
export const ThresholdsSchema = Type.Object(
  {
    /** At or above: the bot answers. */
    answer: Type.Number({ minimum: 0, maximum: 1 }),
    /** At or above (and below `answer`): the bot offers the closest entries to choose from. */
    clarify: Type.Number({ minimum: 0, maximum: 1 }),
  },
  { additionalProperties: false }
)

export const ShopSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, default: 'Ravenna Home' }),
    email: Type.String({ default: 'help@ravennahome.example' }),
    phone: Type.String({ default: '+39 02 0000 0000' }),
    url: Type.String({ default: 'https://www.ravennahome.example' }),
  },
  { additionalProperties: false, default: {} }
)

const Ranges = Type.Array(Type.String({ pattern: '^\\d{2}:\\d{2}-\\d{2}:\\d{2}$' }))

/** Business hours; without them the chat is staffed whenever an operator is online. */
export const HoursSchema = Type.Object(
  {
    timeZone: Type.String({ minLength: 1 }),
    weekly: Type.Object(
      {
        mon: Type.Optional(Ranges),
        tue: Type.Optional(Ranges),
        wed: Type.Optional(Ranges),
        thu: Type.Optional(Ranges),
        fri: Type.Optional(Ranges),
        sat: Type.Optional(Ranges),
        sun: Type.Optional(Ranges),
      },
      { additionalProperties: false }
    ),
    holidays: Type.Optional(Type.Array(Type.String())),
    exceptions: Type.Optional(Type.Record(Type.String(), Ranges)),
  },
  { additionalProperties: false }
)

export const QueueSchema = Type.Object(
  {
    /** Remind an operator who has not answered the visitor for this long. @default 60 */
    remindAfterSeconds: Type.Integer({ minimum: 5, default: 60 }),
    /** Take the conversation back into the queue (at its original place) after this long. @default 180 */
    requeueAfterSeconds: Type.Integer({ minimum: 10, default: 180 }),
    /** Conversations an operator handles at once, unless set per operator. @default 3 */
    defaultCapacity: Type.Integer({ minimum: 1, maximum: 50, default: 3 }),
    /** Give a queued conversation to the best free operator at once, instead of waiting for a claim. @default false */
    autoAssign: Type.Boolean({ default: false }),
  },
  { additionalProperties: false, default: {} }
)

export const LimitsSchema = Type.Object(
  {
    /** Open websockets per IP address. @default 50 */
    connectionsPerIp: Type.Integer({ minimum: 1, default: 50 }),
    /**
     * Messages per minute per conversation, and per visitor id over all its conversations, before being slowed
     * down, then disconnected. @default 30
     */
    messagesPerMinute: Type.Integer({ minimum: 1, default: 30 }),
    /**
     * Messages per minute from one address over all its conversations and both transports (visitors behind one NAT
     * share it). @default 4 × messagesPerMinute
     */
    messagesPerMinutePerAddress: Type.Optional(Type.Integer({ minimum: 1 })),
    /** New conversations per minute from one address (a minute's worth may come at once). @default 30 */
    startsPerMinutePerAddress: Type.Integer({ minimum: 1, default: 30 }),
    /** New conversations per minute per visitor id. @default 5 */
    startsPerMinutePerVisitor: Type.Integer({ minimum: 1, default: 5 }),
    /** HTTP requests per IP per minute. @default 600 */
    requestsPerMinute: Type.Integer({ minimum: 10, default: 600 }),
    /** Seconds a new websocket has to say hello. @default 5 */
    helloTimeoutSeconds: Type.Number({ minimum: 1, maximum: 60, default: 5 }),
  },
  { additionalProperties: false, default: {} }
)

export const AuthSchema = Type.Object(
  {
    /** @default 12 */
    sessionHours: Type.Number({ minimum: 0.1, maximum: 720, default: 12 }),
    /** Wrong passwords before an account is locked. @default 5 */
    maxFailures: Type.Integer({ minimum: 1, default: 5 }),
    /** @default 15 */
    lockMinutes: Type.Number({ minimum: 1, default: 15 }),
    /** Mark cookies Secure (HTTPS only). `auto`: when the request came over HTTPS. @default "auto" */
    secureCookies: Type.Union([Type.Literal('auto'), Type.Boolean()], { default: 'auto' }),
  },
  { additionalProperties: false, default: {} }
)

export const AnalyticsSchema = Type.Object(
  {
    /**
     * An answered visitor who opens another conversation within this many hours of the last message was not helped: no
     * deflection. @default 24
     */
    recontactHours: Type.Number({ minimum: 0, maximum: 24 * 30, default: 24 }),
    /** The calendar the report's days follow (IANA name). @default hours.timeZone, else "UTC" */
    timeZone: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false, default: {} }
)

/**
 * Who may scrape `/metrics`, and how often. Without a token only direct loopback requests are
 * served (a Prometheus on the same machine); with one, every scrape must send it.
 */
export const MetricsSchema = Type.Object(
  {
    /** Bearer token a scrape must send (`Authorization: Bearer <token>`); env FRONTDESK_METRICS_TOKEN. */
    token: Type.Optional(Type.String({ minLength: 16, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' })),
    /** Scrapes per minute per address, answered 429 beyond. @default 60 */
    scrapesPerMinute: Type.Integer({ minimum: 1, default: 60 }),
  },
  { additionalProperties: false, default: {} }
)

/** The learning loop's bounds. */
export const LearningSchema = Type.Object(
  {
    /**
     * Unanswered questions the editors' report matches and groups at most; beyond it, an even
     * sample of this many (visitors control how many there are, and grouping costs questions ×
     * groups). @default 2000
     */
    reportSample: Type.Integer({ minimum: 100, maximum: 20_000, default: 2000 }),
  },
  { additionalProperties: false, default: {} }
)

export const ConfigSchema = Type.Object(
  {
    /** Address to listen on. @default "127.0.0.1" */
    host: Type.String({ minLength: 1, default: '127.0.0.1' }),
    /** @default 3000 */
    port: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
    /** Folder of the SQLite database. @default "data" */
    dataDir: Type.String({ minLength: 1, default: 'data' }),
    /** PostgreSQL URL; when set, it is used instead of SQLite. */
    databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
    /** Serve the demo shop page at `/`. @default true */
    demo: Type.Boolean({ default: true }),
    /** Origins allowed to open the visitor websocket and send the HTTP fallback, e.g. "https://shop.example"; the server's own origin always is. @default [] */
    allowedOrigins: Type.Array(Type.String({ pattern: '^(\\*|https?://[^/]+)$' }), { default: [] }),
    /** Delete conversations (and their messages) this many days after their last activity. @default 180 */
    retentionDays: Type.Integer({ minimum: 1, default: 180 }),
    hours: Type.Optional(HoursSchema),
    /** Extra things to remove from messages, besides card numbers and IBANs. */
    redaction: Type.Array(
      Type.Object(
        {
          name: Type.String({ pattern: '^[a-z0-9-]+$' }),
          pattern: Type.String({ minLength: 1 }),
          replacement: Type.Optional(Type.String()),
        },
        { additionalProperties: false }
      ),
      { default: [] }
    ),
    queue: QueueSchema,
    limits: LimitsSchema,
    auth: AuthSchema,
    /** Folder of FAQ markdown, one sub-folder per language. @default "faq" */
    faqDir: Type.String({ minLength: 1, default: 'faq' }),
    /** Folder of templates, one sub-folder per language. @default "templates" */
    templatesDir: Type.String({ minLength: 1, default: 'templates' }),
    /** The language used when nothing tells which one a visitor speaks; must be an FAQ language. @default "en" */
    defaultLang: Type.String({ pattern: FaqLangPattern, default: 'en' }),
    /** Longest visitor or operator message, in characters. @default 4000 */
    maxTextLength: Type.Integer({ minimum: 100, maximum: 100_000, default: 4000 }),
    /** When to answer, offer choices or escalate; defaults come from the matcher's fit on public data. */
    thresholds: Type.Optional(ThresholdsSchema),
    shop: ShopSchema,
    analytics: AnalyticsSchema,
    metrics: MetricsSchema,
    learning: LearningSchema,
  },
  { additionalProperties: false }
)

export type Config = Static<typeof ConfigSchema>
