import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config/load.js'
import type { Config } from '../config/schema.js'
import { formatProblem, type ContentProblem } from '../core/errors.js'
import { findConfusableQuestions } from '../core/faq/overlap.js'
import { parseFaqTests } from '../core/faq/tests-file.js'
import { createAnalyzer } from '../core/text/analyzer.js'
import type { Decision } from '../core/triage/engine.js'
import { loadContent, type Content } from '../content/load.js'
import { Exit, type Io } from './io.js'
import { printDecision, decisionJson } from './print-decision.js'

const CommonOptions = {
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

export async function faqCommand (argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv
  switch (sub) {
    case 'check': return await check(rest, io)
    case 'try': return await tryQuestion(rest, io)
    case 'test': return await runTests(rest, io)
    default:
      io.err(`frontdesk faq: expected check, try or test${sub === undefined ? '' : `, not "${sub}"`}`)
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
  printProblems(problems.filter((p) => showWarnings || p.severity === 'error'), io)
  return content
}

function printProblems (problems: ContentProblem[], io: Io): void {
  for (const p of problems) (p.severity === 'error' ? io.err : io.out)(formatProblem(p))
}

async function check (argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: CommonOptions, allowPositionals: true })
  const config = await configFor(values, positionals[0])
  const { content, problems } = await loadContent(config)
  const confusable = content === undefined
    ? []
    : content.faq.langs.flatMap((lang) => findConfusableQuestions(content.faq.entries.get(lang) ?? [], createAnalyzer(lang, { synonyms: content.faq.synonyms.get(lang) })))
  const all = [...problems, ...confusable]
  printProblems(all, io)
  const errors = all.filter((p) => p.severity === 'error').length
  const warnings = all.length - errors
  if (content !== undefined) {
    const counts = content.faq.langs.map((l) => `${l} ${content.faq.entries.get(l)?.length ?? 0}`).join(', ')
    io.out(`${config.faqDir}: ${counts} entries; ${errors} error(s), ${warnings} warning(s)`)
  } else {
    io.out(`${config.faqDir}: ${errors} error(s), ${warnings} warning(s) — fix the errors; a running server keeps its last good FAQ meanwhile`)
  }
  return errors > 0 ? Exit.failed : Exit.ok
}

async function tryQuestion (argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...CommonOptions, lang: { type: 'string' }, browser: { type: 'string' }, json: { type: 'boolean' }, dir: { type: 'string' } },
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
  const { values, positionals } = parseArgs({ args: argv, options: { ...CommonOptions, dir: { type: 'string' } }, allowPositionals: true })
  const config = await configFor(values, values.dir)
  const file = positionals[0] ?? join(config.faqDir, 'tests.yaml')
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
  const broken = parsed.problems.filter((p) => p.severity === 'error').length
  let failed = 0
  parsed.cases.forEach((c, i) => {
    const decision = content.engine.triage(c.q, { conversation: c.lang })
    const ok = passes(decision, c.expect) && decision.lang === c.lang
    if (!ok) failed++
    const got = describe(decision)
    io.out(`${ok ? 'ok' : 'not ok'} ${i + 1} - [${c.lang}] "${c.q}" → ${c.expect}${ok ? '' : `\n    got: ${got}${decision.lang !== c.lang ? ` in ${decision.lang}` : ''}\n    at: ${file}:${c.line}`}`)
  })
  io.out(`\n${parsed.cases.length - failed} passed, ${failed + broken} failed`)
  return failed + broken > 0 ? Exit.failed : Exit.ok
}

/** `escalate` means "the bot must not answer": escalating or offering choices both pass. */
function passes (decision: Decision, expect: string): boolean {
  if (expect === 'escalate') return decision.decision !== 'answer'
  return decision.decision === 'answer' && decision.entry.id === expect
}

function describe (d: Decision): string {
  const top = d.evidence.candidates[0]
  const best = top === undefined ? 'no candidate' : `best ${top.entryId} ${top.confidence.toFixed(2)}`
  switch (d.decision) {
    case 'answer': return `answer ${d.entry.id} (${d.confidence.toFixed(2)})`
    case 'clarify': return `clarify [${d.choices.map((c) => c.entryId).join(', ')}] (${best})`
    case 'escalate': return `escalate: ${d.reason} (${best})`
  }
}
