import t, { type Test } from 'tap'
import { fileURLToPath } from 'node:url'
import type { FaqEntry } from '../../src/core/faq/types.js'
import { loadTemplates } from '../../src/content/templates.js'
import { createContext, type ContextInput } from '../../src/render/context.js'
import { compileMarkdownTemplate } from '../../src/render/handlebars.js'
import {
  createRenderer,
  SystemTemplateNames,
  TemplateNames,
  type Renderer,
  type RendererOptions,
  type SystemTemplateName,
  type TemplateSource,
} from '../../src/render/templates.js'
import { unsafeHtml } from './safe-html.js'

const TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url))
const LANGS = ['en', 'es', 'it', 'ru']

/** A minimal but complete English set, with `overrides` replacing or adding sources. */
function sources (overrides: Array<Partial<TemplateSource> & { name: string }> = []): TemplateSource[] {
  const base: TemplateSource[] = TemplateNames.map((name) => ({
    lang: 'en',
    name,
    file: `templates/en/${name}.hbs`,
    source: name === 'answer' ? '{{answer}}\n' : `${name} text\n`,
  }))
  for (const o of overrides) {
    const lang = o.lang ?? 'en'
    const full = { lang, file: `templates/${lang}/${o.name}.hbs`, source: '', ...o }
    const i = base.findIndex((s) => s.lang === lang && s.name === o.name)
    if (i >= 0) base[i] = full
    else base.push(full)
  }
  return base
}

function entry (body: string, more: Partial<FaqEntry> = {}): FaqEntry {
  return {
    id: 'returns',
    lang: 'en',
    title: 'Returns',
    questions: ['how do I return an item?'],
    questionLines: [2],
    tags: [],
    body,
    file: 'faq/en/returns.md',
    bodyLine: 6,
    ...more,
  }
}

function build (t: Test, list: TemplateSource[], options: Partial<RendererOptions> = {}): Renderer {
  const result = createRenderer(list, { defaultLang: 'en', ...options })
  if (!('renderer' in result)) {
    t.fail('renderer expected', { problems: result.problems })
    throw new Error('no renderer')
  }
  return result.renderer
}

function problemsOf (list: TemplateSource[], options: Partial<RendererOptions> = {}) {
  const result = createRenderer(list, { defaultLang: 'en', ...options })
  return 'problems' in result ? result.problems : []
}

const FULL_CONTEXT: ContextInput = {
  visitor: { name: 'Marta', lang: 'en' },
  shop: {
    name: 'Ravenna Home',
    email: 'help@ravenna.example',
    phone: '+39 0544 000000',
    url: 'https://ravenna.example',
  },
  hours: { open: false, summary: 'Mon–Fri 9–18', nextOpen: 'Monday at 09:00 (Europe/Rome)' },
  queue: { position: 2, eta: 'about 4 minutes' },
  operator: { name: 'Giulia' },
  redacted: { count: 2 },
}

/** Visitor-typed values that must come out literally: never markup, never a link. */
const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle/></svg>',
  '<a href="javascript:alert(1)">x</a>',
  '[click](javascript:alert(1))',
  '[click](https://evil.example/login)',
  '![x](https://evil.example/pixel.png)',
  '<javascript:alert(1)>',
  '<https://evil.example>',
  'https://evil.example/login',
  '**bold** _em_ `code` ~~s~~',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '"><script>alert(1)</script>',
  '{{constructor.constructor("alert(1)")()}}',
  '[x]: javascript:alert(1)',
  '\\[x](javascript:alert(1))',
]

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

t.test('every shipped template compiles in all four languages', async (t) => {
  const loaded = await loadTemplates(TEMPLATES_DIR)
  t.same(loaded.problems, [])
  const renderer = build(t, loaded.sources)
  for (const lang of LANGS) {
    for (const name of TemplateNames) t.ok(renderer.has(lang, name), `${lang}/${name}`)
  }
})

t.test('every shipped system template renders in every language without leftovers', async (t) => {
  const renderer = build(t, (await loadTemplates(TEMPLATES_DIR)).sources)
  for (const lang of LANGS) {
    for (const name of SystemTemplateNames) {
      for (const ctx of [FULL_CONTEXT, {}]) {
        const { text, html, lang: used } = renderer.system(lang, name, ctx)
        t.equal(used, lang)
        t.not(text, '', `${lang}/${name} has text`)
        t.notMatch(text, /\{\{|\}\}|\\/, `${lang}/${name} has no template syntax left`)
        t.same(unsafeHtml(html), [], `${lang}/${name} html is safe`)
      }
    }
  }
})

t.test('an optional variable that is empty leaves no gap', async (t) => {
  const renderer = build(t, (await loadTemplates(TEMPLATES_DIR)).sources)
  t.match(
    renderer.system('en', 'greeting', { shop: { name: 'Ravenna Home' }, hours: { open: true } }).text,
    /^Hi, welcome to Ravenna Home!/
  )
  t.match(
    renderer.system('en', 'greeting', {
      visitor: { name: 'Marta' },
      shop: { name: 'Ravenna Home' },
      hours: { open: true },
    }).text,
    /^Hi Marta, welcome/
  )
  t.notMatch(renderer.system('en', 'greeting', { hours: { open: true } }).text, /offline/)
})

t.test('the redacted message agrees with the number of numbers removed', async (t) => {
  const renderer = build(t, (await loadTemplates(TEMPLATES_DIR)).sources)
  t.match(renderer.system('en', 'redacted', { redacted: { count: 1 } }).text, 'removed a number that looked like')
  t.match(renderer.system('en', 'redacted', { redacted: { count: 3 } }).text, 'removed 3 numbers that looked like')
  t.match(renderer.system('ru', 'redacted', { redacted: { count: 3 } }).text, '(всего: 3)')
})

t.test('a syntax error in a template is reported at its file and line', async (t) => {
  const problems = problemsOf(sources([{ name: 'greeting', source: 'Hello!\n\n{{#if visitor.name}}\nHi\n' }]))
  t.match(problems, [{ file: 'templates/en/greeting.hbs', line: 5, severity: 'error', message: /syntax error/ }])
})

t.test('a syntax error in an FAQ answer is reported at the line of the FAQ file', async (t) => {
  const problems = problemsOf(sources(), { entries: [entry('First line.\n\nSecond {{shop.email\n', { bodyLine: 7 })] })
  t.match(problems, [{ file: 'faq/en/returns.md', line: 9 }])
})

t.test('an unknown variable is reported', async (t) => {
  t.match(problemsOf(sources([{ name: 'queue', source: 'You are {{queue.positon}}' }])), [
    { field: 'queue.positon', message: /did you mean \{\{queue\.position\}\}/ },
  ])
  t.match(problemsOf(sources(), { entries: [entry('Queue: {{queue.position}}')] }), [
    { file: 'faq/en/returns.md', field: 'queue.position' },
  ])
})

t.test('triple-stash output is refused', async (t) => {
  t.match(problemsOf(sources([{ name: 'greeting', source: 'Hi {{{visitor.name}}}' }])), [{ message: /raw output/ }])
  t.match(problemsOf(sources([{ name: 'answer', source: '{{{answer}}}\n' }])), [{ message: /raw output/ }])
})

t.test('prototype paths are refused at load', async (t) => {
  for (const source of [
    "{{constructor.constructor 'alert(1)'}}",
    '{{constructor.constructor}}',
    '{{visitor.__proto__.polluted}}',
    '{{#if shop.constructor}}x{{/if}}',
    '{{lookup shop "constructor"}}',
    '{{shop.name.constructor.name}}',
  ]) {
    t.not(problemsOf(sources([{ name: 'greeting', source }])).length, 0, source)
  }
})

t.test('a context cannot smuggle prototype properties, getters or functions to templates', async (t) => {
  const hostile = JSON.parse(
    '{"visitor": {"name": "Ana", "__proto__": {"polluted": "yes"}}, "extra": {"x": 1}}'
  ) as ContextInput
  const withGetter = {
    visitor: {
      get name () {
        return 'getter'
      },
    },
    shop: { name: (() => 'fn') as unknown as string },
  }
  const ctx = createContext(hostile)
  t.equal(ctx.visitor.name, 'Ana')
  t.notOk('extra' in ctx)
  t.equal(Object.getPrototypeOf(ctx.visitor), Object.prototype)
  t.equal(createContext(withGetter).visitor.name, 'getter', 'a getter is read once, as data')
  t.equal(createContext(withGetter).shop.name, '', 'a function is not a string')
})

t.test('a context has every variable, with empty defaults', async (t) => {
  t.same(createContext(), {
    visitor: { name: '', lang: '' },
    shop: { name: '', email: '', phone: '', url: '' },
    hours: { open: false, summary: '', nextOpen: '' },
    queue: { position: 0, eta: '' },
    operator: { name: '' },
    entry: { id: '', title: '' },
    answer: '',
    redacted: { count: 0, many: false },
    dialogue: { afterAnswer: false },
  })
  t.match(
    createContext({
      queue: { position: Number.NaN },
      hours: { open: 'yes' as unknown as boolean },
      redacted: { count: 2, many: false },
    }),
    { queue: { position: 0 }, hours: { open: false }, redacted: { count: 2, many: true } }
  )
})

t.test('visitor names from the XSS corpus appear literally in system messages and answers', async (t) => {
  const loaded = await loadTemplates(TEMPLATES_DIR)
  const body = [
    'Hi {{visitor.name}}!',
    '',
    '**{{visitor.name}}**, see [your page, {{visitor.name}}](https://shop.example/help).',
    '',
    '- {{visitor.name}}',
    '',
    '# {{visitor.name}}',
    '',
    '| who |',
    '|---|',
    '| {{visitor.name}} |',
    '',
    '{{visitor.name}}',
  ].join('\n')
  const e = entry(body)
  const renderer = build(t, loaded.sources, { entries: [e] })
  for (const name of XSS) {
    const ctx: ContextInput = { ...FULL_CONTEXT, visitor: { name } }
    const messages = [...LANGS.map((lang) => renderer.system(lang, 'greeting', ctx)), renderer.answer(e, ctx)]
    for (const { html, text } of messages) {
      t.same(unsafeHtml(html), [], name)
      t.match(html, escapeHtml(name), `${name} is shown literally`)
      t.match(text, name, `${name} is in the text literally`)
    }
    const answer = renderer.answer(e, ctx).html
    t.equal(answer.match(/<a /g)?.length, 1, `${name} adds no link`)
    t.equal(answer.match(/<strong>/g)?.length, 1, `${name} adds no emphasis`)
  }
})

t.test('markup in FAQ bodies from the XSS corpus never reaches HTML unescaped', async (t) => {
  const bodies = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg><script>alert(1)</script></svg>',
    '<a href="javascript:alert(1)">x</a>',
    '[x](javascript:alert(1))',
    '[x](data:text/html,<script>alert(1)</script>)',
    '![x](javascript:alert(1))',
    '![x](data:image/svg+xml;base64,PHN2Zz4=)',
    '<iframe src="https://evil.example"></iframe>',
    '[x](  javascript:alert(1))',
    '[x](<javascript:alert(1)>)',
    '<style>body{display:none}</style>',
  ]
  const entries = bodies.map((body, i) => entry(`Before.\n\n${body}\n\nAfter.`, { id: `e${i}` }))
  const renderer = build(t, sources(), { entries })
  for (const e of entries) t.same(unsafeHtml(renderer.answer(e).html), [], e.body)
})

t.test('links in answers open in a new tab with a safe rel', async (t) => {
  const e = entry(
    'See [the returns policy](https://shop.example/returns) or write to [{{shop.email}}](mailto:{{shop.email}}).'
  )
  const { html, text } = build(t, sources(), { entries: [e] }).answer(e, { shop: { email: 'help@shop.example' } })
  t.match(
    html,
    '<a href="https://shop.example/returns" target="_blank" rel="noopener noreferrer nofollow">the returns policy</a>'
  )
  t.match(
    html,
    '<a href="mailto:help@shop.example" target="_blank" rel="noopener noreferrer nofollow">help@shop.example</a>'
  )
  t.equal(text, 'See the returns policy (https://shop.example/returns) or write to help@shop.example.')
})

t.test('the answer wrapper renders its text around the answer, each as its own HTML', async (t) => {
  const e = entry('Returns are free for **30 days**.')
  const list = sources([
    {
      name: 'answer',
      source: '{{#if visitor.name}}{{visitor.name}}, here is what I found:{{/if}}\n\n{{answer}}\n\n*{{entry.title}}*\n',
    },
  ])
  const renderer = build(t, list, { entries: [e] })
  t.same(renderer.answer(e, { visitor: { name: 'Ana <b>' } }), {
    html: '<p>Ana &lt;b&gt;, here is what I found:</p>\n<p>Returns are free for <strong>30 days</strong>.</p>\n<p><em>Returns</em></p>\n',
    text: 'Ana <b>, here is what I found:\n\nReturns are free for 30 days.\n\nReturns',
    lang: 'en',
  })
  t.same(renderer.answer(e), {
    html: '<p>Returns are free for <strong>30 days</strong>.</p>\n<p><em>Returns</em></p>\n',
    text: 'Returns are free for 30 days.\n\nReturns',
    lang: 'en',
  })
})

t.test('the answer wrapper must have {{answer}} once, on a line of its own, outside blocks', async (t) => {
  t.match(problemsOf(sources([{ name: 'answer', source: 'Here: {{answer}}\n' }])), [
    { field: 'answer', line: 1, message: /line of its own/ },
  ])
  t.match(problemsOf(sources([{ name: 'answer', source: 'Intro\n{{answer}}\n{{answer}}\n' }])), [
    { line: 3, message: /exactly once \(found 2\)/ },
  ])
  t.match(problemsOf(sources([{ name: 'answer', source: 'No answer here\n' }])), [
    { message: /exactly once \(found 0\)/ },
  ])
  t.match(problemsOf(sources([{ name: 'answer', source: '{{#if hours.open}}\n{{answer}}\n{{/if}}\n' }])), [
    { line: 2, message: /cannot be inside/ },
  ])
})

t.test('problems after {{answer}} in the wrapper point at the file line', async (t) => {
  t.match(
    problemsOf(
      sources([
        { name: 'answer', source: '{{answer}}\n\n{{#if operator.name}}{{operator.name}}{{/if}}\n{{answer.x}}' },
      ])
    ),
    [{ line: 4, field: 'answer.x' }]
  )
})

t.test('{{answer}} is only known to the answer wrapper', async (t) => {
  t.match(problemsOf(sources([{ name: 'greeting', source: '{{answer}}' }])), [
    { field: 'answer', message: /unknown variable/ },
  ])
})

t.test('a template missing in a language falls back to the default language', async (t) => {
  const renderer = build(
    t,
    sources([
      { lang: 'it', name: 'greeting', source: 'Ciao!' },
      { lang: 'it', name: 'answer', source: '{{answer}}\n\nA presto.' },
    ]),
    { entries: [entry('Text.', { lang: 'it' })] }
  )
  t.same(renderer.system('it', 'greeting'), { text: 'Ciao!', html: '<p>Ciao!</p>\n', lang: 'it' })
  t.same(renderer.system('it', 'queue'), { text: 'queue text', html: '<p>queue text</p>\n', lang: 'en' })
  t.equal(renderer.system('de', 'greeting').lang, 'en')
  t.equal(renderer.system('IT-ch', 'greeting').lang, 'it', 'a regional tag uses its primary language')
  t.equal(renderer.answer(entry('Text.', { lang: 'it' })).text, 'Text.\n\nA presto.')
  t.notOk(renderer.has('it', 'queue'))
})

t.test('a template missing everywhere fails with FD_ERR_TEMPLATE_MISSING', async (t) => {
  const renderer = build(t, sources())
  t.throws(() => renderer.system('en', 'nonexistent' as SystemTemplateName), {
    code: 'FD_ERR_TEMPLATE_MISSING',
    message: /nonexistent/,
  })
})

t.test('a template missing in the default language is a load problem', async (t) => {
  const list = sources().filter((s) => s.name !== 'csat')
  t.match(problemsOf(list), [{ file: 'en/csat.hbs', message: /"csat" is missing in the default language en/ }])
  t.match(problemsOf(sources(), { defaultLang: 'it' }).length, TemplateNames.length)
})

t.test('the same template twice is a load problem', async (t) => {
  t.match(
    problemsOf([...sources(), { lang: 'en', name: 'greeting', source: 'again', file: 'templates/en/greeting.hbs' }]),
    [{ message: /duplicate template en\/greeting/ }]
  )
})

t.test('an answer that was not compiled at load is refused', async (t) => {
  const renderer = build(t, sources(), { entries: [entry('Old text.')] })
  t.equal(renderer.answer(entry('Old text.')).text, 'Old text.')
  t.throws(() => renderer.answer(entry('New text.')), { code: 'FD_ERR_TEMPLATE_MISSING' })
  t.throws(() => renderer.answer(entry('Old text.', { id: 'other' })), { code: 'FD_ERR_TEMPLATE_MISSING' })
})

t.test('an answer gets its entry in the context', async (t) => {
  const e = entry('About {{entry.title}} ({{entry.id}}).')
  t.equal(
    build(t, sources(), { entries: [e] }).answer(e, { entry: { id: 'spoofed', title: 'Spoofed' } }).text,
    'About Returns (returns).'
  )
})

t.test('every problem is reported at once, not only the first', async (t) => {
  const problems = problemsOf(
    sources([
      { name: 'greeting', source: '{{nope}}' },
      { name: 'queue', source: '{{> partial}}' },
    ]),
    { entries: [entry('{{{shop.name}}}')] }
  )
  t.equal(problems.length, 3)
})

t.test('a variable the context lacks is caught when compiling, not in front of a visitor', async (t) => {
  const result = compileMarkdownTemplate('Line one\n{{order.id}}', {
    file: 'x.hbs',
    lineOffset: 10,
    allowed: ['order.id'],
  })
  t.match(result, { problems: [{ file: 'x.hbs', line: 11, message: /cannot be compiled: "id" not defined/ }] })
})

t.test('a system message with variants renders the one asked for, in turn', async (t) => {
  const source = 'First.\n{{!-- or --}}\nSecond, {{shop.name}}.\n{{!-- or --}}\nThird.\n'
  const built = createRenderer(
    [...TemplateNames.map((name) => ({ lang: 'en', name, source: name === 'answer' ? '{{answer}}' : 'x', file: `en/${name}.hbs` }))
      .filter((s) => s.name !== 'smalltalk_thanks'),
    { lang: 'en', name: 'smalltalk_thanks', source, file: 'en/smalltalk_thanks.hbs' }],
    { defaultLang: 'en' }
  )
  if (!('renderer' in built)) throw new Error(JSON.stringify(built.problems))
  const say = (variant: number) => built.renderer.system('en', 'smalltalk_thanks', { shop: { name: 'Casa' } }, variant).text
  t.same([0, 1, 2, 3].map(say), ['First.', 'Second, Casa.', 'Third.', 'First.'])
})

t.test('a problem in a later variant is reported at its own line', async (t) => {
  const source = 'Fine.\n{{!-- or --}}\nBroken {{#if}}.\n'
  const built = createRenderer(
    [...TemplateNames.map((name) => ({ lang: 'en', name, source: name === 'answer' ? '{{answer}}' : 'x', file: `en/${name}.hbs` }))
      .filter((s) => s.name !== 'smalltalk_ack'),
    { lang: 'en', name: 'smalltalk_ack', source, file: 'en/smalltalk_ack.hbs' }],
    { defaultLang: 'en' }
  )
  t.match('problems' in built ? built.problems : [], [{ file: 'en/smalltalk_ack.hbs', line: 3 }])
})
