import { readdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { buildFaq, type FaqInput } from '../core/faq/build.js'
import { buildServable, type ServableFaq } from '../core/faq/serve.js'
import type { Faq } from '../core/faq/types.js'
import type { ContentProblem } from '../core/errors.js'
import { displayPath } from './paths.js'

/**
 * Reads an FAQ folder: one sub-folder per language, markdown entries anywhere below it (editors
 * may group them in sub-folders), `_synonyms.yaml` and `_smalltalk.yaml` beside them. Files starting with `_` or `.`
 * and README files are not entries. I/O failures are problems too, so a half-readable folder
 * never becomes a half FAQ.
 */
export async function readFaqFolder (dir: string): Promise<{ input: FaqInput; problems: ContentProblem[] }> {
  const input: FaqInput = { folders: [], documents: [], synonyms: [], smallTalk: [] }
  const problems: ContentProblem[] = []
  let top
  try {
    top = await readdir(dir, { withFileTypes: true })
  } catch (err) {
    problems.push({
      file: displayPath(dir),
      message: `cannot read the FAQ folder: ${(err as Error).message}`,
      severity: 'error',
    })
    return { input, problems }
  }
  for (const folder of top.filter((d) => d.isDirectory() && !d.name.startsWith('.')).sort(byName)) {
    const lang = folder.name
    const path = join(dir, lang)
    input.folders.push({ lang, path: displayPath(path) })
    for (const file of await listFiles(path, problems)) {
      const name = basename(file)
      const shown = displayPath(file)
      try {
        if (name === '_synonyms.yaml' || name === '_synonyms.yml') {
          input.synonyms.push({ lang, file: shown, text: await readFile(file, 'utf8') })
        } else if (name === '_smalltalk.yaml' || name === '_smalltalk.yml') {
          input.smallTalk?.push({ lang, file: shown, text: await readFile(file, 'utf8') })
        } else if (name.endsWith('.md') && !name.startsWith('_') && name.toLowerCase() !== 'readme.md') {
          input.documents.push({ file: shown, lang, id: name.slice(0, -3), text: await readFile(file, 'utf8') })
        }
      } catch (err) {
        problems.push({ file: shown, message: `cannot read: ${(err as Error).message}`, severity: 'error' })
      }
    }
  }
  return { input, problems }
}

/** Reads and validates an FAQ folder; `faq` is set only when nothing is wrong. */
export async function loadFaq (dir: string): Promise<{ faq?: Faq; problems: ContentProblem[] }> {
  const read = await readFaqFolder(dir)
  const built = buildFaq(read.input)
  const problems = [...read.problems, ...built.problems]
  return read.problems.some((p) => p.severity === 'error') ? { problems } : { faq: built.faq, problems }
}

/**
 * Reads an FAQ folder for serving: files with errors are served in their last good version or
 * left out (see `buildServable`), so the FAQ is there whenever anything valid is; the problems
 * say what is not served. A folder that cannot be read at all serves nothing.
 */
export async function loadServableFaq (dir: string, lastGood?: FaqInput): Promise<ServableFaq> {
  const read = await readFaqFolder(dir)
  if (read.problems.some((p) => p.severity === 'error' && p.file === displayPath(dir))) {
    return { problems: read.problems, held: [] }
  }
  const servable = buildServable(read.input, lastGood)
  return { ...servable, problems: [...read.problems, ...servable.problems] }
}

async function listFiles (dir: string, problems: ContentProblem[]): Promise<string[]> {
  let items
  try {
    items = await readdir(dir, { withFileTypes: true })
  } catch (err) {
    problems.push({ file: displayPath(dir), message: `cannot read: ${(err as Error).message}`, severity: 'error' })
    return []
  }
  const files: string[] = []
  for (const item of items.sort(byName)) {
    if (item.name.startsWith('.')) continue
    const path = join(dir, item.name)
    if (item.isDirectory()) files.push(...(await listFiles(path, problems)))
    else if (item.isFile()) files.push(path)
  }
  return files
}

function byName (a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}
