import { gzipSync } from 'node:zlib'
import t from 'tap'
import { build } from '../server/helpers.js'
import { contentSecurityPolicy } from '../../src/server/routes/web.js'

/** The widget's size budget, gzipped. */
const WidgetBudgetBytes = 30 * 1024

t.test('widget.js is a gzipped script under 30 KB, cacheable and embeddable from any site', async (t) => {
  const { url } = await build(t)
  const res = await fetch(`${url}/widget.js`, { headers: { 'accept-encoding': 'gzip' } })
  t.equal(res.status, 200)
  t.match(res.headers.get('content-type'), /^text\/javascript/)
  t.equal(res.headers.get('access-control-allow-origin'), '*')
  t.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin')
  t.match(res.headers.get('cache-control'), /max-age=\d+/)
  const etag = res.headers.get('etag') ?? ''
  t.ok(etag.length > 10)
  await res.arrayBuffer()
  const raw = await fetch(`${url}/widget.js`, { headers: { 'accept-encoding': 'identity' } })
  const body = Buffer.from(await raw.arrayBuffer())
  const gzipped = gzipSync(body, { level: 9 }).length
  t.ok(gzipped < WidgetBudgetBytes, `widget.js is ${gzipped} bytes gzipped (${body.length} raw)`)
  t.notMatch(body.toString(), /innerHTML\s*=/, 'the bundle never assigns innerHTML')
  const again = await fetch(`${url}/widget.js`, { headers: { 'if-none-match': etag } })
  t.equal(again.status, 304, 'revalidation with the ETag')
})

t.test(
  "the widget's stylesheet is also served as a file, for browsers without constructable stylesheets",
  async (t) => {
    const { url } = await build(t)
    const res = await fetch(`${url}/widget.css`)
    t.equal(res.status, 200)
    t.match(res.headers.get('content-type'), /^text\/css/)
    t.match(await res.text(), /\.launcher\{/)
  }
)

t.test("UI strings come in the visitor's language, the closest one the server has", async (t) => {
  const { url } = await build(t)
  const es = (await (await fetch(`${url}/widget/strings/es-ES.json`)).json()) as {
    lang: string
    strings: Record<string, string>
    max_text_length: number
  }
  t.equal(es.lang, 'es')
  t.equal(es.strings.launcher_label, 'Chatea con nosotros')
  t.equal(
    es.strings.queue_position,
    'Eres el número {position} de la cola.',
    'keys strings.yaml lacks come from the widget defaults'
  )
  t.equal(es.max_text_length, 4000)
  const fr = await fetch(`${url}/widget/strings/fr.json`)
  t.equal(fr.headers.get('access-control-allow-origin'), '*')
  t.equal(((await fr.json()) as { lang: string }).lang, 'en', 'a language without strings gets the default')
  t.equal((await fetch(`${url}/widget/strings/..%2Fconfig.json`)).status, 400)
})

t.test('the console is served with a strict Content-Security-Policy and no framing', async (t) => {
  const { url } = await build(t)
  const res = await fetch(`${url}/console`)
  t.equal(res.status, 200)
  const csp = res.headers.get('content-security-policy') ?? ''
  t.match(csp, /default-src 'none'/)
  t.match(csp, /script-src 'self'(;|$)/)
  t.match(csp, /style-src 'self'(;|$)/)
  t.match(csp, /frame-ancestors 'none'/)
  t.notMatch(csp, /unsafe-inline|unsafe-eval/)
  t.equal(res.headers.get('x-frame-options'), 'DENY')
  const html = await res.text()
  t.notMatch(html, /<script>|<style|\sstyle=|\son\w+=/i, 'no inline script, style or handler')
  const js = await fetch(`${url}/console/console.js`)
  t.equal(js.status, 200)
  t.match(js.headers.get('content-type'), /^text\/javascript/)
  t.equal((await fetch(`${url}/console/console.css`)).status, 200)
})

t.test('the demo shop is at / with the widget when demo is on, and absent when it is off', async (t) => {
  const on = await build(t)
  const res = await fetch(`${on.url}/`)
  t.equal(res.status, 200)
  const html = await res.text()
  t.match(html, /<script src="\/widget\.js" defer/)
  t.match(html, /Ravenna/)
  t.notMatch(res.headers.get('content-security-policy'), /unsafe-inline/)
  t.equal((await fetch(`${on.url}/demo/demo.css`)).status, 200)
  const off = await build(t, { demo: false })
  t.equal((await fetch(`${off.url}/`)).status, 404)
  t.equal((await fetch(`${off.url}/widget.js`)).status, 200, 'the widget is served either way')
})

t.test("the policy lists this host's websockets, and never a Host header that is not a plain host", async (t) => {
  t.match(
    contentSecurityPolicy('console', 'support.example:8443'),
    /connect-src 'self' ws:\/\/support\.example:8443 wss:\/\/support\.example:8443;/
  )
  t.match(contentSecurityPolicy('console', 'evil.example; script-src *'), /connect-src 'self';/)
  t.match(contentSecurityPolicy('demo', undefined), /img-src 'self' data: https:/)
})
