import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config/load.js'
import type { Config } from '../config/schema.js'
import { formatProblem, type ContentProblem } from '../core/errors.js'
import { findConfusableQuestions } from '../core/faq/overlap.js'
import { parseConversationTests } from '../core/faq/conversations-file.js'
import { parseFaqTests } from '../core/faq/tests-file.js'
import { createAnalyzer } from '../core/text/analyzer.js'
import type { Decision } from '../core/triage/engine.js'
import { loadContent, type Content } from '../content/load.js'
import { describeOutcome, runConversationTests } from './conversation-tests.js'
import { reportCommand } from './report.js'
import { Exit, type Io } from './io.js'
import { printDecision, decisionJson } from './print-decision.js'

const CommonOptions = {
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

export async function faqCommand (argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv
  switch (sub) {
    case 'check':
      return await check(rest, io)
    case 'try':
      return await tryQuestion(rest, io)
    case 'test':
      return await runTests(rest, io)
    case 'report':
      return await reportCommand(rest, io)
    default:
      io.err(`frontdesk faq: expected check, try, test or report${sub === undefined ? '' : `, not "${sub}"`}`)
      return Exit.usage
  }
}

async function configFor (options: { config?: string }, faqDir?: string): Promise<Config> {
  const config = await loadConfig({ file: options.config })
  return faqDir === undefined ? config : { ...config, faqDir }
}

/** Loads everything, printing problems; undefined when the content cannot be used. */
async function load (config: Config, io: Io, showWarnings: boolean): Promise<Content | undefined> {
  const { content, problems } = await loadContent(config)
  printProblems(
    problems.filter((p) => showWarnings || p.severity === 'error'),
    io
  )
  return content
}

function printProblems (problems: ContentProblem[], io: Io): void {
  for (const p of problems) (p.severity === 'error' ? io.err : io.out)(formatProblem(p))
}

async function check (argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: CommonOptions, allowPositionals: true })
  const config = await configFor(values, positionals[0])
  const { content, problems } = await loadContent(config)
  const confusable =
    content === undefined
      ? []
      : content.faq.langs.flatMap((lang) =>
        findConfusableQuestions(
          content.faq.entries.get(lang) ?? [],
          createAnalyzer(lang, { synonyms: content.faq.synonyms.get(lang) })
        )
      )
  const all = [...problems, ...confusable]
  printProblems(all, io)
  const errors = all.filter((p) => p.severity === 'error').length
  const warnings = all.length - errors
  if (content !== undefined) {
    const counts = content.faq.langs.map((l) => `${l} ${content.faq.entries.get(l)?.length ?? 0}`).join(', ')
    io.out(`${config.faqDir}: ${counts} entries; ${errors} error(s), ${warnings} warning(s)`)
  } else {
    io.out(
      `${config.faqDir}: ${errors} error(s), ${warnings} warning(s) — fix the errors; a running server keeps its last good FAQ meanwhile`
    )
  }
  return errors > 0 ? Exit.failed : Exit.ok
}

async function tryQuestion (argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      ...CommonOptions,
      lang: { type: 'string' },
      browser: { type: 'string' },
      json: { type: 'boolean' },
      dir: { type: 'string' },
    },
    allowPositionals: true,
  })
  const question = positionals.join(' ').trim()
  if (question === '') {
    io.err('frontdesk faq try: give the question in quotes, e.g. frontdesk faq try "where is my order?" --lang en')
    return Exit.usage
  }
  const config = await configFor(values, values.dir)
  const content = await load(config, io, false)
  if (content === undefined) return Exit.failed
  const decision = content.engine.triage(question, { conversation: values.lang, browser: values.browser })
  const rendered = content.answerFor(decision)
  if (values.json === true) io.out(JSON.stringify(decisionJson(decision, rendered)))
  else printDecision(decision, rendered, io)
  return Exit.ok
}

async function runTests (argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...CommonOptions, dir: { type: 'string' }, conversations: { type: 'string' } },
    allowPositionals: true,
  })
  const config = await configFor(values, values.dir)
  const file = positionals[0] ?? join(config.faqDir, 'tests.yaml')
  // A tests file named on the command line runs alone, unless conversations are named too.
  const conversationsFile = values.conversations ??
    (positionals[0] === undefined ? join(config.faqDir, 'conversations.yaml') : undefined)
  const dialogues = conversationsFile === undefined ? undefined : await readConversations(conversationsFile, io)
  if (dialogues === 'unreadable') return Exit.usage
  let text
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    io.err(`frontdesk faq test: cannot read ${file}: ${(err as Error).message}`)
    return Exit.usage
  }
  const parsed = parseFaqTests(text, file)
  printProblems(parsed.problems, io)
  const content = await load(config, io, false)
  if (content === undefined) return Exit.failed
  const broken = [...parsed.problems, ...(dialogues?.problems ?? [])].filter((p) => p.severity === 'error').length
  const tally = { passed: 0, failed: 0, todo: 0, viaChoices: 0 }
  parsed.cases.forEach((c, i) => {
    const decision = content.engine.triage(c.q, { conversation: c.lang })
    const verdict = judge(decision, c.expect)
    const ok = verdict !== 'fail' && decision.lang === c.lang
    if (c.todo !== undefined) tally.todo++
    else if (ok) tally.passed++
    else tally.failed++
    if (ok && verdict === 'via-choices') tally.viaChoices++
    const note =
      c.todo !== undefined
        ? ` # TODO ${c.todo}${ok ? ' (passes now: remove the todo)' : ''}`
        : verdict === 'via-choices' && ok
          ? ' (offered as the first choice)'
          : ''
    const detail = ok
      ? ''
      : `\n    got: ${describe(decision)}${decision.lang !== c.lang ? ` in ${decision.lang}` : ''}\n    at: ${file}:${c.line}`
    io.out(`${ok ? 'ok' : 'not ok'} ${i + 1} - [${c.lang}] "${c.q}" → ${c.expect}${note}${detail}`)
  })
  const turns = dialogues === undefined ? [] : await runConversationTests(dialogues.cases, content, config)
  turns.forEach((r, i) => {
    const turn = r.conversation.turns[r.turn]!
    const todo = r.conversation.todo
    if (todo !== undefined) tally.todo++
    else if (r.ok) tally.passed++
    else tally.failed++
    const note = todo === undefined ? '' : ` # TODO ${todo}${r.ok ? ' (passes now: remove the todo)' : ''}`
    const detail = r.ok ? '' : `\n    got: ${describeOutcome(r.got)}\n    at: ${dialogues?.file}:${turn.line}`
    const n = parsed.cases.length + i + 1
    const what = `[${r.conversation.lang}] ${r.conversation.name}, turn ${r.turn + 1}: "${turn.say}" → ${turn.written}`
    io.out(`${r.ok ? 'ok' : 'not ok'} ${n} - ${what}${note}${detail}`)
  })
  io.out(
    `\n${tally.passed} passed, ${tally.failed + broken} failed${tally.todo > 0 ? `, ${tally.todo} todo` : ''} (${tally.viaChoices} of the passes through choices rather than a direct answer)`
  )
  return tally.failed + broken > 0 ? Exit.failed : Exit.ok
}

/** The multi-turn cases, when the file exists; parse problems are printed and counted as failures. */
async function readConversations (file: string, io: Io) {
  let text
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    io.err(`frontdesk faq test: cannot read ${file}: ${(err as Error).message}`)
    return 'unreadable' as const
  }
  const parsed = parseConversationTests(text, file)
  printProblems(parsed.problems, io)
  return { ...parsed, file }
}

/**
 * An entry id passes when the bot answers with it, or offers it as the first choice (the
 * visitor is one click away); `escalate` passes when the bot does not answer.
 */
function judge (decision: Decision, expect: string): 'pass' | 'via-choices' | 'fail' {
  if (expect === 'smalltalk') return decision.decision === 'smalltalk' ? 'pass' : 'fail'
  if (expect === 'escalate') return decision.decision === 'escalate' || decision.decision === 'clarify' ? 'pass' : 'fail'
  if (decision.decision === 'answer') return decision.entry.id === expect ? 'pass' : 'fail'
  if (decision.decision === 'clarify') return decision.choices[0]?.entryId === expect ? 'via-choices' : 'fail'
  return 'fail'
}

function describe (d: Decision): string {
  const top = d.evidence.candidates[0]
  const best = top === undefined ? 'no candidate' : `best ${top.entryId} ${top.confidence.toFixed(2)}`
  switch (d.decision) {
    case 'answer':
      return `answer ${d.entry.id} (${d.confidence.toFixed(2)})`
    case 'clarify':
      return `clarify [${d.choices.map((c) => c.entryId).join(', ')}] (${best})`
    case 'escalate':
      return `escalate: ${d.reason} (${best})`
    case 'smalltalk':
      return `small talk: ${d.act.act} (${d.act.lang})`
  }
}
