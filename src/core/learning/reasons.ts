/** Why a visitor's question went unanswered, as the editors' report groups it. */
export type UnansweredReason = 'no_match' | 'low_confidence' | 'unsupported_language' | 'unhelpful'

export const UnansweredReasonNames: Record<UnansweredReason, string> = {
  no_match: 'no match',
  low_confidence: 'low confidence',
  unsupported_language: 'language not in the FAQ',
  unhelpful: '"did this help?" no',
}

/** "low confidence ×3, no match ×1": a group's reasons as the CLI and the console show them. */
export function describeReasons (reasons: Partial<Record<string, number>>): string {
  return Object.entries(reasons)
    .map(([k, v]) => `${(UnansweredReasonNames as Record<string, string>)[k] ?? k} ×${v ?? 0}`)
    .join(', ')
}
