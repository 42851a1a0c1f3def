import { gunzipSync } from 'node:zlib'
import t from 'tap'
import { webAsset } from '../../src/services/web-build.js'

t.test('the widget is bundled into one script with its stylesheet inside', async (t) => {
  const widget = await webAsset('widget.js')
  t.equal(widget.type, 'text/javascript; charset=utf-8')
  const text = widget.body.toString('utf8')
  t.match(text, /^"use strict";\(\(\)=>\{/, 'an IIFE a plain script tag can load')
  t.notMatch(text, /^\s*(import|export)\b/m, 'no modules left')
  t.match(text, /frontdesk-widget/)
  t.match(text, /:host/, 'widget.css came along as text')
})

t.test('an asset is built once per process, with a gzip copy and a strong ETag', async (t) => {
  const first = await webAsset('demo.css')
  t.equal(await webAsset('demo.css'), first)
  t.same(gunzipSync(first.gzip), first.body)
  t.match(first.etag, /^"[\w-]{27}"$/)
  t.not(first.etag, (await webAsset('widget.css')).etag)
})

t.test('static pages are served as HTML', async (t) => {
  t.equal((await webAsset('console.html')).type, 'text/html; charset=utf-8')
})
