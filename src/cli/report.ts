import { parseArgs } from 'node:util'
import { loadConfig } from '../config/load.js'
import { formatProblem, FrontdeskError } from '../core/errors.js'
import { isFaqLang } from '../core/lang/codes.js'
import { describeReasons } from '../core/learning/reasons.js'
import { parseSince } from '../core/learning/since.js'
import { loadContent } from '../content/load.js'
import { openStore } from '../server/server.js'
import { createRedactor } from '../core/redact/index.js'
import { createLearning, type Report } from '../services/learning.js'
import { Exit, type Io } from './io.js'

/**
 * `frontdesk faq report [--since 7d] [--lang xx] [--json]`: the questions the bot could not
 * answer (escalated, or "did this help?" no), grouped by similarity, biggest groups first,
 * each with its closest entries. Reads the database in config (SQLite file or DATABASE_URL).
 */
export async function reportCommand (argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      since: { type: 'string', default: '7d' },
      lang: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  })
  const now = Date.now()
  const since = parseSince(values.since, now)
  if (since === undefined) {
    throw new FrontdeskError(
      'FD_ERR_CONFIG_INVALID',
      `--since must be like 7d, 24h or 2026-11-01, not "${values.since}"`
    )
  }
  if (values.lang !== undefined && !isFaqLang(values.lang)) {
    throw new FrontdeskError('FD_ERR_CONFIG_INVALID', `--lang must be a language code such as en, not "${values.lang}"`)
  }
  const config = await loadConfig({ file: values.config })
  const { content, problems } = await loadContent(config)
  if (content === undefined) {
    for (const p of problems.filter((x) => x.severity === 'error')) io.err(formatProblem(p))
    return Exit.failed
  }
  const store = openStore(config)
  try {
    const learning = createLearning({
      store,
      clock: () => now,
      content: () => content,
      reload: async () => [],
      faqDir: config.faqDir,
      redactor: createRedactor({ rules: config.redaction }),
      reportSample: config.learning.reportSample,
    })
    const report = await learning.report({ since, ...(values.lang !== undefined && { lang: values.lang }) })
    if (values.json) io.out(JSON.stringify(report))
    else printReport(report, io)
    return Exit.ok
  } finally {
    await store.close()
  }
}

function printReport (r: Report, io: Io): void {
  const day = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ')
  io.out(
    `Unanswered questions since ${day(r.since)}${r.lang === null ? '' : ` in ${r.lang}`}: ${r.questions} in ${r.groups.length} group(s)`
  )
  for (const [i, g] of r.groups.entries()) {
    const reasons = describeReasons(g.reasons)
    io.out('')
    io.out(
      `${i + 1}. [${g.lang}] ${g.count} question(s) in ${g.conversations} conversation(s), ${day(g.firstAt)} – ${day(g.lastAt)} (${reasons})`
    )
    for (const q of g.questions.slice(0, 5)) {
      io.out(`     "${q.text}"${q.personal ? '  (personal data: never proposed)' : ''}`)
    }
    if (g.questions.length > 5) io.out(`     … and ${g.count - 5} more`)
    io.out(
      `   closest entries: ${g.closest.length === 0 ? 'none' : g.closest.map((c) => `${c.entryId} (${Math.round(100 * c.confidence)}%)`).join(', ')}`
    )
  }
}
