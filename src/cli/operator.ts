import { randomUUID } from 'node:crypto'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config/load.js'
import { FrontdeskError } from '../core/errors.js'
import { primaryTag } from '../core/lang/tags.js'
import { openStore } from '../server/server.js'
import { hashPassword } from '../services/auth.js'
import type { Role } from '../store/types.js'
import { Exit, type Io } from './io.js'

const Roles: readonly Role[] = ['operator', 'editor', 'admin']
export const MinPasswordLength = 10

/** The password from a pipe (`echo ... | frontdesk operator add`) or typed at a prompt without echo. */
export async function readPassword (input: NodeJS.ReadStream = process.stdin, prompt = 'Password: '): Promise<string> {
  if (!input.isTTY) {
    let text = ''
    for await (const chunk of input) text += String(chunk)
    return text.split(/\r?\n/)[0] ?? ''
  }
  const rl = createInterface({ input, output: process.stderr, terminal: true })
  const muted = rl as unknown as { _writeToOutput: (s: string) => void }
  process.stderr.write(prompt)
  muted._writeToOutput = () => {}
  const answer = await new Promise<string>((resolve) => rl.question('', resolve))
  rl.close()
  process.stderr.write('\n')
  return answer
}

export async function operatorCommand (
  argv: string[],
  io: Io,
  password: () => Promise<string> = readPassword
): Promise<number> {
  const [sub, ...rest] = argv
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      config: { type: 'string' },
      name: { type: 'string' },
      langs: { type: 'string' },
      role: { type: 'string' },
      capacity: { type: 'string' },
    },
    allowPositionals: true,
  })
  const config = await loadConfig({ file: values.config })
  const store = openStore(config)
  try {
    if (sub === 'list') {
      for (const o of await store.listOperators()) {
        io.out(
          `${o.username.padEnd(20)} ${o.role.padEnd(9)} ${o.langs.join(',').padEnd(12)} ${o.name}${o.disabled ? ' (disabled)' : ''}`
        )
      }
      return Exit.ok
    }
    if (sub !== 'add') {
      io.err('frontdesk operator: expected add or list')
      return Exit.usage
    }
    const username = positionals[0]
    if (username === undefined || !/^[a-z0-9._-]{2,50}$/.test(username)) {
      throw new FrontdeskError(
        'FD_ERR_CONFIG_INVALID',
        'give a username of 2-50 lower-case letters, digits, dots, dashes or underscores: frontdesk operator add <username> --name "..." --langs en,es'
      )
    }
    const role = (values.role ?? 'operator') as Role
    if (!Roles.includes(role)) {
      throw new FrontdeskError('FD_ERR_CONFIG_INVALID', `--role must be one of ${Roles.join(', ')}`)
    }
    const langs = (values.langs ?? config.defaultLang).split(',').map((l) => l.trim())
    const bad = langs.find((l) => primaryTag(l) !== l)
    if (bad !== undefined) {
      throw new FrontdeskError('FD_ERR_CONFIG_INVALID', `--langs: "${bad}" is not a language code such as en or es`)
    }
    const capacity = values.capacity === undefined ? config.queue.defaultCapacity : Number(values.capacity)
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 50) {
      throw new FrontdeskError('FD_ERR_CONFIG_INVALID', '--capacity must be a whole number from 1 to 50')
    }
    if ((await store.getOperatorByUsername(username)) !== undefined) {
      throw new FrontdeskError('FD_ERR_CONFIG_INVALID', `an operator "${username}" already exists`)
    }
    const secret = await password()
    if (secret.length < MinPasswordLength) {
      throw new FrontdeskError(
        'FD_ERR_CONFIG_INVALID',
        `the password must have at least ${MinPasswordLength} characters`
      )
    }
    await store.createOperator({
      id: randomUUID(),
      username,
      name: values.name ?? username,
      role,
      langs,
      capacity,
      passwordHash: await hashPassword(secret),
      failedLogins: 0,
      lockedUntil: null,
      createdAt: Date.now(),
      disabled: false,
    })
    io.out(`added ${role} ${username} (${langs.join(', ')})`)
    return Exit.ok
  } finally {
    await store.close()
  }
}
