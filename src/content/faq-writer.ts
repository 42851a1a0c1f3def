import { randomUUID } from 'node:crypto'
import { link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { FrontdeskError, type ContentProblem } from '../core/errors.js'
import type { FaqInput } from '../core/faq/build.js'
import type { FaqSource } from '../core/faq/parse.js'
import { readFaqFolder } from './faq.js'
import { displayPath } from './paths.js'

/** Writes accepted edits into an FAQ folder. */
export interface FaqWriter {
  /** The folder as it is on disk now: an edit starts from the files, not from what was loaded. */
  read(): Promise<{ input: FaqInput; problems: ContentProblem[] }>
  /** A document's file on disk (its shown path is relative to the working directory when below it). */
  pathOf(doc: Pick<FaqSource, 'file'>): string
  /** Where a new entry goes, and the path editors see for it. */
  newEntry(lang: string, id: string): { path: string; file: string }
  /**
   * Writes a file whole or not at all: a temporary file beside it, flushed to disk, then linked
   * (a new file: fails if one appeared meanwhile) or renamed (a replacement) into place. On any
   * failure the temporary file is removed and nothing else changed. Throws FD_ERR_STORE_UNAVAILABLE
   * when the disk refuses (full, read-only, gone), FD_ERR_CONFLICT when a new file already exists.
   */
  write(path: string, text: string, options?: { exclusive?: boolean }): Promise<void>
  /** Takes an edit back, if the file still holds it: restores `before`, or removes a file that was new. */
  undo(path: string, text: string, before: string | undefined): Promise<void>
}

// What a disk says when it cannot take a write: full, over quota, read-only, failing, not ours.
const Unavailable = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EACCES', 'EPERM', 'ENOENT', 'ENOTDIR'])

function writeError (path: string, err: unknown): FrontdeskError {
  const code = (err as NodeJS.ErrnoException).code ?? ''
  if (code === 'EEXIST') {
    return new FrontdeskError('FD_ERR_CONFLICT', `${displayPath(path)} already exists`, { cause: err })
  }
  if (Unavailable.has(code)) {
    return new FrontdeskError(
      'FD_ERR_STORE_UNAVAILABLE',
      `cannot write ${displayPath(path)} (${code}): nothing was changed; try again when the disk is writable`,
      { cause: err }
    )
  }
  return new FrontdeskError('FD_ERR_STORE_UNAVAILABLE', `cannot write ${displayPath(path)}: ${String(err)}`, {
    cause: err,
  })
}

// What link() says on a file system without hard links (some network and FUSE mounts).
const NoHardLinks = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'])

/** Puts a new file in place, refusing to replace one that appeared meanwhile (EEXIST). */
async function linkNew (tmp: string, path: string): Promise<void> {
  try {
    await link(tmp, path)
  } catch (err) {
    if (!NoHardLinks.has((err as NodeJS.ErrnoException).code ?? '')) throw err
    // Without hard links a check then a rename is what is left; accepts run one at a time.
    const taken = await stat(path).then(() => true, () => false)
    if (taken) throw Object.assign(new Error(`${path} exists`), { code: 'EEXIST' })
    await rename(tmp, path)
  }
}

/** The FAQ folder's writer: every change is whole or absent, never a half-written entry. */
export function createFaqWriter (faqDir: string): FaqWriter {
  const write = async (path: string, text: string, options: { exclusive?: boolean } = {}): Promise<void> => {
    const tmp = join(dirname(path), `.${randomUUID()}.tmp`)
    try {
      await mkdir(dirname(path), { recursive: true })
      const handle = await open(tmp, 'wx')
      try {
        await handle.writeFile(text)
        await handle.sync()
      } finally {
        await handle.close()
      }
      if (options.exclusive === true) await linkNew(tmp, path)
      else await rename(tmp, path)
    } catch (err) {
      throw writeError(path, err)
    } finally {
      // After a link the temporary name is a second name of the new file; after a rename it is gone.
      await rm(tmp, { force: true }).catch(() => undefined)
    }
  }
  return {
    read: async () => await readFaqFolder(faqDir),
    pathOf: (doc) => resolve(process.cwd(), doc.file),
    newEntry: (lang, id) => {
      const path = join(faqDir, lang, `${id}.md`)
      return { path, file: displayPath(path) }
    },
    write,
    async undo (path, text, before) {
      const now = await readFile(path, 'utf8').catch(() => undefined)
      if (now !== text) return
      if (before === undefined) await rm(path, { force: true })
      else await write(path, before)
    },
  }
}
