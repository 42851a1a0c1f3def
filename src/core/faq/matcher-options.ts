import { FrontdeskError } from '../errors.js'
import type { MatcherOptions } from './matcher.js'

type Rule = [path: string, value: unknown, ok: (x: number) => boolean, need: string]

const count = (x: number): boolean => Number.isInteger(x) && x >= 0
const positive = (x: number): boolean => Number.isFinite(x) && x > 0
const share = (x: number): boolean => Number.isFinite(x) && x >= 0 && x <= 1

/** Throws `FD_ERR_CONFIG_INVALID`, naming the option, for a tuning knob out of its range. */
export function checkMatcherOptions (options: MatcherOptions): void {
  const { classifier = {}, features = {}, bm25, answers = {} } = options
  const rules: Rule[] = [
    ['limit', options.limit, count, 'a whole number >= 0'],
    ['keywordWeight', options.keywordWeight, (x) => Number.isFinite(x) && x >= 0, 'a number >= 0'],
    ['classifier.neighbours', classifier.neighbours, (x) => count(x) && x >= 1, 'a whole number >= 1'],
    ['classifier.epochs', classifier.epochs, count, 'a whole number >= 0'],
    ['classifier.learningRate', classifier.learningRate, positive, 'a number > 0'],
    ['classifier.sharpness', classifier.sharpness, positive, 'a number > 0'],
    ['features.charGram', features.charGram, (x) => count(x) && x <= 8, 'a whole number from 0 to 8'],
    ['answers.indexBoost', answers.indexBoost, (x) => Number.isFinite(x) && x >= 0, 'a number >= 0'],
    ['answers.classifierWeight', answers.classifierWeight, (x) => Number.isFinite(x) && x >= 0, 'a number >= 0'],
    ['bm25.k', bm25?.k, positive, 'a number > 0'],
    ['bm25.b', bm25?.b, share, 'a number from 0 to 1'],
    ['bm25.d', bm25?.d, (x) => Number.isFinite(x) && x >= 0, 'a number >= 0'],
  ]
  for (const [path, value, ok, need] of rules) {
    if (value === undefined) continue
    if (typeof value !== 'number' || !ok(value)) {
      throw new FrontdeskError(
        'FD_ERR_CONFIG_INVALID',
        `matcher: ${path} must be ${need}, got ${JSON.stringify(value)}`
      )
    }
  }
}
