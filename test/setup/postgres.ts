/**
 * A throwaway PostgreSQL cluster for one test file: initdb in a temporary folder, started on a
 * free loopback port (its unix socket inside that folder, nothing shared with a system
 * PostgreSQL), stopped and removed when the test ends. Durability is off (fsync, synchronous
 * commit) unless asked for: the data is thrown away anyway. Each test takes its own database from
 * `createDatabase()`, so tests never see each other's rows, locks or notifications.
 *
 * When PostgreSQL is missing it is installed (ensure-postgres.ts); when it can be neither
 * installed nor started, `startPostgres` throws with the reason: the tests fail, never skip.
 */
import { execFile, spawnSync } from 'node:child_process'
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { ensurePostgres } from './ensure-postgres.js'

const run = promisify(execFile)
const Prefix = 'frontdesk-pg-'

export interface TestPostgres {
  /** Superuser URL of the cluster's `postgres` database. */
  adminUrl: string
  /** A new database, empty or a copy of `template` (a database name); resolves with its URL. */
  createDatabase(template?: string): Promise<string>
  /** SQL as superuser on the `postgres` database: pg_terminate_backend, pg_stat_activity, ... */
  query(sql: string, params?: unknown[]): Promise<Record<string, any>[]>
  /** The cluster's processes (the postmaster and its backends), for a benchmark's CPU accounting. */
  pids(): number[]
}

/** The postmaster of a running data directory and every process it started, read from /proc. */
function clusterPids (data: string): number[] {
  let postmaster: number
  try {
    postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0])
  } catch {
    return []
  }
  const children = readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .flatMap((n) => {
      try {
        const stat = readFileSync(`/proc/${n}/stat`, 'utf8')
        // Field 4 of stat(5), after the parenthesised command name.
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster ? [Number(n)] : []
      } catch {
        return []
      }
    })
  return [postmaster, ...children]
}

/** The OS user that runs the cluster: initdb refuses root, so root hands it to Debian's `postgres`. */
function clusterUser ():
  { uid: number; gid: number; wrap: (cmd: string, args: string[]) => [string, string[]] } | undefined {
  if (process.getuid?.() !== 0) return undefined
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' })
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' })
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error(
      'startPostgres: running as root, and there is no "postgres" OS user to run initdb as (Debian\'s postgresql package creates it)'
    )
  }
  return {
    uid: Number(uid.stdout),
    gid: Number(gid.stdout),
    wrap: (cmd, args) => ['runuser', ['-u', 'postgres', '--', cmd, ...args]],
  }
}

async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => {
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))
      })
    })
  })
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Stops and removes the clusters of test processes killed before their teardown (a timeout, kill -9). */
function removeStaleClusters (pgCtl: (args: string[]) => [string, string[]]): void {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(Prefix))) {
    const dir = join(tmpdir(), name)
    let owner: number
    try {
      owner = Number(readFileSync(join(dir, 'owner.pid'), 'utf8'))
    } catch {
      continue // being set up right now
    }
    if (alive(owner)) continue
    const [cmd, argv] = pgCtl(['stop', '-D', join(dir, 'data'), '-m', 'immediate', '-w'])
    spawnSync(cmd, argv, { stdio: 'ignore' })
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Whoever owns the cluster: a tap test, or a benchmark run that calls its teardowns at the end. */
export interface ClusterOwner {
  teardown(fn: () => unknown): void
}

/** Starts a cluster for the test `t` (call it once per file, with the file's `t`); gone after `t` ends. */
export async function startPostgres (t: ClusterOwner, options: { durable?: boolean } = {}): Promise<TestPostgres> {
  const bin = ensurePostgres()
  const user = clusterUser()
  const pgCtl = (args: string[]): [string, string[]] =>
    user?.wrap(join(bin, 'pg_ctl'), args) ?? [join(bin, 'pg_ctl'), args]
  removeStaleClusters(pgCtl)
  const dir = mkdtempSync(join(tmpdir(), Prefix))
  const data = join(dir, 'data')
  writeFileSync(join(dir, 'owner.pid'), String(process.pid))
  if (user !== undefined) chownSync(dir, user.uid, user.gid)
  const exec = async (tool: string, args: string[]): Promise<void> => {
    const [cmd, argv] = user?.wrap(join(bin, tool), args) ?? [join(bin, tool), args]
    try {
      await run(cmd, argv, { cwd: dir, timeout: 60_000 })
    } catch (err) {
      const e = err as { stderr?: string; stdout?: string; message: string }
      throw new Error(`startPostgres: ${tool} ${args.join(' ')} failed: ${e.stderr || e.stdout || e.message}`, {
        cause: err,
      })
    }
  }
  let started = false
  const stop = (): void => {
    if (started) {
      const [cmd, argv] = pgCtl(['stop', '-D', data, '-m', 'immediate', '-w'])
      spawnSync(cmd, argv, { stdio: 'ignore' })
      started = false
    }
    rmSync(dir, { recursive: true, force: true })
  }
  // A test process that dies without its teardown still stops its cluster.
  process.once('exit', stop)

  try {
    await exec('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
      '--no-instructions',
    ])
    let port = 0
    for (let attempt = 1; !started; attempt++) {
      port = await freePort()
      // `durable` keeps PostgreSQL's own defaults (fsync, synchronous commit), as a shop would run it.
      const durability =
        options.durable === true ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'
      const settings = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}${durability} -c max_connections=300`
      try {
        await exec('pg_ctl', ['start', '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30', '-o', settings])
        started = true
      } catch (err) {
        // Another process may have taken the port between freePort() and the start.
        if (attempt >= 3) throw err
      }
    }
    const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`
    const admin = new pg.Pool({ connectionString: adminUrl, max: 2 })
    admin.on('error', () => {
      /* terminated by the teardown */
    })
    let n = 0
    t.teardown(async () => {
      await admin.end()
      stop()
      process.removeListener('exit', stop)
    })
    return {
      adminUrl,
      async createDatabase (template) {
        const name = `test_${process.pid}_${++n}`
        await admin.query(
          `CREATE DATABASE ${name}${template === undefined ? '' : ` TEMPLATE ${pg.escapeIdentifier(template)}`}`
        )
        return `postgres://postgres@127.0.0.1:${port}/${name}`
      },
      async query (sql, params) {
        return (await admin.query(sql, params)).rows
      },
      pids: () => clusterPids(data),
    }
  } catch (err) {
    stop()
    process.removeListener('exit', stop)
    throw err
  }
}
