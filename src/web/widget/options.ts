/**
 * The widget's options, read once from its own `<script>` tag:
 *
 * ```html
 * <script src="https://support.example/widget.js" defer
 *   data-language="es" data-position="left" data-colour="#7a2e1f" data-title="Ravenna Home"></script>
 * ```
 */
export interface WidgetOptions {
  /** Where widget.js came from: the server's origin plus any path prefix, without a trailing slash. */
  base: string
  /**
   * The visitor's language (`data-language`): set it on pages that are localised. @default the
   * browser's language (the visitor's own preference), else the page's `lang`
   */
  lang: string
  /** Which bottom corner (`data-position`). @default "right" */
  position: 'left' | 'right'
  /** The accent colour (`data-colour` or `data-color`), `#rgb` or `#rrggbb`. @default "#0b5f63" */
  colour: string
  /** The panel title (`data-title`). @default the `window_title` UI string */
  title?: string
  /** The visitor's name, when the page knows it (`data-visitor-name`). */
  visitorName?: string
  /** `data-transport="http"` skips the websocket (for networks known to block it). @default "auto" */
  transport: 'auto' | 'http'
}

export const DefaultColour = '#0b5f63'
const Colour = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i

/** Finds the widget's script element: the running one, else the last one that loads widget.js. */
export function findScript (): HTMLScriptElement | undefined {
  const current = document.currentScript
  if (current instanceof HTMLScriptElement && current.src !== '') return current
  const all = Array.from(document.querySelectorAll<HTMLScriptElement>('script[src*="widget.js"]'))
  return all[all.length - 1]
}

/** Reads the options from the script's data attributes, ignoring invalid values. */
export function readOptions (script: HTMLScriptElement | undefined): WidgetOptions {
  const data = script?.dataset ?? {}
  const src = new URL(script?.src ?? '/widget.js', location.href)
  const base = `${src.origin}${src.pathname.replace(/\/widget\.js$/, '')}`
  const colour = data.colour ?? data.color ?? ''
  const name = (data.visitorName ?? '').trim().slice(0, 100)
  return {
    base,
    lang: pickLang(data.language),
    position: data.position === 'left' ? 'left' : 'right',
    colour: Colour.test(colour) ? colour : DefaultColour,
    ...(data.title !== undefined && data.title.trim() !== '' && { title: data.title.trim().slice(0, 80) }),
    ...(name !== '' && { visitorName: name }),
    transport: data.transport === 'http' ? 'http' : 'auto',
  }
}

function pickLang (given: string | undefined): string {
  const tag = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/
  for (const candidate of [given, navigator.language, document.documentElement.lang]) {
    if (candidate !== undefined && tag.test(candidate)) return candidate
  }
  return 'en'
}

/** Black or white text, whichever reads better on `hex` (WCAG relative luminance). */
export function textColourOn (hex: string): '#ffffff' | '#111111' {
  const full = hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex
  const channel = (i: number): number => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
  // Contrast with white is (1.05)/(L+0.05); with near-black about (L+0.05)/0.056: pick the larger.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.056 ? '#ffffff' : '#111111'
}
