import { stemmer as english } from '@orama/stemmers/english'
import { stemmer as spanish } from '@orama/stemmers/spanish'
import { stemmer as italian } from '@orama/stemmers/italian'
import { stemmer as russian } from '@orama/stemmers/russian'
import { stemmer as german } from '@orama/stemmers/german'
import { stemmer as french } from '@orama/stemmers/french'
import { stemmer as portuguese } from '@orama/stemmers/portuguese'
import { stemmer as dutch } from '@orama/stemmers/dutch'
import { eng, spa, ita, rus, deu, fra, por, nld } from 'stopword'

/** What a language adds to the generic analyzer. */
export interface LanguageSpec {
  /** Snowball stemmer; takes a lower-case word with its accents. */
  stem: (word: string) => string
  /** Stop words, lower case, with accents (folded when the analyzer is built). */
  stopWords: readonly string[]
  /**
   * Puts back accents that visitors often leave out, where the stemmer needs them to find a
   * suffix ("devolucion" → "devolución", so it stems like "devoluciones").
   */
  restore?: (word: string) => string
  /** Rewrites lower-case text before it is split into words (contractions, elisions). */
  prepare?: (text: string) => string
}

// The stopword package's lists include words that name what a visitor asks about ("zeit",
// "morgen", "groß" in German, "сегодня" in Russian); an FAQ needs those, so they stay terms.
// Question words and negations do stay stop words here: the classifier sees every word
// anyway, while keyword search and coverage are about the content words.
const KEEP: Record<string, string> = {
  de: 'groß große großen großer gross grosse grossen kleine kleinen kleiner morgen heute uhr zeit tag tage tagen jahr jahre lang lange kurz neue neuen suche ende gut gute schlecht besser möglich offen richtig zurück',
  ru: 'сегодня лучше',
}

// And some function words the lists miss ("does" would otherwise be a term, stemmed "doe").
const EXTRA: Record<string, string> = {
  en: 'does doing done its itself yourself ourselves themselves whom whose just please',
}

function stopList (lang: string, words: readonly string[]): string[] {
  const keep = new Set((KEEP[lang] ?? '').split(' '))
  return [...words.filter((w) => !keep.has(w)), ...(EXTRA[lang]?.split(' ') ?? [])]
}

// "haven't" must keep its negation and "where's" must not leave a stray "s" behind.
const prepareEnglish = (text: string): string =>
  text
    .replace(
      /\b(can|won|shan)['’]t\b/g,
      (_m, w: string) => `${w === 'won' ? 'will' : w === 'shan' ? 'shall' : 'can'} not`
    )
    .replace(/n['’]t\b/g, ' not')
    .replace(/['’](s|re|ve|ll|d|m)\b/g, '')

const restoreSpanish = (w: string): string => w.replace(/cion$/, 'ción')
const restorePortuguese = (w: string): string =>
  w.replace(/cao$/, 'ção').replace(/coes$/, 'ções').replace(/sao$/, 'são').replace(/soes$/, 'sões')

/** Languages with stemming and stop words; any other tag gets the generic analyzer. */
export const Languages: Readonly<Record<string, LanguageSpec>> = {
  en: { stem: english, stopWords: stopList('en', eng), prepare: prepareEnglish },
  es: { stem: spanish, stopWords: stopList('es', spa), restore: restoreSpanish },
  it: { stem: italian, stopWords: stopList('it', ita) },
  ru: { stem: russian, stopWords: stopList('ru', rus) },
  de: { stem: german, stopWords: stopList('de', deu) },
  fr: { stem: french, stopWords: stopList('fr', fra) },
  pt: { stem: portuguese, stopWords: stopList('pt', por), restore: restorePortuguese },
  nl: { stem: dutch, stopWords: stopList('nl', nld) },
}
