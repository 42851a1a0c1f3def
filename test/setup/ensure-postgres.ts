/**
 * Finds PostgreSQL's server binaries (initdb, pg_ctl) for the tests, installing Debian's
 * `postgresql` package when they are missing, so `npm test` works on a fresh machine without a
 * separate setup step. Test files call it through `startPostgres` (test/setup/postgres.ts); it
 * can also be run alone: `npx tsx test/setup/ensure-postgres.ts`. When PostgreSQL can be neither
 * found nor installed it throws, saying what to run by hand: the tests fail, they never skip.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Debian keeps one folder per major version: /usr/lib/postgresql/15/bin. */
const DebianRoot = '/usr/lib/postgresql'
/** Held while installing, so test files started in parallel do not run apt-get at once. */
const InstallLock = '/tmp/frontdesk-ensure-postgres.lock'

/** The folder with initdb and pg_ctl: `$PG_BIN` when set, else the newest Debian version. */
export function findPostgresBin (): string | undefined {
  const fromEnv = process.env.PG_BIN
  if (fromEnv !== undefined && fromEnv !== '') return existsSync(join(fromEnv, 'initdb')) ? fromEnv : undefined
  if (!existsSync(DebianRoot)) return undefined
  const versions = readdirSync(DebianRoot)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
  return versions
    .map((v) => join(DebianRoot, v, 'bin'))
    .find((bin) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl')))
}

/** Returns the binaries' folder, installing PostgreSQL first when needed (root only). */
export function ensurePostgres (): string {
  const found = findPostgresBin()
  if (found !== undefined) return found
  if (process.env.PG_BIN !== undefined && process.env.PG_BIN !== '') {
    throw new Error(`ensure-postgres: PG_BIN=${process.env.PG_BIN} has no initdb; unset it to use Debian's PostgreSQL`)
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      'ensure-postgres: PostgreSQL is not installed and installing it needs root. Run: sudo apt-get update && sudo apt-get install -y postgresql (or set PG_BIN to a folder with initdb and pg_ctl)'
    )
  }
  process.stderr.write(
    "ensure-postgres: PostgreSQL is missing; installing Debian's postgresql for the tests (about a minute)\n"
  )
  // flock waits for a parallel test file that is installing already, and is released if it dies.
  const script = `if ! ls ${DebianRoot}/*/bin/initdb >/dev/null 2>&1; then apt-get update && apt-get install -y postgresql; fi`
  const result = spawnSync('flock', [InstallLock, 'sh', '-c', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.error !== undefined) {
    throw new Error(`ensure-postgres: cannot run apt-get: ${result.error.message}`, { cause: result.error })
  }
  if (result.status !== 0) {
    throw new Error(
      `ensure-postgres: "apt-get install -y postgresql" failed with status ${String(result.status)}:\n${(result.stdout + result.stderr).slice(-4000)}`
    )
  }
  const installed = findPostgresBin()
  if (installed === undefined) {
    throw new Error(`ensure-postgres: apt-get finished but no initdb is under ${DebianRoot}/*/bin`)
  }
  process.stderr.write(`ensure-postgres: installed PostgreSQL in ${installed}\n`)
  return installed
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(`ensure-postgres: ${ensurePostgres()}`)
  } catch (err) {
    console.error((err as Error).message)
    process.exit(1)
  }
}
