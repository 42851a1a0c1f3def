import { parseArgs } from 'node:util'
import { loadConfig } from '../config/load.js'
import { startServer } from '../server/server.js'
import { Exit, type Io } from './io.js'

/** `frontdesk serve`: runs the server until SIGINT/SIGTERM. */
export async function serveCommand (argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { config: { type: 'string' } }, allowPositionals: false })
  const config = await loadConfig({ file: values.config })
  const { url, demoLogin } = await startServer(config)
  io.out(`Frontdesk is running at ${url}${config.demo ? ` — demo shop at ${url}/, console at ${url}/console` : ''}`)
  if (demoLogin !== undefined) {
    io.out(`First start: log in to the console as "${demoLogin.username}" with the password ${demoLogin.password}`)
    io.out('(shown once; add real accounts with: npx frontdesk operator add <username> --name "..." --langs en,es)')
  }
  // Keep running: the signal handlers end the process.
  await new Promise(() => {})
  return Exit.ok
}
