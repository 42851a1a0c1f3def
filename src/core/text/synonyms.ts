/**
 * Synonym groups compiled into a rewrite of term sequences. Every member of a group is
 * rewritten to the group's first member, so "parcel", "package" and "box" index and search as
 * one word. Members may be phrases ("gift card"); they are matched on processed terms.
 */
export type SynonymRewriter = (terms: string[]) => string[]

interface Rule {
  from: string[]
  to: string[]
}

/**
 * Builds a rewriter from groups already turned into terms (one term list per member, as the
 * analyzer processes them). Members with no terms (only stop words) are ignored. Longer
 * phrases win over shorter ones starting at the same term.
 */
export function compileSynonyms (groups: string[][][]): SynonymRewriter {
  const rules = new Map<string, Rule[]>()
  for (const group of groups) {
    const members = group.filter((m) => m.length > 0)
    const to = members[0]
    if (to === undefined) continue
    for (const from of members.slice(1)) addRule(rules, { from, to })
  }
  if (rules.size === 0) return (terms) => terms
  for (const list of rules.values()) list.sort((a, b) => b.from.length - a.from.length)
  return (terms) => rewrite(terms, rules)
}

function addRule (rules: Map<string, Rule[]>, rule: Rule): void {
  if (rule.from.join(' ') === rule.to.join(' ')) return
  const head = rule.from[0] as string
  const list = rules.get(head)
  if (list === undefined) rules.set(head, [rule])
  else list.push(rule)
}

function rewrite (terms: string[], rules: Map<string, Rule[]>): string[] {
  const out: string[] = []
  for (let i = 0; i < terms.length;) {
    const rule = rules.get(terms[i] as string)?.find((r) => startsAt(terms, i, r.from))
    if (rule === undefined) {
      out.push(terms[i] as string)
      i++
    } else {
      out.push(...rule.to)
      i += rule.from.length
    }
  }
  return out
}

function startsAt (terms: string[], at: number, phrase: string[]): boolean {
  return phrase.every((p, k) => terms[at + k] === p)
}
