import t from 'tap'
import { escapeMarkdown, markdownToText, renderMarkdown } from '../../src/render/markdown.js'
import { unsafeHtml } from './safe-html.js'

t.test('raw HTML in markdown is shown as text', async (t) => {
  const html = renderMarkdown(
    '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> and <svg onload=alert(1)>\n\n<iframe src="https://evil.example"></iframe>'
  )
  t.same(unsafeHtml(html), [])
  t.match(html, '&lt;script&gt;alert(1)&lt;/script&gt;')
  t.match(html, '&lt;img src=x onerror=alert(1)&gt;')
})

t.test('an HTML link with a javascript: href in markdown stays text', async (t) => {
  const html = renderMarkdown('<a href="javascript:alert(1)">click</a>')
  t.same(unsafeHtml(html), [])
  t.match(html, '&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;')
})

t.test('links with schemes other than http, https and mailto are rendered as text', async (t) => {
  for (const link of [
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD4=)',
    '[x](vbscript:msgbox)',
    '[x](file:///etc/passwd)',
    '[x](/relative)',
    '<javascript:alert(1)>',
    '[x][r]\n\n[r]: javascript:alert(1)',
    '[x](&#106;avascript:alert(1))',
    '[x](java\tscript:alert(1))',
  ]) {
    const html = renderMarkdown(link)
    t.notMatch(html, /<a /, link)
    t.same(unsafeHtml(html), [], link)
  }
})

t.test('links open in a new tab without opener, referrer or follow', async (t) => {
  const html = renderMarkdown(
    'See [our policy](https://shop.example/returns "Returns"), <https://shop.example> and help@shop.example.'
  )
  t.match(
    html,
    '<a href="https://shop.example/returns" title="Returns" target="_blank" rel="noopener noreferrer nofollow">our policy</a>'
  )
  t.match(
    html,
    '<a href="https://shop.example" target="_blank" rel="noopener noreferrer nofollow">https://shop.example</a>'
  )
  t.match(
    html,
    '<a href="mailto:help@shop.example" target="_blank" rel="noopener noreferrer nofollow">help@shop.example</a>'
  )
})

t.test('bare web addresses are linked', async (t) => {
  t.match(renderMarkdown('Track it at https://track.example.com/123'), '<a href="https://track.example.com/123"')
})

t.test('images load from https only', async (t) => {
  const html = renderMarkdown(
    '![Size chart](https://cdn.example/sizes.png) ![tracker](http://cdn.example/t.gif) ![x](data:image/svg+xml,<svg onload=alert(1)>)'
  )
  t.match(
    html,
    '<img src="https://cdn.example/sizes.png" alt="Size chart" loading="lazy" referrerpolicy="no-referrer">'
  )
  t.notMatch(html, /src="http:/)
  t.same(unsafeHtml(html), [])
  t.match(html, 'tracker')
})

t.test('the safety check itself finds unsafe tags and attributes', async (t) => {
  t.same(unsafeHtml('<p>ok</p><svg onload="x"><a href="javascript:x" onclick="y">'), [
    'tag <svg onload="x">',
    'attribute onload="x" in <svg onload="x">',
    'attribute href="javascript:x" in <a href="javascript:x" onclick="y">',
    'attribute onclick="y" in <a href="javascript:x" onclick="y">',
  ])
})

t.test('typographer is off: quotes and dashes stay as typed', async (t) => {
  t.match(renderMarkdown('"quoted" -- (c)'), '&quot;quoted&quot; -- (c)')
})

t.test('escaped text shows every markdown character literally', async (t) => {
  const value = '**bold** _it_ `code` [x](https://evil.example) <b>&amp; # 1. > | ~~s~~ \\ !'
  const html = renderMarkdown(escapeMarkdown(value))
  t.equal(html, `<p>${value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>\n`)
})

t.test('escaped addresses are not turned into links', async (t) => {
  for (const value of ['https://evil.example/login', 'www.evil.com', 'evil.com', 'phish@evil.com']) {
    t.notMatch(renderMarkdown(`Hi ${escapeMarkdown(value)}!`), /<a /, value)
  }
})

t.test('escaped text cannot start a new block with line breaks', async (t) => {
  const html = renderMarkdown(`Hi ${escapeMarkdown('Bob\n\n# Heading\n    code\n- item\r\n\u2028x')}`)
  t.equal(html, '<p>Hi Bob # Heading     code - item x</p>\n')
})

t.test('the text version drops markup and keeps link targets', async (t) => {
  const text = markdownToText(
    '# Returns\n\nReturn within **30 days**, see [the policy](https://shop.example/r) or write to [help@shop.example](mailto:help@shop.example).\nMore at https://shop.example.\n\n1. Pack it\n2. Ship it\n   - tracked\n\n> Keep the `receipt`\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nfenced\n```\n\n![chart](https://cdn.example/c.png)'
  )
  t.equal(
    text,
    [
      'Returns',
      '',
      'Return within 30 days, see the policy (https://shop.example/r) or write to help@shop.example.',
      'More at https://shop.example.',
      '',
      '1. Pack it',
      '2. Ship it',
      '  - tracked',
      '',
      '> Keep the receipt',
      '',
      '---',
      '',
      'a | b',
      '1 | 2',
      '',
      'fenced',
      '',
      'chart',
    ].join('\n')
  )
})

t.test('the text version shows escaped values literally, without backslashes', async (t) => {
  t.equal(markdownToText(`Hi ${escapeMarkdown('**Bob** <b> [x](y) &amp;')}`), 'Hi **Bob** <b> [x](y) &amp;')
})

t.test('an ordered list keeps its start number in the text version', async (t) => {
  t.equal(markdownToText('3. third\n4. fourth'), '3. third\n4. fourth')
})
