import t from 'tap'
import { parseFaqTests } from '../../../src/core/faq/tests-file.js'

t.test('cases are read with their lines', async (t) => {
  const { cases, problems } = parseFaqTests(
    '- q: where is my parcel\n  lang: en\n  expect: order-tracking\n- q: ¿puedo pagar con PayPal?\n  lang: es\n  expect: payment-methods\n',
    'faq/tests.yaml'
  )
  t.same(problems, [])
  t.same(cases, [
    { q: 'where is my parcel', lang: 'en', expect: 'order-tracking', line: 1 },
    { q: '¿puedo pagar con PayPal?', lang: 'es', expect: 'payment-methods', line: 4 },
  ])
})

t.test('a case missing a field is reported and the others still run', async (t) => {
  const { cases, problems } = parseFaqTests(
    '- q: hello\n  lang: en\n- q: refund\n  lang: en\n  expect: refunds\n',
    'faq/tests.yaml'
  )
  t.equal(cases.length, 1)
  t.match(problems, [{ file: 'faq/tests.yaml', line: 1, field: 'expect', message: /missing expect/ }])
})

t.test('a file that is not a list is refused', async (t) => {
  const { problems } = parseFaqTests('q: hello\n', 'faq/tests.yaml')
  t.match(problems, [{ line: 1, message: /must be a list/ }])
})
