import {
  createHash,
  randomBytes,
  randomUUID,
  scrypt as scryptCb,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto'
import type { ErrorCode } from '../core/errors.js'
import type { Operator, Role, Store } from '../store/types.js'

// OWASP's scrypt minimum (N=2^17, r=8, p=1) costs ~128 MiB and ~0.3 s here; 2^15 keeps a login
// under 100 ms on these machines while staying far beyond what offline guessing can afford.
const Params = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 }

function scrypt (password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password, salt, keyLength, { ...options, maxmem: 256 * 1024 * 1024 }, (err, key) => {
      if (err !== null) reject(err)
      else resolve(key)
    })
  })
}

/** `scrypt$N$r$p$salt$key`, base64url: the parameters travel with the hash so they can be raised later. */
export async function hashPassword (password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, Params.keyLength, { N: Params.N, r: Params.r, p: Params.p })
  return ['scrypt', Params.N, Params.r, Params.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** Checks a password against a stored scrypt hash in constant time; false for a malformed hash. */
export async function verifyPassword (password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || salt === undefined || key === undefined) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  })
  return timingSafeEqual(actual, expected)
}

/** The hex SHA-256 of a token: sessions and resume tokens are stored only as this. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex')

/** How long a session lasts, and after how many failed logins an account is locked for how long. */
export interface AuthOptions {
  /** @default 12 hours */
  sessionTtlMs: number
  /** Failed logins before the account is locked. @default 5 */
  maxFailures: number
  /** @default 15 minutes */
  lockMs: number
}

/** A new session with its CSRF token, or the refusal (never saying whether the username exists). */
export type LoginResult =
  | { ok: true; operator: Operator; sessionToken: string; csrfToken: string; expiresAt: number }
  | { ok: false; code: ErrorCode; message: string }

// Verified against when the username does not exist, so both cases take the same time.
let decoy: Promise<string> | undefined

/** Operator and editor logins: scrypt-hashed passwords, sessions stored hashed, lockout. */
export function createAuth (deps: { store: Store; clock: () => number; options: AuthOptions }) {
  const { store, clock, options } = deps
  const refused = {
    ok: false as const,
    code: 'FD_ERR_LOGIN_FAILED' as const,
    message: 'wrong username or password, or the account is locked for a while',
  }
  return {
    async login (username: string, password: string): Promise<LoginResult> {
      const operator = await store.getOperatorByUsername(username)
      const now = clock()
      // Every refusal costs one scrypt check, whatever the reason: a fast answer would tell which
      // usernames exist (a locked account is a real one), and so which accounts to lock.
      if (operator === undefined || operator.disabled) {
        await verifyPassword(password, await (decoy ??= hashPassword(randomUUID())))
        return refused
      }
      if (operator.lockedUntil !== null && operator.lockedUntil > now) {
        await verifyPassword(password, operator.passwordHash)
        return refused
      }
      // The attempt is counted before the password is checked: counted after, parallel guesses
      // all read the account unlocked and are all checked, however many there are.
      const counted = await store.recordLoginFailure(operator.id, now, options.maxFailures, options.lockMs)
      const right = await verifyPassword(password, operator.passwordHash)
      if (counted.failedLogins > options.maxFailures || !right) return refused
      // A success forgets the attempts counted, its own included.
      await store.updateOperator(operator.id, { failedLogins: 0, lockedUntil: null })
      const sessionToken = randomBytes(32).toString('base64url')
      const csrfToken = randomBytes(24).toString('base64url')
      const expiresAt = now + options.sessionTtlMs
      await store.createSession({
        idHash: sha256(sessionToken),
        operatorId: operator.id,
        csrfToken,
        createdAt: now,
        expiresAt,
      })
      return { ok: true, operator, sessionToken, csrfToken, expiresAt }
    },

    /** The operator behind a session cookie, if the session is live and the account enabled. */
    async session (token: string | undefined): Promise<{ operator: Operator; csrfToken: string } | undefined> {
      if (token === undefined || token === '' || token.length > 200) return undefined
      const session = await store.getSession(sha256(token))
      if (session === undefined || session.expiresAt <= clock()) return undefined
      const operator = await store.getOperator(session.operatorId)
      if (operator === undefined || operator.disabled) return undefined
      return { operator, csrfToken: session.csrfToken }
    },

    async logout (token: string | undefined): Promise<void> {
      if (token !== undefined && token !== '') await store.deleteSession(sha256(token))
    },
  }
}

/** The auth service, as `fastify.frontdesk.auth`. */
export type Auth = ReturnType<typeof createAuth>

/** Roles grant by rank: an admin can do what an editor can, an editor what an operator can. */
const Rank: Record<Role, number> = { operator: 1, editor: 2, admin: 3 }
/** Whether an operator has at least this role (operator < editor < admin). */
export const hasRole = (operator: Pick<Operator, 'role'>, needed: Role): boolean => Rank[operator.role] >= Rank[needed]

/** Constant-time comparison of two tokens of any length. */
export function sameToken (a: string, b: string): boolean {
  const [x, y] = [Buffer.from(sha256(a), 'hex'), Buffer.from(sha256(b), 'hex')]
  return timingSafeEqual(x, y)
}
