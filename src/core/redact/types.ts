/** A pattern from config that redacts something the built-in scanners do not know, such as a national ID. */
export interface RedactionRule {
  /** Names the rule in errors and is the `kind` of what it redacts, e.g. `national-id`. */
  name: string
  /** JavaScript regular expression source, run with the flags `gu`. */
  pattern: string
  /** What a match is replaced with. @default `[<name> removed]` */
  replacement?: string
}

/** One piece of text that was removed. */
export interface Redaction {
  /** `card`, `iban`, or the name of the rule that matched. */
  kind: 'card' | 'iban' | (string & {})
  /** UTF-16 offset in the original text, inclusive. */
  start: number
  /** UTF-16 offset in the original text, exclusive. */
  end: number
}

export interface RedactResult {
  /** The text with every redaction replaced. */
  text: string
  /** What was removed, in order, as positions in the original text. */
  redactions: Redaction[]
}

/** A span found by one scanner, before overlapping spans are resolved. */
export interface Found extends Redaction {
  replacement: string
}
