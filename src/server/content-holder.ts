import { watch, type FSWatcher } from 'node:fs'
import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../config/schema.js'
import { formatProblem, FrontdeskError, type ContentProblem } from '../core/errors.js'
import { loadContent, type Content } from '../content/load.js'

/** The FAQ and templates in service: the last good load, reloaded on change; a broken save keeps the old. */
export interface ContentHolder {
  current(): Content
  /** Loads again; keeps the current content when the new one has errors. */
  reload(): Promise<ContentProblem[]>
  close(): void
}

// Editors' tools save in bursts (temp file, rename, chmod): wait for the burst to end.
const DebounceMs = 250

/**
 * Holds the content in service. It is loaded once at boot, then reloaded when files under the
 * FAQ or templates folders change. An FAQ file with errors never stops either: it is served in
 * its last good version (or left out at boot, when there is none), the rest is served, and the
 * problems are logged with file and line and kept in `current().warnings` for the console.
 * Only templates that do not compile, or an FAQ with nothing valid in it, stop the boot.
 */
export async function createContentHolder (
  config: Config,
  log: FastifyBaseLogger,
  options: { watch?: boolean; initial?: Content } = {}
): Promise<ContentHolder> {
  const first = options.initial !== undefined
    ? { content: options.initial, problems: [] }
    : await loadContent(config, { serve: true })
  if (first.content === undefined) {
    throw new FrontdeskError(
      'FD_ERR_FAQ_INVALID',
      `cannot start with this content:\n${first.problems
        .filter((p) => p.severity === 'error')
        .map(formatProblem)
        .join('\n')}`
    )
  }
  let content = first.content
  logHeld(log, content)
  for (const p of first.problems) {
    if (p.severity === 'error') log.error({ problem: p }, formatProblem(p))
    else log.warn({ problem: p }, formatProblem(p))
  }
  let timer: NodeJS.Timeout | undefined
  let reloading: Promise<ContentProblem[]> | undefined

  const reload = async (): Promise<ContentProblem[]> => {
    const next = await loadContent(config, { serve: true, lastGood: content.faqInput })
    if (next.content === undefined) {
      log.error(
        { problems: next.problems },
        `content not reloaded: ${next.problems.filter((p) => p.severity === 'error').length} error(s); the last good FAQ stays in service`
      )
      for (const p of next.problems) log.error(formatProblem(p))
      return next.problems
    }
    content = next.content
    logHeld(log, content)
    for (const p of next.problems.filter((x) => x.severity === 'error')) log.error({ problem: p }, formatProblem(p))
    log.info(
      { langs: content.faq.langs, entries: content.faq.entries.get(content.faq.langs[0] ?? '')?.length },
      'content reloaded'
    )
    return next.problems
  }

  const watchers: FSWatcher[] = []
  if (options.watch !== false) {
    for (const dir of [config.faqDir, config.templatesDir]) {
      try {
        const w = watch(dir, { recursive: true }, () => {
          clearTimeout(timer)
          timer = setTimeout(() => {
            reloading = (reloading ?? Promise.resolve([])).then(reload, reload)
          }, DebounceMs)
        })
        w.on('error', (err) => log.warn({ err }, `stopped watching ${dir}`))
        watchers.push(w)
      } catch (err) {
        log.warn({ err }, `cannot watch ${dir}: edits need a restart`)
      }
    }
  }

  return {
    current: () => content,
    reload,
    close () {
      clearTimeout(timer)
      for (const w of watchers) w.close()
    },
  }
}

function logHeld (log: FastifyBaseLogger, content: Content): void {
  for (const h of content.held) {
    log.error({ file: h.file }, `${h.file}: has errors; ${h.as === 'left out' ? 'left out' : 'its last good version is served'}`)
  }
}
