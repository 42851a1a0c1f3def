import { normalizeWords } from './acts.js'

/** The topic of the bot's last answer: what was asked, and which entry answered it. */
export interface Topic {
  entryId: string
  /** The visitor's question that the answer answered. */
  question: string
  lang: string
  /** When it was answered, in ms since the epoch. */
  at: number
}

/** How a follow-up was matched, for the evidence. */
export interface FollowUp {
  /** The entry of the topic it continued. */
  entryId: string
  /** The earlier question it was read together with. */
  question: string
}

/** How long after an answer a short message may still continue its topic. @default 10 minutes */
export const FollowUpWindowMs = 10 * 60_000

/** A follow-up is short: longer messages say what they mean on their own. */
const MaxWords = 7
/** Of a long chain of follow-ups, the latest words are the topic. */
const MaxTopicChars = 300

/**
 * Words that open a message continuing the last topic, per language: "and to Spain?",
 * "what about express?", "¿y a Francia?", "e per l'Italia?", "а в Германию?".
 */
const Cues: Readonly<Record<string, readonly string[]>> = {
  en: ['and', 'what about', 'how about', 'also', 'what if', 'same for', 'and if', 'plus'],
  es: ['y', 'que tal', 'y si', 'tambien', 'lo mismo para', 'y que hay de', 'y para'],
  it: ['e', 'ed', 'e se', 'invece', 'anche', 'e per', 'e invece', 'lo stesso per'],
  ru: ['а', 'и', 'а если', 'а что', 'также', 'а как', 'а для'],
  de: ['und', 'was ist mit', 'wie ist es mit', 'auch', 'und wenn', 'und was'],
  fr: ['et', 'et si', 'aussi', 'et pour', 'quen est il', 'et quen est il'],
  pt: ['e', 'e se', 'e quanto', 'tambem', 'e para', 'e o', 'e a'],
  nl: ['en', 'en als', 'wat als', 'ook', 'en voor', 'hoe zit het met'],
}

const compiled = new Map(Object.entries(Cues).map(([lang, cues]) => [lang, cues.map(normalizeWords)]))

/** Whether a message opens with a continuation cue of its language ("and", "¿y", "а"). */
export function startsWithCue (text: string, lang: string): boolean {
  const words = normalizeWords(text)
  return (compiled.get(lang) ?? []).some((cue) => cue.length <= words.length && cue.every((w, i) => words[i] === w))
}

/**
 * The text to match for a message that may continue the last answered topic: the earlier
 * question and the message together, when the message is short, opens with a continuation
 * cue in the topic's language, and comes within `windowMs` of the answer. Undefined otherwise:
 * then the message is matched alone.
 */
export function followUpQuery (
  text: string,
  topic: Topic | undefined,
  now: number,
  windowMs = FollowUpWindowMs
): string | undefined {
  if (topic === undefined || now - topic.at > windowMs || now < topic.at) return undefined
  const words = normalizeWords(text)
  if (words.length === 0 || words.length > MaxWords) return undefined
  if (!startsWithCue(text, topic.lang)) return undefined
  return `${topic.question.slice(-MaxTopicChars)} ${text}`
}
