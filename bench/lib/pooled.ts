import type { Prepared, Setting } from './evaluate.js'
import { chooseThresholds, fitOn, FitPolicy } from './fit.js'

/**
 * The family of a data set: its name without the few-shot suffix, the subset size or the
 * `+titles` mark. Leaving one data set out means leaving out its whole family: a 5-shot cut
 * of CLINC150 has seen the same intents and wording as CLINC150 itself.
 */
export function familyOf (name: string): string {
  return name.replace(/\+titles$/, '').replace(/\/\d+$/, '').replace(/_\d+SHOT$/, '')
}

/**
 * One calibration and one pair of thresholds for every FAQ in `groups` (validation records
 * only), the `answer` threshold holding at every out-of-scope share of
 * {@link FitPolicy.oosShares}. Each family counts the same, however many FAQs were cut from
 * it: otherwise CLINC150's nine cuts would outvote a real shop's traffic.
 */
export function pooledSetting (groups: Prepared[], label: string): Setting {
  const families = [...new Set(groups.map((p) => familyOf(p.name)))]
  const size = (f: string): number => groups.filter((p) => familyOf(p.name) === f).length
  const weights = groups.map((p) => 1 / size(familyOf(p.name)))
  const calibration = fitOn(groups.map((p) => p.val), weights)
  const thresholds = chooseThresholds(
    groups.map((p) => p.scoreVal(calibration)),
    FitPolicy.oosShares,
    weights
  )
  return { calibration, thresholds, label, source: `pooled val of ${families.join(', ')}` }
}

/**
 * Leave one data set out: for each family, the pooled setting fitted on all the others, which
 * is what a shop whose data looks like that family gets from defaults fitted without it.
 */
export function heldOutSettings (groups: Prepared[]): Map<string, Setting> {
  const families = [...new Set(groups.map((p) => familyOf(p.name)))]
  return new Map(
    families.map((f) => [f, pooledSetting(groups.filter((p) => familyOf(p.name) !== f), `without ${f}`)])
  )
}
