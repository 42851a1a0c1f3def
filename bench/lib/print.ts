import type { Report } from './evaluate.js'

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`

/** The human-readable part of the bench output. */
export function printReport (r: Report): void {
  const lines = [
    `\n${r.dataset} (${r.lang}): ${r.entries} entries, ${r.questions} questions; build ${r.build_ms} ms (CPU ${r.build_cpu_ms} ms)`,
    `  thresholds answer ${r.thresholds.answer} / clarify ${r.thresholds.clarify} (${r.thresholds_source})`,
    `  top-1 ${pct(r.top1_accuracy)} (val ${pct(r.val_top1_accuracy)})   small talk false positives ${pct(r.smalltalk_false_positive)}   top-3 ${pct(r.top3_accuracy)}   AUROC in vs OOS ${r.auroc.toFixed(3)}   ECE ${r.ece.toFixed(3)}`,
    row('test, fitted', r),
    ...(r.defaults === undefined
      ? []
      : [
          row(`test, ${r.defaults.label} ${r.defaults.thresholds.answer}/${r.defaults.thresholds.clarify}`, r.defaults),
          `    (${r.defaults.source})`,
        ]),
    `  query ms p50 ${r.query_ms_p50} p99 ${r.query_ms_p99}   (MiniSearch alone, same index: p50 ${r.minisearch_ms_p50} p99 ${r.minisearch_ms_p99}; ratio p50 ${(r.query_ms_p50 / r.minisearch_ms_p50).toFixed(1)}x)`,
  ]
  console.log(lines.join('\n'))
}

function row (
  label: string,
  m: Pick<
    Report,
    'answered_precision' | 'deflection' | 'oos_escalation_recall' | 'oos_unanswered' | 'clarify_rate' | 'clarify_hit'
  >
): string {
  return (
    `  ${label.padEnd(28)} answered precision ${pct(m.answered_precision)}  deflection ${pct(m.deflection)}  ` +
    `OOS escalated ${pct(m.oos_escalation_recall)} (unanswered ${pct(m.oos_unanswered)})  clarify ${pct(m.clarify_rate)} (hit ${pct(m.clarify_hit)})`
  )
}
