import { FrontdeskError } from '../core/errors.js'
import { faqCommand } from './faq.js'
import { Exit, processIo, type Io } from './io.js'
import { operatorCommand } from './operator.js'
import { purgeCommand } from './purge.js'
import { serveCommand } from './serve.js'

const Usage = `Usage: frontdesk <command> [options]

  serve                        run the chat server (HOST, PORT, DATA_DIR, FAQ_DIR, ... or --config)

Commands for administrators:
  operator add <username> --name "Full Name" --langs en,es [--role operator|editor|admin] [--capacity 3]
                               create a login (password read from stdin, or asked for)
  operator list                list operators
  purge [--days N]             delete conversations idle for N days (default: retentionDays)

Commands for content editors:
  faq check [dir]              validate the FAQ and templates; warn about confusable questions
  faq try "question" [--lang xx] [--browser xx] [--json]
                               show what the bot would do, and why
  faq test [file]              run the editors' regression cases (default: <faq dir>/tests.yaml)
  faq report [--since 7d] [--lang xx] [--json]
                               unanswered questions grouped by similarity, biggest first

Common options:
  --config FILE                config file (YAML); also FRONTDESK_CONFIG
  -h, --help                   this help`

/** Runs one CLI command and returns the exit code; never calls process.exit, so tests can run it. */
export async function main (argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'faq':
        return await faqCommand(rest, io)
      case 'serve':
        return await serveCommand(rest, io)
      case 'operator':
        return await operatorCommand(rest, io)
      case 'purge':
        return await purgeCommand(rest, io)
      case undefined:
      case 'help':
      case '-h':
      case '--help':
        io.out(Usage)
        return command === undefined ? Exit.usage : Exit.ok
      default:
        io.err(`frontdesk: unknown command "${command}"\n\n${Usage}`)
        return Exit.usage
    }
  } catch (err) {
    if (
      err instanceof FrontdeskError ||
      (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ||
      (err as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ||
      (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
    ) {
      io.err(`frontdesk: ${(err as Error).message}`)
      return Exit.usage
    }
    throw err
  }
}
