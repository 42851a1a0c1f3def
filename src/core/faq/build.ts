import type { ContentProblem } from '../errors.js'
import { checkTemplate } from '../template/check.js'
import { FaqAnswerVariables } from '../template/variables.js'
import { parseFaqDocument, type FaqSource } from './parse.js'
import { parseSynonyms } from './synonyms.js'
import { parseSmallTalk } from '../dialogue/phrases-file.js'
import type { PhraseLists } from '../dialogue/phrases.js'
import type { Faq, FaqEntry, SynonymGroups } from './types.js'

/** Everything read from an FAQ folder, before validation. */
export interface FaqInput {
  /** Language folders found, with the path shown to editors. */
  folders: { lang: string; path: string }[]
  documents: FaqSource[]
  synonyms: { lang: string; file: string; text: string }[]
  /** `_smalltalk.yaml` per language. @default [] */
  smallTalk?: { lang: string; file: string; text: string }[]
}

/** ISO 639-1 codes: the primary tags a browser sends. A folder named otherwise is a mistake. */
const Iso6391 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy ' +
    'da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik ' +
    'io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt ' +
    'my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so ' +
    'sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' ')
)

export function isLanguageTag (tag: string): boolean {
  return Iso6391.has(tag)
}

/**
 * Validates a whole FAQ across files and languages. Returns the FAQ only when there is no error,
 * so a caller that already serves an FAQ keeps it when an edit broke something; warnings
 * (a missing translation, an unknown field) come back either way.
 */
export function buildFaq (input: FaqInput): { faq?: Faq; problems: ContentProblem[] } {
  const problems: ContentProblem[] = []
  const langs: string[] = []
  for (const folder of input.folders) {
    if (isLanguageTag(folder.lang)) langs.push(folder.lang)
    else {
      problems.push({
        file: folder.path,
        message: `"${folder.lang}" is not a language code: name language folders with a two-letter code such as en, es, it, ru`,
        severity: 'error',
      })
    }
  }
  const entries = new Map<string, FaqEntry[]>(langs.map((l) => [l, []]))
  for (const lang of langs) {
    const docs = input.documents.filter((d) => d.lang === lang)
    entries.set(lang, checkLanguage(docs, problems))
  }
  const synonyms = new Map<string, SynonymGroups>()
  for (const s of input.synonyms) {
    const parsed = parseSynonyms(s.text, s.file)
    problems.push(...parsed.problems)
    synonyms.set(s.lang, parsed.groups)
  }
  const smallTalk = new Map<string, PhraseLists>()
  for (const s of input.smallTalk ?? []) {
    const parsed = parseSmallTalk(s.text, s.file)
    problems.push(...parsed.problems)
    smallTalk.set(s.lang, parsed.lists)
  }
  problems.push(...missingTranslations(entries, new Map(input.folders.map((f) => [f.lang, f.path]))))
  if (langs.length === 0 || [...entries.values()].every((list) => list.length === 0)) {
    problems.push({
      file: input.folders[0]?.path ?? 'faq',
      message: 'the FAQ has no entries: add faq/<lang>/<id>.md files',
      severity: 'error',
    })
  }
  if (problems.some((p) => p.severity === 'error')) return { problems }
  for (const list of entries.values()) list.sort((a, b) => a.id.localeCompare(b.id))
  return { faq: { langs, entries, synonyms, smallTalk }, problems }
}

/** Parses one language's documents, reporting duplicate ids and questions listed under two entries. */
function checkLanguage (docs: FaqSource[], problems: ContentProblem[]): FaqEntry[] {
  const entries: FaqEntry[] = []
  const byId = new Map<string, string>()
  const byQuestion = new Map<string, { id: string; file: string; line?: number }>()
  for (const doc of docs) {
    const parsed = parseFaqDocument(doc)
    problems.push(...parsed.problems)
    const entry = parsed.entry
    if (entry === undefined) continue
    const other = byId.get(entry.id)
    if (other !== undefined) {
      problems.push({
        file: doc.file,
        line: 1,
        message: `duplicate entry id "${entry.id}": ${other} has the same file name`,
        severity: 'error',
      })
      continue
    }
    byId.set(entry.id, doc.file)
    problems.push(
      ...checkTemplate(entry.body, { file: doc.file, lineOffset: entry.bodyLine, allowed: FaqAnswerVariables })
    )
    entry.questions.forEach((question, i) => {
      const key = questionKey(question)
      const line = entry.questionLines[i]
      const seen = byQuestion.get(key)
      if (seen === undefined) byQuestion.set(key, { id: entry.id, file: doc.file, line })
      else if (seen.id !== entry.id) {
        problems.push({
          file: doc.file,
          line,
          field: 'questions',
          message: `"${question}" is also a question of "${seen.id}" (${seen.file}${seen.line !== undefined ? `:${seen.line}` : ''}); a question can lead to one entry only`,
          severity: 'error',
        })
      }
    })
    entries.push(entry)
  }
  return entries
}

/** Two questions are the same when they differ only in case, spacing and punctuation. */
export function questionKey (question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function missingTranslations (entries: Map<string, FaqEntry[]>, paths: Map<string, string>): ContentProblem[] {
  const all = new Set([...entries.values()].flatMap((list) => list.map((e) => e.id)))
  const problems: ContentProblem[] = []
  for (const [lang, list] of entries) {
    const have = new Set(list.map((e) => e.id))
    for (const id of all) {
      if (have.has(id)) continue
      const elsewhere = [...entries.entries()].filter(([, l]) => l.some((e) => e.id === id)).map(([l]) => l)
      problems.push({
        file: `${paths.get(lang) ?? lang}/${id}.md`,
        message: `missing translation: "${id}" exists in ${elsewhere.join(', ')} but not in ${lang}`,
        severity: 'warning',
      })
    }
  }
  return problems
}
