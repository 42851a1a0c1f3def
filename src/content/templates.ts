import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ContentProblem } from '../core/errors.js'
import { displayPath } from './paths.js'
import { isMap, isScalar, parseLocatedYaml } from '../core/faq/yaml.js'
import { TemplateNames, type TemplateSource } from '../render/templates.js'
import { isFaqLang } from '../core/lang/codes.js'

/** Widget interface strings: language → key → text. */
export type UiStrings = Record<string, Record<string, string>>

export interface LoadedTemplates {
  sources: TemplateSource[]
  strings: UiStrings
  problems: ContentProblem[]
}

const STRINGS_FILE = 'strings.yaml'
const STRING_KEY = /^[a-z][a-z0-9_]*$/

/**
 * Reads `templates/<lang>/*.hbs` and `templates/<lang>/strings.yaml`. Compiling is the
 * renderer's job; this reports what is wrong with the folder itself: unreadable files, invalid
 * YAML, a template or a string key that other languages have and this one lacks (a warning:
 * the default language is used instead), template names nothing uses. I/O failures are
 * problems too, never exceptions.
 */
export async function loadTemplates (dir: string): Promise<LoadedTemplates> {
  const result: LoadedTemplates = { sources: [], strings: Object.create(null), problems: [] }
  const { problems } = result
  let folders
  try {
    folders = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('.'))
  } catch (err) {
    problems.push({
      file: displayPath(dir),
      message: `cannot read the templates folder: ${(err as Error).message}`,
      severity: 'error',
    })
    return result
  }
  const stringFiles = new Map<string, string>()
  for (const lang of folders.map((d) => d.name).sort()) {
    const path = join(dir, lang)
    if (!isFaqLang(lang)) {
      problems.push({
        file: displayPath(path),
        message: `"${lang}" is not a language code such as en or es; folder ignored`,
        severity: 'warning',
      })
      continue
    }
    let names: string[]
    try {
      names = (await readdir(path)).sort()
    } catch (err) {
      problems.push({ file: displayPath(path), message: `cannot read: ${(err as Error).message}`, severity: 'error' })
      continue
    }
    for (const name of names) {
      const file = join(path, name)
      if (name.endsWith('.hbs')) {
        const source = await read(file, problems)
        if (source !== undefined) {
          result.sources.push({ lang, name: name.slice(0, -4), source, file: displayPath(file) })
        }
      } else if (name === STRINGS_FILE) {
        stringFiles.set(lang, displayPath(file))
        const text = await read(file, problems)
        if (text !== undefined) result.strings[lang] = parseStrings(text, displayPath(file), problems)
      }
    }
  }
  problems.push(...compareLanguages(result.sources, result.strings, stringFiles, dir))
  return result
}

async function read (file: string, problems: ContentProblem[]): Promise<string | undefined> {
  try {
    // Editors on Windows save CRLF and sometimes a BOM; neither should reach a visitor or shift lines.
    return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  } catch (err) {
    problems.push({ file: displayPath(file), message: `cannot read: ${(err as Error).message}`, severity: 'error' })
    return undefined
  }
}

/** A flat map of key → text; anything else is reported at its line. */
function parseStrings (text: string, file: string, problems: ContentProblem[]): Record<string, string> {
  const strings: Record<string, string> = Object.create(null)
  const { doc, lineOf, problems: yamlProblems } = parseLocatedYaml(text, file)
  problems.push(...yamlProblems)
  if (yamlProblems.some((p) => p.severity === 'error')) return strings
  if (doc.contents === null) return strings
  if (!isMap(doc.contents)) {
    problems.push({ file, line: lineOf(doc.contents), message: 'must be a map of key: text', severity: 'error' })
    return strings
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    const value = pair.value
    if (!STRING_KEY.test(key)) {
      problems.push({
        file,
        line: lineOf(pair.key),
        field: key,
        message: 'keys are lower_snake_case names such as send or talk_to_person',
        severity: 'error',
      })
    } else if (isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '') {
      strings[key] = value.value
    } else {
      problems.push({
        file,
        line: lineOf(value ?? pair.key),
        field: key,
        message: 'must be a non-empty text (quote it if it looks like a number or yes/no)',
        severity: 'error',
      })
    }
  }
  return strings
}

/** Templates and string keys that some language has and another lacks, and unknown template names. */
function compareLanguages (
  sources: TemplateSource[],
  strings: LoadedTemplates['strings'],
  stringFiles: Map<string, string>,
  dir: string
): ContentProblem[] {
  const problems: ContentProblem[] = []
  const langs = [...new Set([...sources.map((s) => s.lang), ...stringFiles.keys()])].sort()
  const names = [...new Set(sources.map((s) => s.name))].sort()
  for (const name of names) {
    if (!TemplateNames.includes(name)) {
      const file = sources.find((s) => s.name === name)?.file ?? name
      problems.push({
        file,
        message: `unknown template "${name}": nothing uses it (known: ${TemplateNames.join(', ')})`,
        severity: 'warning',
      })
    }
  }
  for (const lang of langs) {
    for (const name of names) {
      if (!sources.some((s) => s.lang === lang && s.name === name)) {
        const others = sources
          .filter((s) => s.name === name)
          .map((s) => s.lang)
          .join(', ')
        problems.push({
          file: displayPath(join(dir, lang, `${name}.hbs`)),
          message: `missing: ${others} ha${others.includes(',') ? 've' : 's'} this template; the default language's is used instead`,
          severity: 'warning',
        })
      }
    }
  }
  const keys = [...new Set(Object.values(strings).flatMap((s) => Object.keys(s)))].sort()
  for (const lang of langs) {
    const file = stringFiles.get(lang)
    if (file === undefined) {
      if (keys.length > 0) {
        problems.push({
          file: displayPath(join(dir, lang, STRINGS_FILE)),
          message: 'missing: other languages have widget strings',
          severity: 'warning',
        })
      }
      continue
    }
    const own = strings[lang] ?? {}
    const missing = keys.filter((k) => !(k in own))
    if (missing.length > 0) {
      problems.push({
        file,
        message: `missing string${missing.length > 1 ? 's' : ''} that other languages have: ${missing.join(', ')}`,
        severity: 'warning',
      })
    }
  }
  return problems
}
