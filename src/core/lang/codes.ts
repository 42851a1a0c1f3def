/**
 * The languages Frontdesk can name: ISO 639-1 code, the ISO 639-3 code of franc's model
 * (an individual language for macrolanguages: Chinese is `cmn`, Arabic `arb`), and the writing
 * system, as a set of script names tested by `scriptOf` in `text.ts`.
 */
const Table = `en eng Latn|es spa Latn|pt por Latn|fr fra Latn|de deu Latn|it ita Latn|nl nld Latn
|ru rus Cyrl|pl pol Latn|tr tur Latn|id ind Latn|vi vie Latn|ro ron Latn|hu hun Latn|cs ces Latn
|sk slk Latn|sv swe Latn|da dan Latn|nb nob Latn|nn nno Latn|fi fin Latn|et ekk Latn|lv lvs Latn
|lt lit Latn|sl slv Latn|hr hrv Latn|bs bos Latn|sr srp Cyrl|sq als Latn|ca cat Latn|gl glg Latn
|af afr Latn|sw swh Latn|ms zlm Latn|tl tgl Latn|jv jav Latn|su sun Latn|eo epo Latn|az azj Latn
|uz uzn Latn|tk tuk Latn|ha hau Latn|yo yor Latn|ig ibo Latn|zu zul Latn|xh xho Latn|so som Latn
|uk ukr Cyrl|be bel Cyrl|bg bul Cyrl|mk mkd Cyrl|kk kaz Cyrl|ky kir Cyrl|tg tgk Cyrl|tt tat Cyrl
|mn khk Cyrl|ar arb Arab|fa pes Arab|ur urd Arab|ps pbu Arab|he heb Hebr|yi ydd Hebr|el ell Grek
|hi hin Deva|mr mar Deva|ne npi Deva|bn ben Beng|ta tam Taml|te tel Telu|th tha Thai|ka kat Geor
|hy hye Armn|am amh Ethi|zh cmn Hani|ja jpn Jpan|ko kor Kore`

interface Code {
  iso1: string
  iso3: string
  script: string
}

const codes: Code[] = Table.split('|').map((row) => {
  const [iso1 = '', iso3 = '', script = ''] = row.trim().split(' ')
  return { iso1, iso3, script }
})
const by1 = new Map(codes.map((c) => [c.iso1, c]))
const by3 = new Map(codes.map((c) => [c.iso3, c]))

/** ISO 639-3 code of franc's model for an ISO 639-1 code (`'es'` → `'spa'`), if franc has one. */
export function toIso3 (lang: string): string | undefined {
  return by1.get(lang)?.iso3
}

/** ISO 639-1 code for a franc ISO 639-3 code (`'cmn'` → `'zh'`), or the 639-3 code itself. */
export function toIso1 (iso3: string): string {
  return by3.get(iso3)?.iso1 ?? iso3
}

/** The ISO 639-1 code of a known ISO 639-3 code (`'spa'` → `'es'`), else undefined. */
export function knownIso1 (iso3: string): string | undefined {
  return by3.get(iso3)?.iso1
}

/** Writing system of a language (`'Latn'`, `'Cyrl'`, `'Jpan'`…); undefined when unknown. */
export function scriptOfLang (lang: string): string | undefined {
  return by1.get(lang)?.script
}

/**
 * A language code as the FAQ's folders, the config and the APIs spell it: two or three lower-case
 * letters (`en`, `es`, `ast`).
 */
export const FaqLangPattern = '^[a-z]{2,3}$'

/** Whether a string is a language code as the FAQ spells it. */
export function isFaqLang (lang: string): boolean {
  return /^[a-z]{2,3}$/.test(lang)
}
