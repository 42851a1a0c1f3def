import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

/** A visitor's message in one of the sample FAQ's languages. */
export interface Question {
  lang: string
  text: string
}

export const Langs = ['en', 'es', 'it', 'ru'] as const

/**
 * "Talk to a person" the way visitors write it, in each language: the triage's person-request detector must escalate
 * these.
 */
export const PersonRequests: Readonly<Record<string, readonly string[]>> = {
  en: ['talk to a human', 'can I speak to a real person please', 'I want to talk to an agent', 'operator!'],
  es: ['quiero hablar con una persona', 'pásame con un agente, por favor', '¿puedo hablar con un humano?'],
  it: [
    'vorrei parlare con un operatore',
    'passami una persona reale',
    'voglio parlare con qualcuno del servizio clienti',
  ],
  ru: ['хочу поговорить с человеком', 'соедините меня с оператором', 'позовите живого человека'],
}

/**
 * Realistic FAQ questions: the paraphrases in the FAQ files' front matter (the wording
 * editors expect) and the editors' regression questions in faq/tests.yaml that should be
 * answered (new wordings, so some are clarified or escalated: that is the real mix).
 */
export function loadQuestions (faqDir: string): Question[] {
  const questions: Question[] = []
  for (const lang of Langs) {
    for (const file of readdirSync(join(faqDir, lang))
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(faqDir, lang, file), 'utf8'))?.[1]
      const parsed = front === undefined ? undefined : (parse(front) as { questions?: unknown })
      for (const q of Array.isArray(parsed?.questions) ? parsed.questions : []) {
        if (typeof q === 'string') questions.push({ lang, text: q })
      }
    }
  }
  const cases = parse(readFileSync(join(faqDir, 'tests.yaml'), 'utf8')) as { q: string; lang: string; expect: string }[]
  for (const c of cases) {
    if (c.expect !== 'escalate' && (Langs as readonly string[]).includes(c.lang)) {
      questions.push({ lang: c.lang, text: c.q })
    }
  }
  if (questions.length === 0) throw new Error(`bench:load: no questions found in ${faqDir}`)
  return questions
}

/** A small deterministic generator (mulberry32): the same seed sends the same mix. */
export function createRandom (seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Questions in one language, picked at random, for a visitor who keeps to their language. */
export function createQuestionPicker (all: readonly Question[], random: () => number) {
  const byLang = new Map<string, Question[]>()
  for (const q of all) byLang.set(q.lang, [...(byLang.get(q.lang) ?? []), q])
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  return {
    lang: (): string => pick(Langs),
    question: (lang: string): string => pick(byLang.get(lang) ?? all).text,
    personRequest: (lang: string): string => pick(PersonRequests[lang] ?? PersonRequests.en ?? []),
  }
}
