import { knownIso1 } from './codes.js'

/** Deprecated primary subtags that browsers still send, and their current form. */
const Deprecated: Readonly<Record<string, string>> = { iw: 'he', in: 'id', ji: 'yi', jw: 'jv', mo: 'ro' }

/** Codes that name no language: undetermined, multiple, no linguistic content, uncoded. */
const NoLanguage = new Set(['und', 'mul', 'zxx', 'mis'])

/** Longest Accept-Language header read; browsers send well under 200 characters. */
const MaxHeaderLength = 2048

/**
 * The primary language subtag of a BCP 47 tag, lower case: `'es-ES'` → `'es'`,
 * `'pt_BR'` → `'pt'`, `'EN'` → `'en'`. A three-letter code that has a two-letter form is given
 * in that form (`'spa'` → `'es'`), as BCP 47 requires. Anything that is not 2–3 ASCII letters
 * before the first `-` or `_` (`'*'`, `''`, `'x-klingon'`, `'e1'`), and `und`/`mul`/`zxx`/`mis`, give undefined.
 */
export function primaryTag (tag: string): string | undefined {
  const first = tag.trim().split(/[-_]/, 1)[0] ?? ''
  if (!/^[A-Za-z]{2,3}$/.test(first)) return undefined
  const lower = first.toLowerCase()
  if (NoLanguage.has(lower)) return undefined
  return Deprecated[lower] ?? (lower.length === 3 ? (knownIso1(lower) ?? lower) : lower)
}

/**
 * The primary tags of an Accept-Language header, most preferred first (by `q`, then by
 * order), without duplicates; `q=0` entries, `*` and malformed entries are left out.
 * `'es-ES,es;q=0.9,en-US;q=0.8,en;q=0.7'` → `['es', 'en']`.
 */
export function parseAcceptLanguage (header: string): string[] {
  const ranges: { tag: string; q: number; index: number }[] = []
  header
    .slice(0, MaxHeaderLength)
    .split(',')
    .forEach((item, index) => {
      const [range = '', ...params] = item.split(';')
      const tag = primaryTag(range)
      const q = qualityOf(params)
      if (tag !== undefined && q > 0) ranges.push({ tag, q, index })
    })
  ranges.sort((a, b) => b.q - a.q || a.index - b.index)
  return [...new Set(ranges.map((r) => r.tag))]
}

/** The `q` parameter of a range (1 when absent), or 0 when it is malformed. */
function qualityOf (params: string[]): number {
  const q = params.map((p) => p.trim()).find((p) => /^q\s*=/i.test(p))
  if (q === undefined) return 1
  const value = q.replace(/^q\s*=\s*/i, '')
  return /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value) ? Number(value) : 0
}
