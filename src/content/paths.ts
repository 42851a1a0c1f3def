import { relative } from 'node:path'

/** A path as editors see it: relative to where they ran the command when it is below it. */
export function displayPath (path: string): string {
  const rel = relative(process.cwd(), path)
  return rel === '' || rel.startsWith('..') ? path : rel
}
