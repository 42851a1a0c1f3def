/**
 * Text folding and tokenisation shared by every language: what makes "Envío", "ENVIO" and
 * "envio" the same word, without breaking scripts where marks are letters.
 */

// Combining diacritics only (U+0300–U+036F): stripping every \p{M} would delete the vowel
// signs of Indic scripts, which are letters there.
const DIACRITICS = /[\u0300-\u036f]/g
const BREVE = '\u0306'
const LIGATURES: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ı: 'i' }
const LIGATURE_RE = /[ßæœøđłı]/g

/**
 * Removes accents from lower-case text. Keeps Cyrillic й (a letter of its own, not и with an
 * accent) and folds ё to е, as Russian writers use both for the same word.
 */
export function stripAccents (text: string): string {
  // eslint-disable-next-line no-control-regex -- the whole ASCII range, NUL included
  if (!/[^\u0000-\u007f]/.test(text)) return text
  return text
    .normalize('NFD')
    .replace(DIACRITICS, (mark, offset: number, whole: string) =>
      mark === BREVE && (whole[offset - 1] === 'и' || whole[offset - 1] === 'И') ? mark : ''
    )
    .normalize('NFC')
    .replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c)
}

/** Lower case, compatibility forms folded (full-width letters, ligatures such as ﬁ), accents kept. */
export function lowerText (text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** Lower case, accents removed, whitespace collapsed: the form terms are compared in. */
export function foldText (text: string): string {
  return stripAccents(lowerText(text)).replace(/\s+/g, ' ').trim()
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu
// Scripts written without spaces: a run of them is cut into overlapping character pairs,
// the usual way to index Chinese and Japanese without a dictionary.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u

/** Splits text into words; runs of Han, kana or Thai become character bigrams. */
export function tokenize (text: string): string[] {
  const words = text.match(WORD) ?? []
  if (!words.some((w) => UNSPACED.test(w))) return words
  return words.flatMap(splitUnspaced)
}

function splitUnspaced (word: string): string[] {
  if (!UNSPACED.test(word)) return [word]
  const chars = [...word]
  if (chars.length < 2) return chars
  return chars.slice(1).map((c, i) => `${chars[i] ?? ''}${c}`)
}
