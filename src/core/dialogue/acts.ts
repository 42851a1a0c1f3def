import { SmallTalk, type ActName, type PhraseLists } from './phrases.js'

/** A message that is small talk and nothing else, with what it says and in which language. */
export interface DialogueAct {
  /** What the message does, by priority when it does several ("ok thanks, bye" is a goodbye). */
  act: ActName
  /** Every act the message contains, for callers that weigh them (a "yes, thanks" after "did this help?"). */
  acts: ActName[]
  /** The language whose phrases matched. */
  lang: string
  /** The message's normalised words. */
  phrase: string
}

export interface ActRecognizer {
  /**
   * The act when the whole message is small talk, trying the languages in `order` first and
   * then every other one; undefined as soon as one word is not small talk ("thanks, but where
   * is my order?" is a question).
   */
  recognize(text: string, order?: readonly string[]): DialogueAct | undefined
  /** The languages that have phrase lists. */
  langs: readonly string[]
}

/** Messages longer than this (in words) are never small talk. */
const MaxWords = 12
/** When a message does several things, the one it is answered for. */
const Priority: readonly ActName[] = ['goodbye', 'thanks', 'greeting', 'yes', 'no', 'ack']
const Acts: readonly ActName[] = ['greeting', 'thanks', 'goodbye', 'ack', 'yes', 'no']
/** Emoji that say something of their own; any other emoji-only message is an acknowledgement. */
const EmojiActs: Readonly<Record<string, ActName>> = { '🙏': 'thanks', '👋': 'greeting' }
const Pictographic = /\p{Extended_Pictographic}/u
const Smileys = /(?<!\S)(?:[:;=8]-?[)(DPp3]|<3|\^\^|\^_\^)(?!\S)/gu

/** Lower case, no accents, no apostrophes; words of letters only. */
export function normalizeWords (text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/['’‘`´]/g, '')
      .match(/\p{L}+/gu) ?? []
  )
}

interface Compiled {
  /** Each act's phrases as word sequences, by their first word. */
  phrases: Map<string, { words: string[]; act: ActName }[]>
  fillers: Set<string>
  vocabulary: Set<string>
}

function compile (lists: PhraseLists): Compiled {
  const phrases = new Map<string, { words: string[]; act: ActName }[]>()
  const vocabulary = new Set<string>()
  for (const act of Acts) {
    for (const phrase of lists[act] ?? []) {
      const words = normalizeWords(phrase)
      if (words.length === 0) continue
      words.forEach((w) => vocabulary.add(w))
      const first = words[0]!
      phrases.set(first, [...(phrases.get(first) ?? []), { words, act }])
    }
  }
  // Longest first: "thank you very much" before "thank you".
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length)
  const fillers = new Set((lists.filler ?? []).flatMap(normalizeWords))
  fillers.forEach((w) => vocabulary.add(w))
  return { phrases, fillers, vocabulary }
}

/** "thanksss" → "thanks", "goood" → "good", "okkk" → "ok": the first form the vocabulary knows. */
function fold (word: string, vocabulary: Set<string>): string {
  if (vocabulary.has(word)) return word
  const two = word.replace(/(\p{L})\1{2,}/gu, '$1$1')
  if (vocabulary.has(two)) return two
  const one = word.replace(/(\p{L})\1+/gu, '$1')
  return vocabulary.has(one) ? one : word
}

/** The acts covering every word, or undefined when a word is left over. */
function cover (words: string[], c: Compiled): ActName[] | undefined {
  const found: ActName[] = []
  let i = 0
  while (i < words.length) {
    const word = words[i]!
    const match = c.phrases.get(word)?.find((p) => p.words.every((w, k) => words[i + k] === w))
    if (match !== undefined) {
      found.push(match.act)
      i += match.words.length
    } else if (c.fillers.has(word)) {
      i++
    } else {
      return undefined
    }
  }
  return found.length > 0 ? found : undefined
}

/** An emoji-only message ("👍", "🙏🙏", ":)"): thanks, a greeting, or an acknowledgement. */
function emojiAct (text: string): ActName | undefined {
  const stripped = text.replace(Smileys, ' ')
  if (/[\p{L}\p{N}]/u.test(stripped)) return undefined
  if (!Pictographic.test(text) && stripped === text) return undefined
  for (const [emoji, act] of Object.entries(EmojiActs)) if (text.includes(emoji)) return act
  return 'ack'
}

const byPriority = (acts: ActName[]): ActName => Priority.find((a) => acts.includes(a)) ?? 'ack'

/**
 * Recognises greetings, thanks, goodbyes, acknowledgements and yes/no when they are all a
 * message says, in every language of `phrases.ts` plus the editors' `extra` lists. Matching
 * is on whole normalised words, never patterns, so it takes time linear in the message.
 */
export function createActRecognizer (extra: Readonly<Record<string, PhraseLists>> = {}): ActRecognizer {
  const langs = [...new Set([...Object.keys(SmallTalk), ...Object.keys(extra)])]
  const compiled = new Map(
    langs.map((lang) => {
      const base = SmallTalk[lang] ?? {}
      const more = extra[lang] ?? {}
      const merged: PhraseLists = {}
      for (const key of [...Acts, 'filler'] as const) merged[key] = [...(base[key] ?? []), ...(more[key] ?? [])]
      return [lang, compile(merged)] as const
    })
  )
  return {
    langs,
    recognize (text, order = []) {
      const emoji = emojiAct(text)
      const first = order.find((l) => compiled.has(l)) ?? langs[0] ?? 'en'
      if (emoji !== undefined) return { act: emoji, acts: [emoji], lang: first, phrase: text.trim() }
      const raw = normalizeWords(text)
      if (raw.length === 0 || raw.length > MaxWords) return undefined
      const tried = [...order.filter((l) => compiled.has(l)), ...langs.filter((l) => !order.includes(l))]
      for (const lang of tried) {
        const c = compiled.get(lang)!
        const words = raw.map((w) => fold(w, c.vocabulary))
        const acts = cover(words, c)
        if (acts !== undefined) return { act: byPriority(acts), acts: [...new Set(acts)], lang, phrase: words.join(' ') }
      }
      return undefined
    },
  }
}
