import t from 'tap'
import { formatBackAt, formatHoursSummary, type HoursConfig } from '../../../src/core/hours/index.js'

// Friday 2026-04-10, 12:00 in Rome (UTC+2)
const now = new Date('2026-04-10T10:00:00Z')
const todayAt14 = new Date('2026-04-10T12:00:00Z')
const tomorrowAt9 = new Date('2026-04-11T07:00:00Z')
const mondayAt9 = new Date('2026-04-13T07:00:00Z')
const inRome = { viewerTimeZone: 'Europe/Rome' }
const backAt = (when: Date, lang: string) => formatBackAt(when, now, lang, 'Europe/Rome', inRome)

t.test('back-at times are written in English', async (t) => {
  t.same(
    [backAt(todayAt14, 'en'), backAt(tomorrowAt9, 'en'), backAt(mondayAt9, 'en')],
    ['today at 14:00', 'tomorrow at 09:00', 'Monday at 09:00']
  )
})

t.test('back-at times are written in Spanish', async (t) => {
  t.same(
    [backAt(todayAt14, 'es'), backAt(tomorrowAt9, 'es'), backAt(mondayAt9, 'es')],
    ['hoy a las 14:00', 'mañana a las 09:00', 'el lunes a las 09:00']
  )
})

t.test('back-at times are written in Italian with unpadded hours', async (t) => {
  t.same(
    [backAt(todayAt14, 'it'), backAt(tomorrowAt9, 'it'), backAt(mondayAt9, 'it')],
    ['oggi alle 14:00', 'domani alle 9:00', 'lunedì alle 9:00']
  )
})

t.test('back-at times are written in Russian with the weekday in the accusative', async (t) => {
  t.same(
    [backAt(todayAt14, 'ru'), backAt(tomorrowAt9, 'ru'), backAt(mondayAt9, 'ru')],
    ['сегодня в 14:00', 'завтра в 09:00', 'в понедельник в 09:00']
  )
  t.equal(backAt(new Date('2026-04-15T07:00:00Z'), 'ru'), 'в среду в 09:00')
  t.equal(backAt(new Date('2026-04-14T07:00:00Z'), 'ru'), 'во вторник в 09:00')
})

t.test('back-at times are written in German, French, Portuguese and Dutch', async (t) => {
  t.same(
    ['de', 'fr', 'pt', 'nl'].map((lang) => backAt(mondayAt9, lang)),
    ['am Montag um 09:00', 'lundi à 09:00', 'na segunda-feira às 09:00', 'maandag om 09:00']
  )
})

t.test("one o'clock takes the singular article in Spanish and Italian", async (t) => {
  const at1 = new Date('2026-04-10T23:00:00Z')
  t.equal(backAt(at1, 'es'), 'mañana a la 01:00')
  t.equal(backAt(at1, 'it'), "domani all'1:00")
})

t.test('a time a week or more ahead is written as a date', async (t) => {
  const later = new Date('2026-04-21T07:00:00Z')
  t.equal(backAt(later, 'en'), 'on April 21 at 09:00')
  t.equal(backAt(later, 'es'), 'el 21 de abril a las 09:00')
  t.equal(backAt(new Date('2026-04-08T07:00:00Z'), 'it'), "l'8 aprile alle 9:00")
})

t.test('a later date is written in German, French, Portuguese, Dutch and Russian', async (t) => {
  const later = new Date('2026-04-21T07:00:00Z')
  t.same(
    ['de', 'fr', 'pt', 'nl', 'ru'].map((lang) => backAt(later, lang)),
    [
      'am 21. April um 09:00',
      'le 21 avril à 09:00',
      'no dia 21 de abril às 09:00',
      'op 21 april om 09:00',
      '21 апреля в 09:00',
    ]
  )
})

t.test('an invalid Date is refused', async (t) => {
  t.throws(() => backAt(new Date(Number.NaN), 'en'), RangeError)
})

t.test('a regional language tag uses its language', async (t) => {
  t.equal(backAt(tomorrowAt9, 'es-MX'), 'mañana a las 09:00')
  t.equal(backAt(tomorrowAt9, 'pt_BR'), 'amanhã às 09:00')
})

t.test('a language without phrases falls back to English', async (t) => {
  t.equal(backAt(tomorrowAt9, 'ja'), 'tomorrow at 09:00')
})

t.test('today is the day in the business time zone, not in UTC', async (t) => {
  const tokyoNow = new Date('2026-04-10T16:00:00Z')
  const opens = new Date('2026-04-11T00:00:00Z')
  t.equal(formatBackAt(opens, tokyoNow, 'en', 'Asia/Tokyo', { viewerTimeZone: 'Asia/Tokyo' }), 'today at 09:00')
})

t.test("the zone name is appended when the visitor's zone is unknown", async (t) => {
  t.equal(formatBackAt(tomorrowAt9, now, 'en', 'Europe/Rome'), 'tomorrow at 09:00 (Central European Time)')
})

t.test("the zone name is appended in the visitor's language when their clock differs", async (t) => {
  t.equal(
    formatBackAt(tomorrowAt9, now, 'es', 'Europe/Rome', { viewerTimeZone: 'America/New_York' }),
    'mañana a las 09:00 (hora de Europa central)'
  )
})

t.test("the zone name is left out when the visitor's clock shows the same time", async (t) => {
  t.equal(formatBackAt(tomorrowAt9, now, 'fr', 'Europe/Rome', { viewerTimeZone: 'Europe/Paris' }), 'demain à 09:00')
})

t.test('an unknown visitor zone is treated as different', async (t) => {
  t.match(
    formatBackAt(tomorrowAt9, now, 'en', 'Europe/Rome', { viewerTimeZone: 'Nowhere/Else' }),
    /\(Central European Time\)$/
  )
})

const shop: HoursConfig = {
  timeZone: 'Europe/Rome',
  weekly: {
    mon: ['09:00-18:00'],
    tue: ['09:00-18:00'],
    wed: ['09:00-18:00'],
    thu: ['09:00-18:00'],
    fri: ['09:00-18:00'],
    sat: ['10:00-14:00'],
  },
}

t.test('the weekly summary groups consecutive days in English', async (t) => {
  t.equal(formatHoursSummary(shop, 'en'), 'Monday to Friday 09:00–18:00, Saturday 10:00–14:00 (Central European Time)')
})

t.test('the weekly summary is written in Spanish, Italian and Russian', async (t) => {
  t.equal(formatHoursSummary(shop, 'es'), 'De lunes a viernes 09:00–18:00, sábado 10:00–14:00 (hora de Europa central)')
  t.equal(
    formatHoursSummary(shop, 'it'),
    'Dal lunedì al venerdì 9:00–18:00, sabato 10:00–14:00 (Ora dell’Europa centrale)'
  )
  t.equal(formatHoursSummary(shop, 'ru'), 'Понедельник–пятница 09:00–18:00, суббота 10:00–14:00 (Центральная Европа)')
})

t.test('the weekly summary lists several ranges of a day', async (t) => {
  const split = {
    timeZone: 'America/New_York',
    weekly: { mon: ['09:00-13:00', '14:00-18:00'], tue: ['09:00-13:00', '14:00-18:00'] },
  }
  t.equal(formatHoursSummary(split, 'en'), 'Monday and Tuesday 09:00–13:00 and 14:00–18:00 (Eastern Time)')
  t.equal(
    formatHoursSummary(split, 'de'),
    'Montag und Dienstag 09:00–13:00 und 14:00–18:00 (Nordamerikanische Ostküstenzeit)'
  )
})

t.test('days that are not consecutive are listed apart', async (t) => {
  const config = { timeZone: 'Asia/Tokyo', weekly: { mon: ['10:00-16:00'], wed: ['10:00-16:00'] } }
  t.equal(formatHoursSummary(config, 'en'), 'Monday 10:00–16:00, Wednesday 10:00–16:00 (Japan Standard Time)')
})

t.test('the weekly summary is written in German, French, Portuguese and Dutch', async (t) => {
  t.same(
    ['de', 'fr', 'pt', 'nl'].map((lang) => formatHoursSummary(shop, lang).replace(/ \(.*\)$/, '')),
    [
      'Montag bis Freitag 09:00–18:00, Samstag 10:00–14:00',
      'Du lundi au vendredi 09:00–18:00, samedi 10:00–14:00',
      'De segunda-feira a sexta-feira 09:00–18:00, sábado 10:00–14:00',
      'Maandag t/m vrijdag 09:00–18:00, zaterdag 10:00–14:00',
    ]
  )
})

t.test('the same hours every day are summarised as every day', async (t) => {
  const day = ['08:00-20:00']
  const config = {
    timeZone: 'Europe/Rome',
    weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
  }
  t.equal(formatHoursSummary(config, 'fr'), 'Tous les jours 08:00–20:00 (heure d’Europe centrale)')
})

t.test('a week ending on Sunday uses the feminine article in Italian', async (t) => {
  const day = ['10:00-12:00']
  const config = { timeZone: 'Europe/Rome', weekly: { fri: day, sat: day, sun: day } }
  t.equal(formatHoursSummary(config, 'it'), 'Dal venerdì alla domenica 10:00–12:00 (Ora dell’Europa centrale)')
})

t.test('a week without opening hours is summarised as closed', async (t) => {
  t.equal(formatHoursSummary({ timeZone: 'Europe/Rome', weekly: {} }, 'nl'), 'Gesloten (Midden-Europese tijd)')
})

t.test('the summary validates the hours like parseHours', async (t) => {
  t.throws(() => formatHoursSummary({ timeZone: 'Europe/Rome', weekly: { mon: ['18:00-09:00'] } }, 'en'), {
    code: 'FD_ERR_CONFIG_INVALID',
  })
})
