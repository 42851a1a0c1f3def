import type { ContentProblem } from '../errors.js'
import { isMap, isScalar, isSeq, parseLocatedYaml } from './yaml.js'

/**
 * What one turn of a conversation must lead to:
 * - `<entry id>`: the bot answers with that entry;
 * - `choices <entry id>`: the bot offers choices, that entry among them;
 * - `smalltalk`: a short small-talk reply, nobody paged;
 * - `thanked`: "did this help?" answered yes in words, and thanked for;
 * - `handoff`: handed to a person (the queue, or the offline form when nobody is there);
 * - `offline`: the offline form is offered.
 */
export type TurnExpectation =
  | { kind: 'answer'; entryId: string }
  | { kind: 'choices'; entryId: string }
  | { kind: 'smalltalk' | 'thanked' | 'handoff' | 'offline' }

export interface ConversationTurn {
  say: string
  expect: TurnExpectation
  /** As the editor wrote it, for reports. */
  written: string
  line: number
}

/** A multi-turn case of `faq/conversations.yaml`: what a visitor says, turn by turn, and what must happen. */
export interface ConversationCase {
  name: string
  lang: string
  turns: ConversationTurn[]
  /** A known gap, with why: reported, but not failing the run. */
  todo?: string
  line: number
}

const Keywords = new Set(['smalltalk', 'thanked', 'handoff', 'offline'])

/** `expect` as written: an entry id, `choices <id>`, or one of the keywords. */
export function parseExpectation (written: string): TurnExpectation | undefined {
  const [head = '', id, ...rest] = written.trim().split(/\s+/)
  if (rest.length > 0) return undefined
  if (head === 'choices') return id === undefined ? undefined : { kind: 'choices', entryId: id }
  if (id !== undefined) return undefined
  if (Keywords.has(head)) return { kind: head as 'smalltalk' | 'thanked' | 'handoff' | 'offline' }
  return /^[a-z0-9][a-z0-9-]*$/.test(head) ? { kind: 'answer', entryId: head } : undefined
}

/**
 * Parses `faq/conversations.yaml`: a list of `{ name, lang, turns: [{ say, expect }] }`. Every
 * bad case or turn is reported at its line; the good ones are still returned.
 */
export function parseConversationTests (
  text: string,
  file: string
): { cases: ConversationCase[]; problems: ContentProblem[] } {
  const yaml = parseLocatedYaml(text, file)
  const problems = [...yaml.problems]
  const cases: ConversationCase[] = []
  const root = yaml.doc.contents
  if (problems.some((p) => p.severity === 'error') || root === null) return { cases, problems }
  const problem = (line: number, message: string): void => {
    problems.push({ file, line, message, severity: 'error' })
  }
  if (!isSeq(root)) {
    problem(1, 'must be a list of conversations: "- name: ..., lang: .., turns: [{ say: ..., expect: ... }]"')
    return { cases, problems }
  }
  for (const node of root.items) {
    const line = yaml.lineOf(node)
    if (!isMap(node)) {
      problem(line, 'a conversation must have name, lang and turns')
      continue
    }
    const text = (from: typeof node, name: string): string | undefined => {
      const value = from.get(name, true)
      return isScalar(value) && value.value !== null && String(value.value).trim() !== ''
        ? String(value.value).trim()
        : undefined
    }
    const [name, lang] = [text(node, 'name'), text(node, 'lang')]
    const turnsNode = node.get('turns', true)
    if (name === undefined || lang === undefined || !isSeq(turnsNode) || turnsNode.items.length === 0) {
      problem(line, 'a conversation must have name, lang and a list of turns')
      continue
    }
    const turns: ConversationTurn[] = []
    for (const t of turnsNode.items) {
      const at = yaml.lineOf(t)
      const say = isMap(t) ? text(t, 'say') : undefined
      const written = isMap(t) ? text(t, 'expect') : undefined
      const expect = written === undefined ? undefined : parseExpectation(written)
      if (say === undefined || written === undefined) problem(at, 'a turn must have say and expect')
      else if (expect === undefined) {
        problem(at, `expect "${written}" is not an entry id, "choices <entry id>", smalltalk, thanked, handoff or offline`)
      } else turns.push({ say, expect, written, line: at })
    }
    const todo = text(node, 'todo')
    if (turns.length !== turnsNode.items.length) continue
    cases.push({ name, lang, turns, line, ...(todo !== undefined && { todo }) })
  }
  return { cases, problems }
}
