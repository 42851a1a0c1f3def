import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { Value } from '@sinclair/typebox/value'
import { parse } from 'yaml'
import { FrontdeskError } from '../core/errors.js'
import { isTimeZone } from '../core/hours/zone.js'
import { ConfigSchema, type Config } from './schema.js'

/** Environment variables that override the config file, for containers and one-off runs. */
const EnvOverrides: Record<string, (config: Record<string, unknown>, value: string) => void> = {
  HOST: (c, v) => {
    c.host = v
  },
  PORT: (c, v) => {
    c.port = /^\d+$/.test(v) ? Number(v) : v
  },
  DATA_DIR: (c, v) => {
    c.dataDir = v
  },
  DATABASE_URL: (c, v) => {
    c.databaseUrl = v
  },
  FAQ_DIR: (c, v) => {
    c.faqDir = v
  },
  TEMPLATES_DIR: (c, v) => {
    c.templatesDir = v
  },
  DEFAULT_LANG: (c, v) => {
    c.defaultLang = v
  },
  FRONTDESK_METRICS_TOKEN: (c, v) => {
    c.metrics = { ...(c.metrics as object | undefined), token: v }
  },
}

/** Read when it exists in the working folder and no other file is named. */
export const DefaultFile = 'frontdesk.yaml'

/**
 * Reads the config file (YAML; a missing default file is fine, a missing named one is not),
 * applies environment overrides and defaults, and validates it all once, at start, naming every
 * bad field. Throws FD_ERR_CONFIG_INVALID: a server must not start on a config it misreads.
 */
export async function loadConfig (options: { file?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Config> {
  const env = options.env ?? process.env
  const named = options.file ?? (env.FRONTDESK_CONFIG === '' ? undefined : env.FRONTDESK_CONFIG)
  const file = named ?? (existsSync(DefaultFile) ? DefaultFile : undefined)
  let raw: unknown = {}
  if (file !== undefined) {
    let text
    try {
      text = await readFile(file, 'utf8')
    } catch (err) {
      throw new FrontdeskError('FD_ERR_CONFIG_INVALID', `cannot read config file ${file}: ${(err as Error).message}`, {
        cause: err,
      })
    }
    try {
      raw = parse(text) ?? {}
    } catch (err) {
      throw new FrontdeskError('FD_ERR_CONFIG_INVALID', `${file}: ${(err as Error).message}`, { cause: err })
    }
  }
  return configFrom(raw, env, file ?? 'config')
}

/** Validates a config object (already parsed) with overrides from `env`. */
export function configFrom (raw: unknown, env: NodeJS.ProcessEnv = {}, source = 'config'): Config {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new FrontdeskError('FD_ERR_CONFIG_INVALID', `${source}: must be a map of settings`)
  }
  const config = structuredClone(raw) as Record<string, unknown>
  for (const [name, apply] of Object.entries(EnvOverrides)) {
    const value = env[name]
    if (value !== undefined && value !== '') apply(config, value)
  }
  const withDefaults = Value.Default(ConfigSchema, config)
  const errors = [...Value.Errors(ConfigSchema, withDefaults)]
  if (errors.length > 0) {
    const list = errors.map((e) => `${e.path === '' ? '(root)' : e.path.slice(1).replaceAll('/', '.')}: ${e.message}`)
    throw new FrontdeskError('FD_ERR_CONFIG_INVALID', `${source}: ${[...new Set(list)].join('; ')}`)
  }
  const checked = withDefaults as Config
  if (checked.thresholds !== undefined && checked.thresholds.clarify > checked.thresholds.answer) {
    throw new FrontdeskError(
      'FD_ERR_CONFIG_INVALID',
      `${source}: thresholds.clarify (${checked.thresholds.clarify}) must not be above thresholds.answer (${checked.thresholds.answer})`
    )
  }
  const zone = checked.analytics.timeZone
  if (zone !== undefined && !isTimeZone(zone)) {
    throw new FrontdeskError(
      'FD_ERR_CONFIG_INVALID',
      `${source}: analytics.timeZone: "${zone}" is not a time zone (e.g. Europe/Rome)`
    )
  }
  return checked
}
