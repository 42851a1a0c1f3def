import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** One server process of a target. */
export interface Instance {
  pid: number
  url: string
}

/** An operator account created for the run (Frontdesk only). */
export interface OperatorAccount {
  username: string
  password: string
  langs: string[]
}

/** A server set under test, started: one or more processes on loopback. */
export interface RunningTarget {
  name: 'echo' | 'frontdesk'
  label: string
  instances: Instance[]
  /** The websocket URL for visitor connection number `i` (spread over the instances). */
  visitorUrl(i: number): string
  /** The HTTP base URL for client number `i`. */
  httpUrl(i: number): string
  operators: OperatorAccount[]
  /** What was changed from the defaults for the run, to print. */
  notes: string[]
  /** Resident memory of all the target's processes, in bytes. */
  rss(): number
  /** CPU seconds (user + system) used by all the target's processes so far, its database's included. */
  cpuSeconds(): number
  /** The part of `cpuSeconds()` used by the database's processes (0 without one). */
  databaseCpuSeconds(): number
  /** Whether every process is still running. */
  alive(): boolean
  /** The processes' stdout and stderr, for a post-mortem. */
  output(): string
  /** Stops the processes and starts them again on the same data; URLs and pids change. */
  restart(): Promise<void>
  stop(): Promise<void>
}

export interface TargetSpec {
  name: 'echo' | 'frontdesk'
  start(): Promise<RunningTarget>
}

const StartTimeoutMs = 30_000
const StopTimeoutMs = 5_000
const OperatorPassword = 'bench-load-password'
const ClockTicks = 100 // USER_HZ on Linux

/** Every child this process started, so an abort kills them all and nothing outlives the run. */
const children = new Set<ChildProcess>()
export function killAllChildren (): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
}

/** VmRSS of a process from /proc, in bytes (0 once it is gone). */
export function rssOf (pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb === undefined ? 0 : Number(kb) * 1024
  } catch {
    return 0
  }
}

/**
 * utime + stime of a process from /proc, in seconds; with `reaped`, also that of its children that have exited (cutime
 * + cstime).
 */
export function cpuOf (pid: number, reaped = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // Fields 14 to 17 of stat(5); the slice starts at field 3.
    return (
      (Number(fields[11]) + Number(fields[12]) + (reaped ? Number(fields[13]) + Number(fields[14]) : 0)) / ClockTicks
    )
  } catch {
    return 0
  }
}

interface Spawned {
  child: ChildProcess
  url: string
  output: () => string
}

/** Starts a server process and resolves with its URL once its start line matches `ready`. */
async function spawnServer (args: string[], env: Record<string, string>, cwd: string, ready: RegExp): Promise<Spawned> {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  child.once('exit', () => children.delete(child))
  let output = ''
  const keep = (d: Buffer): void => {
    output = (output + String(d)).slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`bench:load: ${args.join(' ')} did not start in ${StartTimeoutMs / 1000} s:\n${output}`))
    }, StartTimeoutMs)
    child.stdout?.on('data', () => {
      const match = ready.exec(output)?.[1]
      if (match !== undefined) {
        clearTimeout(timer)
        resolve(match)
      }
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`bench:load: ${args.join(' ')} exited (${code ?? signal}) before listening:\n${output}`))
    })
  })
  return { child, url, output: () => output }
}

async function stopChild (child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill(signal)
  const timer = setTimeout(() => child.kill('SIGKILL'), StopTimeoutMs)
  await exited
  clearTimeout(timer)
}

/** A started target; `spawnAll` starts its processes, again on `restart()`. */
async function running (
  name: RunningTarget['name'],
  label: string,
  spawnAll: () => Promise<Spawned[]>,
  path: string,
  extra: Partial<RunningTarget> & { cleanup?: () => void; databasePids?: () => number[] } = {}
): Promise<RunningTarget> {
  let spawned = await spawnAll()
  const instances: Instance[] = []
  const track = (): void => {
    instances.splice(0, instances.length, ...spawned.map((s) => ({ pid: s.child.pid ?? 0, url: s.url })))
  }
  track()
  const at = (i: number): Instance => instances[i % instances.length] as Instance
  const exited: string[] = []
  // The database's first pid is its postmaster: the backends that closed count through it.
  const databaseCpu = (): number => (extra.databasePids?.() ?? []).reduce((sum, pid, i) => sum + cpuOf(pid, i === 0), 0)
  const stopAll = async (signal?: 'SIGKILL'): Promise<void> => {
    await Promise.all(spawned.map((s) => stopChild(s.child, signal)))
    exited.push(...spawned.map((s) => s.output()))
  }
  return {
    name,
    label,
    instances,
    visitorUrl: (i) => `${at(i).url.replace(/^http/, 'ws')}${path}`,
    httpUrl: (i) => at(i).url,
    operators: extra.operators ?? [],
    notes: extra.notes ?? [],
    rss: () => instances.reduce((sum, p) => sum + rssOf(p.pid), 0),
    cpuSeconds: () => instances.reduce((sum, p) => sum + cpuOf(p.pid), 0) + databaseCpu(),
    databaseCpuSeconds: databaseCpu,
    alive: () => spawned.every((s) => s.child.exitCode === null && s.child.signalCode === null),
    output: () => [...exited, ...spawned.map((s) => s.output())].join('\n'),
    async restart () {
      // A server busy with a backlog would take its time to shut down gracefully; committed data survives a kill.
      await stopAll('SIGKILL')
      spawned = await spawnAll()
      track()
    },
    async stop () {
      await stopAll()
      extra.cleanup?.()
    },
  }
}

/** The baseline: bench/lib/echo-server.ts, a bare @fastify/websocket echo, one process. */
export function echoTarget (root: string): TargetSpec {
  return {
    name: 'echo',
    async start () {
      const spawnAll = async (): Promise<Spawned[]> => [
        await spawnServer(
          ['--import', 'tsx', join(root, 'bench', 'lib', 'echo-server.ts')],
          {},
          root,
          /running at (http:\/\/[\d.:]+)/
        ),
      ]
      return await running('echo', 'bare @fastify/websocket echo', spawnAll, '/ws/echo')
    },
  }
}

export interface FrontdeskTargetOptions {
  root: string
  /** Connections the run opens at once from 127.0.0.1, so the per-IP cap can be raised above them. */
  connections: number
  operators: number
  instances: number
  database: 'sqlite' | 'postgres'
  /**
   * The run's PostgreSQL (with `database: 'postgres'`): a fresh database shared by the instances, and its processes,
   * whose CPU counts as the server's.
   */
  postgres?: { createDatabase(): Promise<string>; pids(): number[] }
  /** The `limits` section to run with instead of the raised one (bench:attack runs with the defaults). */
  limits?: Record<string, number>
}

/**
 * The real server: `node bin/frontdesk.js serve` on a fresh temp DATA_DIR, with a config that
 * raises the per-IP limits (every simulated visitor comes from 127.0.0.1) and operators created
 * with `frontdesk operator add` beforehand.
 */
export function frontdeskTarget (o: FrontdeskTargetOptions): TargetSpec {
  return {
    name: 'frontdesk',
    async start () {
      if (o.database === 'postgres' && o.postgres === undefined) {
        throw new Error('bench:load: --database postgres needs a PostgreSQL to share')
      }
      const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-'))
      const cleanup = (): void => rmSync(dir, { recursive: true, force: true })
      try {
        const limits = o.limits ?? {
          connectionsPerIp: o.connections + 100,
          messagesPerMinute: 1_000_000,
          messagesPerMinutePerAddress: 1_000_000,
          startsPerMinutePerAddress: 1_000_000,
          startsPerMinutePerVisitor: 1_000_000,
          requestsPerMinute: 1_000_000,
        }
        const configFile = join(dir, 'bench.yaml')
        const entries = Object.entries(limits)
        writeFileSync(
          configFile,
          `# written by bench/load.ts\nlimits:${entries.length === 0 ? ' {}' : ''}\n${entries
            .map(([k, v]) => `  ${k}: ${v}`)
            .join('\n')}\n`
        )
        const env: Record<string, string> = {
          DATA_DIR: join(dir, 'data'),
          FRONTDESK_CONFIG: configFile,
          LOG_LEVEL: 'warn',
        }
        if (o.database === 'postgres' && o.postgres !== undefined) env.DATABASE_URL = await o.postgres.createDatabase()
        const operators = Array.from({ length: o.operators }, (_, i) => ({
          username: `bench-op-${i + 1}`,
          password: OperatorPassword,
          langs: ['en', 'es', 'it', 'ru'],
        }))
        // The first creates the database; the others can then run side by side.
        const [first, ...rest] = operators
        if (first !== undefined) await addOperator(o.root, env, first)
        await Promise.all(rest.map((op) => addOperator(o.root, env, op)))
        const spawnAll = async (): Promise<Spawned[]> => {
          const spawned: Spawned[] = []
          for (let i = 0; i < o.instances; i++) {
            spawned.push(
              await spawnServer(
                [join(o.root, 'bin', 'frontdesk.js'), 'serve'],
                env,
                o.root,
                /running at (http:\/\/[\d.:]+)/
              )
            )
          }
          return spawned
        }
        return await running(
          'frontdesk',
          `Frontdesk (${o.instances} instance${o.instances > 1 ? 's' : ''}, ${o.database})`,
          spawnAll,
          '/ws/visitor',
          {
            operators,
            notes: [
              `config ${Object.entries(limits)
                .map(([k, v]) => `limits.${k}=${v}`)
                .join(', ')} (defaults 50, 30, 120, 30, 5, 600): every simulated client comes from 127.0.0.1`,
              'LOG_LEVEL=warn (no per-request log lines; the echo server logs nothing either)',
              o.database === 'postgres'
                ? "a fresh database on a throwaway PostgreSQL cluster on this machine with PostgreSQL's default durability (fsync and synchronous_commit on), shared by the instances; visitors and operators spread over the instances in turn; server CPU includes the PostgreSQL processes, memory does not"
                : 'a fresh SQLite file in a temp DATA_DIR (deleted at the end)',
              `${o.operators} operators added with \`frontdesk operator add --langs en,es,it,ru\``,
            ],
            cleanup,
            ...(o.postgres !== undefined && { databasePids: o.postgres.pids }),
          }
        )
      } catch (err) {
        cleanup()
        throw err
      }
    },
  }
}

/** `frontdesk operator add`, password on stdin, exactly as an admin would. */
async function addOperator (root: string, env: Record<string, string>, op: OperatorAccount): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      join(root, 'bin', 'frontdesk.js'),
      'operator',
      'add',
      op.username,
      '--name',
      op.username,
      '--langs',
      op.langs.join(','),
    ],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    }
  )
  children.add(child)
  let output = ''
  child.stdout?.on('data', (d) => {
    output += String(d)
  })
  child.stderr?.on('data', (d) => {
    output += String(d)
  })
  child.stdin?.end(`${op.password}\n`)
  const timer = setTimeout(() => child.kill('SIGKILL'), StartTimeoutMs)
  const code = await new Promise<number | string>((resolve) =>
    child.once('exit', (c, signal) => resolve(c ?? signal ?? 'unknown'))
  )
  clearTimeout(timer)
  children.delete(child)
  if (code !== 0) throw new Error(`bench:load: frontdesk operator add ${op.username} failed (${code}): ${output}`)
}
