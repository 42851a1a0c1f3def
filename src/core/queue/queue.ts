/**
 * The operator queue, as pure functions over plain data: one queue ordered by the time each
 * conversation first asked for a person (re-queued ones keep their place), routed by language
 * and load, with a per-operator capacity.
 */
export interface QueuedConversation {
  id: string
  lang: string
  /** When it first entered the queue. */
  queuedAt: number
}

export interface OperatorLoad {
  id: string
  langs: readonly string[]
  capacity: number
  /** Conversations assigned to them now. */
  active: number
  online: boolean
  /** When they last took a conversation: among equals, the one who waited longest goes first. */
  lastAssignedAt?: number
}

/** Strict first come, first served; ties broken by id so every instance sees the same order. */
export function queueOrder<T extends QueuedConversation> (queued: readonly T[]): T[] {
  return [...queued].sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** The 1-based place of every queued conversation, sorted once: one pass serves every waiting visitor. */
export function queuePositions (queued: readonly QueuedConversation[]): Map<string, number> {
  return new Map(queueOrder(queued).map((c, i) => [c.id, i + 1]))
}

/** 1-based place of a conversation in the queue, or undefined when it is not queued. */
export function queuePosition (queued: readonly QueuedConversation[], id: string): number | undefined {
  const index = queueOrder(queued).findIndex((c) => c.id === id)
  return index === -1 ? undefined : index + 1
}

/**
 * Who should take a conversation: an online operator with free capacity, those who speak its
 * language first, then the least loaded (by share of capacity), then who waited longest.
 */
export function pickOperator (lang: string, operators: readonly OperatorLoad[]): OperatorLoad | undefined {
  const free = operators.filter((o) => o.online && o.active < o.capacity)
  const rank = (o: OperatorLoad): [number, number, number] => [
    o.langs.includes(lang) ? 0 : 1,
    o.active / o.capacity,
    o.lastAssignedAt ?? 0,
  ]
  return free.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)]
    return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2] || (a.id < b.id ? -1 : 1)
  })[0]
}

/**
 * The next conversation an operator should take: the longest-waiting one in a language they
 * speak, else the longest-waiting one overall (a visitor should not wait forever because nobody
 * speaks their language; the operator can still transfer it).
 */
export function nextFor<T extends QueuedConversation> (
  operator: Pick<OperatorLoad, 'langs'>,
  queued: readonly T[]
): T | undefined {
  const ordered = queueOrder(queued)
  return ordered.find((c) => operator.langs.includes(c.lang)) ?? ordered[0]
}

export interface EtaOptions {
  /** Handling times of recently closed conversations, in ms. */
  recentHandlingMs: readonly number[]
  /** Operators online now, and their total capacity. */
  operatorsOnline: number
  capacityOnline: number
  /** Used until there is history. @default 240000 (4 minutes) */
  defaultHandlingMs?: number
}

/**
 * An honest wait estimate in seconds for the conversation at `position`: the median recent
 * handling time times the number of "rounds" ahead of it, where a round serves as many
 * conversations as operators can hold at once. Undefined when nobody is online: there is no
 * honest number then, and the visitor is told when someone is back instead.
 */
export function estimateWaitSeconds (position: number, options: EtaOptions): number | undefined {
  if (options.operatorsOnline <= 0 || options.capacityOnline <= 0) return undefined
  const median = medianOf(options.recentHandlingMs) ?? options.defaultHandlingMs ?? 240_000
  const rounds = Math.ceil(position / options.capacityOnline)
  return Math.round((rounds * median) / 1000)
}

function medianOf (values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

export interface Assignment {
  id: string
  assignedAt: number
  lastVisitorAt: number | null
  lastOperatorAt: number | null
  remindedAt: number | null
}

/**
 * Assigned conversations whose operator went silent: the visitor wrote (or the operator took
 * it) and nobody answered within `remindAfterMs` → remind the operator once; within
 * `requeueAfterMs` → take it back and put it in the queue at its original place.
 */
export function silentAssignments (
  list: readonly Assignment[],
  now: number,
  options: { remindAfterMs: number; requeueAfterMs: number }
): { remind: string[]; requeue: string[] } {
  const remind: string[] = []
  const requeue: string[] = []
  for (const a of list) {
    const answered = a.lastOperatorAt ?? 0
    const waitingSince = Math.max(a.assignedAt, a.lastVisitorAt ?? 0)
    if (answered >= waitingSince) continue
    const silent = now - waitingSince
    if (silent >= options.requeueAfterMs) requeue.push(a.id)
    else if (silent >= options.remindAfterMs && (a.remindedAt ?? 0) < waitingSince) remind.push(a.id)
  }
  return { remind, requeue }
}
