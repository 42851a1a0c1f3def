/**
 * The few words "back at" times and hour summaries need, per language. Weekday and month
 * names come from Intl; these tables only add the grammar around them. A language without a
 * table gets English throughout, never English words around foreign names.
 */

export interface HoursPhrases {
  /** Whether hours are written `09:00` (true) or `9:00`. */
  padHour: boolean
  /** "at 14:00": some languages change the word for one o'clock (es "a la 1:00", it "all'1:00"). */
  at: (time: string, hour: number) => string
  today: string
  tomorrow: string
  /** A weekday within the coming week: "Monday", "el lunes", "в понедельник"; `index` 0 = Sunday. */
  weekday: (name: string, index: number) => string
  /** A later date, from Intl's day and month ("April 12", "12 de abril"): "on April 12". */
  date: (dayMonth: string, dayOfMonth: number) => string
  /** "Monday to Friday". */
  span: (from: string, to: string, fromIndex: number, toIndex: number) => string
  everyDay: string
  closed: string
}

const en: HoursPhrases = {
  padHour: true,
  at: (time) => `at ${time}`,
  today: 'today',
  tomorrow: 'tomorrow',
  weekday: (name) => name,
  date: (dayMonth) => `on ${dayMonth}`,
  span: (from, to) => `${from} to ${to}`,
  everyDay: 'every day',
  closed: 'closed',
}

export const PHRASES: Readonly<Record<string, HoursPhrases>> = {
  en,
  es: {
    padHour: true,
    at: (time, hour) => `${hour === 1 ? 'a la' : 'a las'} ${time}`,
    today: 'hoy',
    tomorrow: 'mañana',
    weekday: (name) => `el ${name}`,
    date: (dayMonth) => `el ${dayMonth}`,
    span: (from, to) => `de ${from} a ${to}`,
    everyDay: 'todos los días',
    closed: 'cerrado',
  },
  it: {
    padHour: false,
    at: (time, hour) => (hour === 1 ? `all'${time}` : `alle ${time}`),
    today: 'oggi',
    tomorrow: 'domani',
    weekday: (name) => name,
    // l'1, l'8, l'11 aprile: the article elides before a vowel sound
    date: (dayMonth, day) => ([1, 8, 11].includes(day) ? `l'${dayMonth}` : `il ${dayMonth}`),
    span: (from, to, fromIndex, toIndex) =>
      `${fromIndex === 0 ? 'dalla' : 'dal'} ${from} ${toIndex === 0 ? 'alla' : 'al'} ${to}`,
    everyDay: 'tutti i giorni',
    closed: 'chiuso',
  },
  ru: {
    padHour: true,
    at: (time) => `в ${time}`,
    today: 'сегодня',
    tomorrow: 'завтра',
    // accusative after в: среда → в среду, пятница → в пятницу; во вторник
    weekday: (name, index) => `${index === 2 ? 'во' : 'в'} ${name.replace(/а$/u, 'у')}`,
    date: (dayMonth) => dayMonth,
    span: (from, to) => `${from}–${to}`,
    everyDay: 'ежедневно',
    closed: 'закрыто',
  },
  de: {
    padHour: true,
    at: (time) => `um ${time}`,
    today: 'heute',
    tomorrow: 'morgen',
    weekday: (name) => `am ${name}`,
    date: (dayMonth) => `am ${dayMonth}`,
    span: (from, to) => `${from} bis ${to}`,
    everyDay: 'täglich',
    closed: 'geschlossen',
  },
  fr: {
    padHour: true,
    at: (time) => `à ${time}`,
    today: "aujourd'hui",
    tomorrow: 'demain',
    weekday: (name) => name,
    date: (dayMonth) => `le ${dayMonth}`,
    span: (from, to) => `du ${from} au ${to}`,
    everyDay: 'tous les jours',
    closed: 'fermé',
  },
  pt: {
    padHour: true,
    at: (time, hour) => `${hour === 1 ? 'à' : 'às'} ${time}`,
    today: 'hoje',
    tomorrow: 'amanhã',
    // sábado and domingo are masculine, the -feira days feminine
    weekday: (name, index) => `${index === 0 || index === 6 ? 'no' : 'na'} ${name}`,
    date: (dayMonth) => `no dia ${dayMonth}`,
    span: (from, to) => `de ${from} a ${to}`,
    everyDay: 'todos os dias',
    closed: 'fechado',
  },
  nl: {
    padHour: true,
    at: (time) => `om ${time}`,
    today: 'vandaag',
    tomorrow: 'morgen',
    weekday: (name) => name,
    date: (dayMonth) => `op ${dayMonth}`,
    span: (from, to) => `${from} t/m ${to}`,
    everyDay: 'elke dag',
    closed: 'gesloten',
  },
}

/** The phrase table and the Intl locale for a language tag; anything unknown is English. */
export function phrasesFor (lang: string): { phrases: HoursPhrases; locale: string } {
  const primary = String(lang).toLowerCase().split(/[-_]/)[0] ?? ''
  const phrases = Object.hasOwn(PHRASES, primary) ? PHRASES[primary] : undefined
  if (phrases === undefined) return { phrases: en, locale: 'en' }
  try {
    return { phrases, locale: Intl.getCanonicalLocales(lang)[0] ?? primary }
  } catch {
    return { phrases, locale: primary }
  }
}
