/** Analytics: facts per conversation, their summaries per day, language, FAQ entry and operator, and CSV. */
export {
  conversationFacts,
  type ConversationFact,
  type ConversationInput,
  type Deflection,
  type FactOptions,
  type MessageInput,
} from './facts.js'
export {
  byDay,
  byEntry,
  byLang,
  byOperator,
  percentile,
  summarize,
  type EntryRow,
  type OperatorRow,
  type Spread,
  type Summary,
} from './aggregate.js'
export { csvCell, toCsv, type CsvCell } from './csv.js'
export { formatDay, MaxRangeDays, parseDay, reportRange, type RangeResult, type ReportRange } from './range.js'
