import t from 'tap'
import { checkTemplate } from '../../../src/core/template/check.js'
import { FaqAnswerVariables } from '../../../src/core/template/variables.js'

const check = (source: string, lineOffset?: number) =>
  checkTemplate(source, {
    file: 'faq/en/returns.md',
    allowed: FaqAnswerVariables,
    ...(lineOffset !== undefined ? { lineOffset } : {}),
  })

t.test('a template with allowed variables and conditionals has no problems', async (t) => {
  t.same(
    check(
      'Hi{{#if visitor.name}} {{visitor.name}}{{/if}}!\n\n{{#unless hours.open}}Back {{hours.nextOpen}}.{{else}}Open.{{/unless}}\n{{!-- note --}}'
    ),
    []
  )
})

t.test('a syntax error is reported at the line of the file, not of the body', async (t) => {
  const problems = check('Returns are free.\n\nWrite to {{shop.email}\n', 7)
  t.equal(problems.length, 1)
  t.match(problems[0], { file: 'faq/en/returns.md', line: 9, severity: 'error', message: /syntax error/ })
})

t.test('an unclosed block is reported as a template that ends too early', async (t) => {
  t.match(check('a\n{{#if visitor.name}}\nb\n'), [{ line: 4, message: /ends too early/ }])
})

t.test('a mismatched closing block is reported at its line', async (t) => {
  t.match(check('a\n\n{{#if hours.open}}x{{/unless}}', 10), [{ line: 12, message: /if doesn't match unless/ }])
})

t.test('an unknown variable is reported with its line and a suggestion', async (t) => {
  const problems = check('Hello\n{{visitor.nmae}}', 5)
  t.match(problems, [
    {
      line: 6,
      field: 'visitor.nmae',
      message: /unknown variable \{\{visitor\.nmae\}\} \(did you mean \{\{visitor\.name\}\}\?\)/,
    },
  ])
})

t.test('an unknown variable far from every allowed name gets no suggestion', async (t) => {
  t.notMatch(check('{{order.trackingNumber}}')[0]?.message, /did you mean/)
})

t.test('variables inside if, unless and else-if branches are checked', async (t) => {
  const problems = check(
    '{{#if nope1}}{{nope2}}{{else if nope3}}{{nope4}}{{else}}{{nope5}}{{/if}}{{#unless nope6}}{{/unless}}'
  )
  t.same(
    problems.map((p) => p.field),
    ['nope1', 'nope2', 'nope3', 'nope4', 'nope5', 'nope6']
  )
})

t.test('a variable the template may not use is unknown even if another template may', async (t) => {
  t.match(check('{{queue.position}}'), [{ field: 'queue.position' }])
})

t.test('triple-stash and ampersand raw output are refused', async (t) => {
  t.match(check('{{{shop.name}}}'), [{ message: /raw output .* not allowed/ }])
  t.match(check('{{& shop.name}}'), [{ message: /raw output .* not allowed/ }])
})

t.test('partials and decorators are refused', async (t) => {
  t.match(check('{{> footer}}'), [{ message: /partials/ }])
  t.match(check('{{#> layout}}x{{/layout}}'), [{ message: /partials/ }])
  t.match(check('{{* deco}}'), [{ message: /decorators/ }])
  t.match(check('{{#* inline "x"}}y{{/inline}}'), [{ message: /decorators/ }])
})

t.test('helpers other than if and unless are refused', async (t) => {
  t.match(check('{{lookup visitor "name"}}'), [{ message: /helpers are not allowed/ }])
  t.match(check('{{log shop.name}}'), [{ message: /helpers are not allowed/ }])
  t.match(check('{{#each visitor}}x{{/each}}'), [{ message: /block \{\{#each\}\} is not allowed/ }])
  t.match(check('{{#with visitor}}{{name}}{{/with}}'), [{ message: /block \{\{#with\}\}/ }, { field: 'name' }])
  t.match(check('{{#visitor.name}}x{{/visitor.name}}'), [{ message: /not allowed; use \{\{#if\}\}, \{\{#unless\}\}/ }])
  t.match(check('{{{{raw}}}}x{{{{/raw}}}}'), [{ message: /block \{\{#raw\}\}/ }])
  t.match(check('{{#if (lookup visitor "name")}}x{{/if}}'), [{ message: /sub-expressions/ }])
  t.match(check('{{shop.name foo=1}}'), [{ message: /helpers are not allowed/ }])
  t.match(check('{{"shop.name"}}'), [{ message: /not a literal/ }])
})

t.test('each and with are accepted when the caller allows them', async (t) => {
  t.same(checkTemplate('{{#with shop}}x{{/with}}', { file: 'f', allowed: ['shop'], allowBlocks: ['if', 'with'] }), [])
})

t.test('if needs exactly one variable and no block parameters', async (t) => {
  t.match(check('{{#if}}x{{/if}}'), [{ message: /exactly one variable/ }])
  t.match(check('{{#if shop.name shop.email}}x{{/if}}'), [{ message: /exactly one variable/ }])
  t.match(check('{{#if shop.name as |n|}}{{n}}{{/if}}'), [{ message: /block parameters/ }, { field: 'n' }])
  t.match(check('{{#if true}}x{{/if}}'), [{ message: /not a literal/ }])
})

t.test('prototype path segments are refused wherever they appear', async (t) => {
  for (const source of [
    '{{constructor.constructor}}',
    '{{__proto__}}',
    '{{shop.__proto__.x}}',
    '{{visitor.[constructor]}}',
    '{{#if constructor}}x{{/if}}',
    '{{shop.prototype}}',
    '{{this.constructor}}',
  ]) {
    t.match(check(source), [{ message: /is not allowed in templates/ }], source)
  }
  t.match(check("{{constructor.constructor 'alert(1)'}}"), [{ message: /helpers are not allowed/ }])
})

t.test('this, dot, ../ and @data paths are refused with an explanation', async (t) => {
  t.match(check('{{this}}'), [{ message: /\{\{this\}\} is not allowed/ }])
  t.match(check('{{.}}'), [{ message: /\{\{\.\}\} is not allowed/ }])
  t.match(check('{{../shop.name}}'), [{ message: /"\.\.\/" paths/ }])
  t.match(check('{{@index}}'), [{ message: /data variables such as @index/ }])
  t.match(check('{{@root.shop.name}}'), [{ message: /@root\.shop\.name/ }])
})

t.test('this.x is the same variable as x', async (t) => {
  t.same(check('{{this.shop.name}} {{shop/email}}'), [])
})

t.test('every problem in a template is reported, not only the first', async (t) => {
  t.equal(check('{{{shop.name}}}\n{{b}}\n{{> c}}').length, 3)
})
