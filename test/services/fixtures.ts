import type { Test } from 'tap'
import { reportRange } from '../../src/core/analytics/index.js'
import { createSqliteStore } from '../../src/store/sqlite.js'
import type { Operator, Store } from '../../src/store/types.js'

/** Tuesday 10 March 2026, 10:00 in Rome: inside the sample business hours below. */
export const TuesdayMorning = Date.parse('2026-03-10T09:00:00Z')
/** Sunday 8 March 2026, 20:00 in Rome: closed until Monday 09:00. */
export const SundayEvening = Date.parse('2026-03-08T19:00:00Z')

export const Hours = {
  timeZone: 'Europe/Rome',
  weekly: {
    mon: ['09:00-18:00'],
    tue: ['09:00-18:00'],
    wed: ['09:00-18:00'],
    thu: ['09:00-18:00'],
    fri: ['09:00-18:00'],
  },
}

/** A clock the test moves by hand. */
export interface Clock {
  (): number
  advance(ms: number): number
  set(at: number): void
}

export function createClock (start = TuesdayMorning): Clock {
  let now = start
  const clock = (): number => now
  clock.advance = (ms: number): number => (now += ms)
  clock.set = (at: number): void => {
    now = at
  }
  return clock
}

/** A real SQLite store in memory, closed with the test. */
export function memoryStore (t: Test): Store {
  const store = createSqliteStore({ file: ':memory:' })
  t.teardown(() => store.close())
  return store
}

export function operatorFixture (over: Partial<Operator> & { username: string }): Operator {
  return {
    id: `op-${over.username}`,
    name: over.username,
    role: 'operator',
    langs: ['en'],
    // Never checked outside the auth tests, which hash real passwords.
    passwordHash: 'scrypt$unused',
    capacity: 3,
    failedLogins: 0,
    lockedUntil: null,
    createdAt: 0,
    disabled: false,
    ...over,
  }
}

// ---- analytics: two conversations over three days

export const T0 = Date.parse('2026-03-02T09:00:00Z')
export const Now = T0 + 3 * 86_400_000
export const range = (() => {
  const r = reportRange({ from: '2026-03-01', to: '2026-03-03' }, 'Europe/Rome', Now)
  if (!r.ok) throw new Error(r.message)
  return r.range
})()
export const request = { range, timeZone: 'Europe/Rome', recontactMs: 24 * 3_600_000, now: Now }

/** Two conversations: one answered and thanked, one that asked for a person and was claimed. */
export async function fill (store: Store): Promise<void> {
  const base = {
    lang: 'es',
    visitorName: null,
    pageUrl: null,
    userAgent: null,
    browserLang: 'es',
    tokenHash: 'h'.repeat(64),
    updatedAt: T0,
    assignedAt: null,
    lastVisitorAt: null,
    lastOperatorAt: null,
    remindedAt: null,
  }
  await store.createConversation({
    ...base,
    id: 'lucia',
    state: 'bot',
    createdAt: T0,
    queuedAt: null,
    assignedTo: null,
    closedAt: null,
    visitorKey: 'browser-lucia',
  })
  await store.createConversation({
    ...base,
    id: 'pablo',
    state: 'assigned',
    createdAt: T0 + 60_000,
    queuedAt: T0 + 70_000,
    assignedTo: 'op-marta',
    closedAt: null,
    visitorKey: 'browser-pablo',
  })
  const message = { html: null, lang: 'es', clientId: null, entryId: null, operatorId: null, data: null }
  await store.appendMessages('lucia', [
    { ...message, author: 'visitor', text: '¿Cuánto tarda el envío?', at: T0 + 1000, kind: null, clientId: 'q1' },
    { ...message, author: 'bot', text: 'De 3 a 5 días.', at: T0 + 1000, kind: 'answer', entryId: 'envios' },
    {
      ...message,
      author: 'visitor',
      text: 'Sí',
      at: T0 + 5000,
      kind: 'feedback',
      clientId: 'f1',
      data: { seq: 2, helpful: true },
    },
  ])
  await store.appendMessages('pablo', [
    { ...message, author: 'visitor', text: 'Quiero hablar con una persona', at: T0 + 65_000, kind: 'handoff' },
    { ...message, author: 'system', text: 'En cola', at: T0 + 70_000, kind: 'queue' },
    { ...message, author: 'system', text: 'Marta', at: T0 + 100_000, kind: 'assigned', operatorId: 'op-marta' },
  ])
}
