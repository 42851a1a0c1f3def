import t from 'tap'
import { backoffDelay } from '../../src/web/shared/backoff.js'
import { browserOf, duration, safeHttpUrl } from '../../src/web/console/format.js'
import { textColourOn } from '../../src/web/widget/options.js'
import { formatWait, plural, translator } from '../../src/web/widget/strings.js'
import { StringDefaults } from '../../src/web/widget/strings-defaults.js'

t.test('reconnection delays grow, stay capped, and are jittered from half the base up', async (t) => {
  t.equal(
    backoffDelay(0, {}, () => 0),
    250
  )
  t.equal(
    backoffDelay(0, {}, () => 1),
    500
  )
  t.equal(
    backoffDelay(3, {}, () => 1),
    4000
  )
  t.equal(
    backoffDelay(40, {}, () => 1),
    30_000,
    'never above the cap'
  )
  t.equal(
    backoffDelay(40, { baseMs: 1000, maxMs: 5000 }, () => 1),
    5000
  )
})

t.test('text on the accent colour is white on dark colours and near-black on light ones', async (t) => {
  t.equal(textColourOn('#0b5f63'), '#ffffff')
  t.equal(textColourOn('#f2c94c'), '#111111')
  t.equal(textColourOn('#fff'), '#111111')
  t.equal(textColourOn('#000'), '#ffffff')
})

t.test('strings fill their placeholders and show a missing key as itself', async (t) => {
  const tr = translator({ queue_position: "You're number {position} in the queue.", none: 'x' })
  t.equal(tr('queue_position', { position: 2 }), "You're number 2 in the queue.")
  t.equal(tr('queue_position'), "You're number {position} in the queue.")
  t.equal(tr('missing_key'), 'missing_key')
  t.equal(formatWait(61, 'es'), '2 minutos')
  t.equal(formatWait(5, 'en'), '1 minute')
})

t.test('every language has the same widget string defaults, plural forms aside', async (t) => {
  const common = (strings: object): string[] =>
    Object.keys(strings)
      .filter((k) => !/_(zero|two|few|many)$/.test(k))
      .sort()
  const keys = common(StringDefaults.en ?? {})
  for (const [lang, strings] of Object.entries(StringDefaults)) t.same(common(strings), keys, lang)
})

t.test("counted texts follow each language's plural rules", async (t) => {
  const ru = translator(StringDefaults.ru ?? {})
  t.equal(plural(ru, 'unread', 1, 'ru'), '1 новое сообщение')
  t.equal(plural(ru, 'unread', 3, 'ru'), '3 новых сообщения')
  t.equal(plural(ru, 'unread', 5, 'ru'), '5 новых сообщений')
  const en = translator(StringDefaults.en ?? {})
  t.equal(plural(en, 'unread', 1, 'en'), '1 new message')
  t.equal(plural(en, 'unread', 2, 'en'), '2 new messages')
})

t.test('the console describes browsers briefly and links only to http(s) pages', async (t) => {
  t.equal(
    browserOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0'),
    'Firefox 128 on Windows'
  )
  t.equal(
    browserOf(
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
    ),
    'Safari 17 on iOS'
  )
  t.equal(
    browserOf(
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0'
    ),
    'Edge 126 on Linux'
  )
  t.equal(browserOf(null), 'unknown')
  t.equal(safeHttpUrl('https://shop.example/p?x=1'), 'https://shop.example/p?x=1')
  t.equal(safeHttpUrl('javascript:alert(1)'), undefined)
  t.equal(safeHttpUrl('not a url'), undefined)
  t.equal(duration(65), '1:05')
  t.equal(duration(3723), '1:02:03')
})
