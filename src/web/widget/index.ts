/**
 * widget.js: the visitor's chat, embedded with one tag. Reads its options from its own
 * `<script>` element, mounts once per page, and exposes `window.Frontdesk`.
 */
import { findScript, readOptions } from './options.js'
import { mountWidget, type WidgetApi } from './widget.js'

declare global {
  interface Window {
    Frontdesk?: WidgetApi | { loading: true }
  }
}

const script = findScript()

function start (): void {
  if (window.Frontdesk !== undefined) return
  window.Frontdesk = { loading: true }
  mountWidget(readOptions(script)).then(
    (api) => {
      window.Frontdesk = api
    },
    (err: unknown) => {
      delete window.Frontdesk
      console.error('Frontdesk widget could not start:', err)
    }
  )
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true })
else start()
