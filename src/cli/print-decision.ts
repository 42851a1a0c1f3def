import type { Decision } from '../core/triage/engine.js'
import type { Io } from './io.js'

/** What the bot would send: the answer text and HTML, or nothing when it does not answer. */
export interface RenderedAnswer {
  text: string
  html: string
}

/** The stable JSON shape of `faq try --json` (snake_case, like the wire protocol). */
export function decisionJson (d: Decision, answer?: RenderedAnswer): Record<string, unknown> {
  const e = d.evidence
  return {
    decision: d.decision,
    lang: d.lang,
    lang_method: e.lang.method,
    lang_confidence: round(e.lang.confidence),
    ...(e.lang.foreign !== undefined && { foreign_lang: e.lang.foreign }),
    entry_id: d.decision === 'answer' ? d.entry.id : null,
    confidence: round(d.confidence),
    ...(d.decision === 'escalate' && { reason: d.reason }),
    ...(d.decision === 'clarify' && {
      choices: d.choices.map((c) => ({ entry_id: c.entryId, title: c.title, confidence: round(c.confidence) })),
    }),
    candidates: e.candidates.map((c) => ({
      entry_id: c.entryId,
      title: c.title,
      confidence: round(c.confidence),
      score: round(c.score),
      matched_terms: c.matchedTerms,
      ...(c.answerTerms !== undefined && { answer_terms: c.answerTerms }),
    })),
    terms: e.terms,
    coverage: round(e.coverage),
    thresholds: e.thresholds,
    ...(e.handoff !== undefined && { handoff_phrase: e.handoff.phrase }),
    ...(answer !== undefined && { answer }),
  }
}

/** The same, for a person at a terminal. */
export function printDecision (d: Decision, answer: RenderedAnswer | undefined, io: Io): void {
  const e = d.evidence
  const t = e.thresholds
  const why =
    d.decision === 'answer'
      ? `confidence ${pct(d.confidence)} ≥ answer threshold ${pct(t.answer)}`
      : d.decision === 'clarify'
        ? `confidence ${pct(d.confidence)} between clarify ${pct(t.clarify)} and answer ${pct(t.answer)}`
        : d.decision === 'smalltalk'
          ? `the whole message is small talk (${d.act.acts.join(', ')}, ${d.act.lang} phrases): a short reply, nobody paged`
          : reasonText(d.reason, d.confidence, t.clarify)
  io.out(`Decision:   ${d.decision}${d.decision === 'escalate' ? ` (${d.reason})` : ''} — ${why}`)
  io.out(
    `Language:   ${d.lang} (${e.lang.method}, ${pct(e.lang.confidence)})${e.lang.foreign !== undefined ? `; the text looks like "${e.lang.foreign}", which the FAQ does not have` : ''}`
  )
  if (e.handoff !== undefined) io.out(`Asked for a person: "${e.handoff.phrase}" (${e.handoff.lang})`)
  if (e.followUp !== undefined) {
    io.out(`Follow-up:  read with the earlier question "${e.followUp.question}" (answered by ${e.followUp.entryId})`)
  }
  io.out(`Terms:      ${e.terms.join(' ') || '(none)'} — ${pct(e.coverage)} known to the FAQ`)
  if (d.decision === 'answer') io.out(`Entry:      ${d.entry.id} — ${d.entry.title} (${d.entry.file})`)
  if (d.decision === 'clarify') {
    io.out(`Choices:    ${d.choices.map((c) => `${c.entryId} (${pct(c.confidence)})`).join(', ')}`)
  }
  io.out('Candidates:')
  if (e.candidates.length === 0) io.out('  (none: no FAQ question shares a term with this)')
  e.candidates.forEach((c, i) => {
    io.out(
      `  ${i + 1}. ${c.entryId.padEnd(28)} ${pct(c.confidence).padStart(4)}  matched: ${c.matchedTerms.join(', ') || '-'}` +
        (c.answerTerms === undefined ? '' : `; in the answer: ${c.answerTerms.join(', ')}`)
    )
  })
  if (answer !== undefined) {
    io.out('Answer:')
    for (const line of answer.text.split('\n')) io.out(`  ${line}`)
  }
}

function reasonText (reason: string, confidence: number, clarify: number): string {
  switch (reason) {
    case 'asked_for_person':
      return 'the visitor asked for a person'
    case 'unsupported_language':
      return 'the message is in a language the FAQ does not have'
    case 'no_match':
      return 'no FAQ question shares a term with it'
    default:
      return `confidence ${pct(confidence)} below clarify threshold ${pct(clarify)}`
  }
}

const pct = (x: number): string => `${Math.round(x * 100)}%`
const round = (x: number): number => Math.round(x * 1000) / 1000
