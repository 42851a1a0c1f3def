import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Document, type Node } from 'yaml'
import type { ContentProblem } from '../errors.js'

/** A parsed YAML document that can tell the file line of any of its nodes. */
export interface LocatedYaml {
  doc: Document
  /** 1-based line in the file of a node, or of the document start when the node has no range. */
  lineOf(node: unknown): number
  problems: ContentProblem[]
}

/**
 * Parses YAML that starts at `firstLine` of `file` (front matter starts at line 2), turning
 * syntax errors into problems with real file lines. Duplicate keys are errors, as editors mean
 * one of them and would not notice which one won.
 */
export function parseLocatedYaml (text: string, file: string, firstLine = 1): LocatedYaml {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false })
  const lineOf = (node: unknown): number => {
    const range = (node as Node | undefined)?.range
    return range !== undefined && range !== null ? lineCounter.linePos(range[0]).line + firstLine - 1 : firstLine
  }
  const problems: ContentProblem[] = [...doc.errors, ...doc.warnings].map((e) => ({
    file,
    line: lineCounter.linePos(e.pos[0]).line + firstLine - 1,
    message: `invalid YAML: ${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`,
    severity: doc.errors.includes(e as never) ? 'error' : 'warning',
  }))
  return { doc, lineOf, problems }
}

/**
 * The items of a YAML list of texts. Numbers and booleans are taken as their text (an editor
 * who writes `- 404` means the text "404"); anything else (a map, a nested list, an empty item)
 * is reported at its own line.
 */
export function textList (
  node: unknown,
  where: { file: string; field: string; lineOf: (n: unknown) => number }
): { items: { value: string; line: number }[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = []
  const items: { value: string; line: number }[] = []
  if (!isSeq(node)) {
    problems.push({
      file: where.file,
      line: where.lineOf(node),
      field: where.field,
      message: 'must be a list of texts',
      severity: 'error',
    })
    return { items, problems }
  }
  for (const item of node.items) {
    const line = where.lineOf(item)
    const value = isScalar(item) && item.value !== null ? String(item.value).trim() : undefined
    if (value === undefined || value === '') {
      problems.push({
        file: where.file,
        line,
        field: where.field,
        message: 'each item must be a non-empty text',
        severity: 'error',
      })
    } else {
      items.push({ value, line })
    }
  }
  return { items, problems }
}

export { isMap, isScalar, isSeq }
