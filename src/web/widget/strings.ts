/** The widget's interface strings, in the visitor's language, served by `/widget/strings/<lang>.json`. */
export interface StringsBundle {
  /** The language the strings are in (the best the server has for what was asked). */
  lang: string
  strings: Record<string, string>
  /** The longest message the server accepts, in characters. */
  max_text_length: number
}

/** Fetches the strings for `lang`; retries a few times, since nothing can be shown without them. */
export async function fetchStrings (base: string, lang: string, attempts = 4): Promise<StringsBundle> {
  let lastError: unknown
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      const res = await fetch(`${base}/widget/strings/${encodeURIComponent(lang)}.json`, { credentials: 'omit' })
      if (res.ok) return (await res.json()) as StringsBundle
      lastError = new Error(`Frontdesk widget: strings for ${lang} answered ${res.status}`)
    } catch (err) {
      lastError = err
    }
    await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt))
  }
  throw lastError
}

/** A lookup with `{name}` placeholders filled in; a missing key shows as itself, so it gets noticed. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string

export function translator (strings: Record<string, string>): Translate {
  return (key, vars = {}) =>
    (strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}

/** A wait in whole minutes as words in `lang` ("4 minutes", "4 minutos"). */
export function formatWait (seconds: number, lang: string): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60))
  try {
    return new Intl.NumberFormat(lang, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes)
  } catch {
    return String(minutes)
  }
}

/** A counted text: `key_one`, `key_few`... as the language's plural rules pick, else `key_other`. */
export function plural (t: Translate, key: string, count: number, lang: string): string {
  let category = 'other'
  try {
    category = new Intl.PluralRules(lang).select(count)
  } catch {
    /* "other" */
  }
  const text = t(`${key}_${category}`, { count })
  return text === `${key}_${category}` ? t(`${key}_other`, { count }) : text
}
