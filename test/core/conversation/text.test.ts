import t from 'tap'
import { cleanLine, cleanText, isEmail } from '../../../src/core/conversation/text.js'

t.test('a normal multilingual message is kept as typed, trimmed', async (t) => {
  t.same(cleanText('  ¿Dónde está mi pedido? Где мой заказ? 🙂 \n', 4000), {
    ok: true,
    text: '¿Dónde está mi pedido? Где мой заказ? 🙂',
  })
})

t.test('control characters, NUL and bidi overrides are removed; lone surrogates replaced', async (t) => {
  t.same(cleanText('a\u0000b\u202Ec\u0007d\uD800e', 100), { ok: true, text: 'abcd\uFFFDe' })
})

t.test('CRLF becomes LF and long runs of blank lines are shortened', async (t) => {
  t.same(cleanText('one\r\n\r\n\r\n\r\ntwo', 100), { ok: true, text: 'one\n\ntwo' })
})

t.test('an empty or whitespace-only message is refused', async (t) => {
  t.match(cleanText(' \n\t\u200B ', 100), { ok: false, code: 'FD_ERR_TEXT_EMPTY' })
})

t.test('the length limit counts characters as the visitor sees them', async (t) => {
  t.ok(cleanText('🙂'.repeat(10), 10).ok)
  t.match(cleanText('🙂'.repeat(11), 10), { ok: false, code: 'FD_ERR_TEXT_TOO_LONG', message: /10 characters/ })
})

t.test('a name is one line, capped', async (t) => {
  t.equal(cleanLine('Ana\r\nGarcía\u0000  López', 100), 'Ana García López')
  t.equal(cleanLine('x'.repeat(500), 100).length, 100)
})

t.test('e-mail addresses are checked loosely but refuse the obvious mistakes', async (t) => {
  t.ok(isEmail('lucia.garcia@example.es'))
  t.notOk(isEmail('lucia@localhost'))
  t.notOk(isEmail('not an email'))
  t.notOk(isEmail(`${'a'.repeat(250)}@example.com`))
})
