/**
 * CSV as RFC 4180 (comma, CRLF, double quotes doubled), safe to open in a spreadsheet: a text
 * cell that starts like a formula (`=`, `+`, `-`, `@`, tab or carriage return) gets a leading
 * apostrophe, so an FAQ title such as `=HYPERLINK(...)` is shown, never evaluated.
 */
export type CsvCell = string | number | boolean | null

const FormulaStart = /^[=+\-@\t\r]/
const NeedsQuotes = /[",\r\n]|^\s|\s$/

/** One cell: numbers as they are, null as empty, text guarded and quoted when needed. */
export function csvCell (value: CsvCell): string {
  if (value === null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  const text = FormulaStart.test(value) ? `'${value}` : value
  return NeedsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** A header line and one line per row, each line ending with CRLF. */
export function toCsv (header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header.map(csvCell), ...rows.map((r) => r.map(csvCell))].map((cells) => `${cells.join(',')}\r\n`).join('')
}
