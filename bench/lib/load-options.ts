import { parseArgs } from 'node:util'

/** Everything `npm run bench:load` can be told; every figure is bounded so a run always ends. */
export interface LoadOptions {
  /** Idle connections of the memory phase, and concurrent visitors of the steady phase. @default 1000 */
  visitors: number
  /** Seconds of steady load (one question per visitor per second). @default 20 */
  duration: number
  /** Connections of the flood phase. @default 50 */
  floodConnections: number
  /** Seconds of flood. @default 10 */
  floodSeconds: number
  /** Frames each flood connection keeps outstanding. @default 20 */
  floodWindow: number
  /** Share of steady visitors who ask for a person once. @default 0.1 */
  escalateShare: number
  /** Simulated operators answering escalations. @default 3 */
  operators: number
  /** Seconds to wait for outstanding acks after a phase stops sending before counting them lost. @default 5 */
  graceSeconds: number
  /** Server processes behind the Frontdesk target. @default 1 */
  instances: number
  /** The Frontdesk store. @default "sqlite" */
  database: 'sqlite' | 'postgres'
  /** Seed of the question mix, so two runs send the same questions. @default 1 */
  seed: number
  /** Print one JSON object as the last line of stdout. @default false */
  json: boolean
}

export const Usage =
  'usage: npm run bench:load -- [--visitors N] [--duration S] [--flood-connections K] [--flood-seconds F] ' +
  '[--flood-window W] [--escalate-share X] [--operators N] [--grace S] [--seed N] [--instances N] [--database sqlite|postgres] [--json]'

/** The limits that keep the generator and the servers inside the machine: a run must end by itself. */
const Bounds = {
  visitors: [1, 20_000],
  duration: [1, 600],
  floodConnections: [1, 5_000],
  floodSeconds: [1, 300],
  floodWindow: [1, 1_000],
  operators: [1, 50],
  graceSeconds: [1, 120],
  instances: [1, 8],
  seed: [0, 2 ** 31],
} as const

/** Parses the command line; throws with the usage line for anything out of bounds. */
export function parseLoadOptions (argv: string[]): LoadOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      visitors: { type: 'string', default: '1000' },
      duration: { type: 'string', default: '20' },
      'flood-connections': { type: 'string', default: '50' },
      'flood-seconds': { type: 'string', default: '10' },
      'flood-window': { type: 'string', default: '20' },
      'escalate-share': { type: 'string', default: '0.1' },
      operators: { type: 'string', default: '3' },
      grace: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
      instances: { type: 'string', default: '1' },
      database: { type: 'string', default: 'sqlite' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  })
  const int = (name: keyof typeof Bounds, raw: string): number => {
    const n = Number(raw)
    const [min, max] = Bounds[name]
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new Error(`bench:load: --${name} must be a whole number from ${min} to ${max}, not "${raw}"\n${Usage}`)
    }
    return n
  }
  const share = Number(values['escalate-share'])
  if (!(share >= 0 && share <= 1)) {
    throw new Error(`bench:load: --escalate-share must be between 0 and 1, not "${values['escalate-share']}"\n${Usage}`)
  }
  const database = values.database
  if (database !== 'sqlite' && database !== 'postgres') {
    throw new Error(`bench:load: --database must be sqlite or postgres, not "${database}"\n${Usage}`)
  }
  const options: LoadOptions = {
    visitors: int('visitors', values.visitors),
    duration: int('duration', values.duration),
    floodConnections: int('floodConnections', values['flood-connections']),
    floodSeconds: int('floodSeconds', values['flood-seconds']),
    floodWindow: int('floodWindow', values['flood-window']),
    escalateShare: share,
    operators: int('operators', values.operators),
    graceSeconds: int('graceSeconds', values.grace),
    seed: int('seed', values.seed),
    instances: int('instances', values.instances),
    database,
    json: values.json,
  }
  if (options.instances > 1 && options.database === 'sqlite') {
    throw new Error('bench:load: --instances above 1 needs --database postgres: one process owns an SQLite file')
  }
  return options
}
