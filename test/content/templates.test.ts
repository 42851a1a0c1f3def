import t from 'tap'
import { fileURLToPath } from 'node:url'
import { join, relative } from 'node:path'
import { loadTemplates } from '../../src/content/templates.js'
import { TemplateNames } from '../../src/render/templates.js'

const TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url))
/** Problems name files as editors see them: relative to where the command runs. */
const shown = (...parts: string[]) => relative(process.cwd(), join(...parts))

t.test('the shipped templates have every template and the same string keys in every language', async (t) => {
  const { sources, strings, problems } = await loadTemplates(TEMPLATES_DIR)
  t.same(problems, [])
  t.same(Object.keys(strings).sort(), ['en', 'es', 'it', 'ru'])
  const keys = Object.keys(strings.en ?? {}).sort()
  t.ok(keys.includes('talk_to_person') && keys.includes('offline_email_label'))
  for (const lang of ['en', 'es', 'it', 'ru']) {
    t.same(
      sources
        .filter((s) => s.lang === lang)
        .map((s) => s.name)
        .sort(),
      [...TemplateNames].sort(),
      lang
    )
    t.same(Object.keys(strings[lang] ?? {}).sort(), keys, lang)
  }
})

t.test('sources carry language, name, text and file', async (t) => {
  const dir = t.testdir({ en: { 'greeting.hbs': 'Hi!\n', 'strings.yaml': 'send: Send\n' } })
  const { sources, strings } = await loadTemplates(dir)
  t.same(sources, [{ lang: 'en', name: 'greeting', source: 'Hi!\n', file: shown(dir, 'en', 'greeting.hbs') }])
  t.same(strings, { en: { send: 'Send' } })
})

t.test('a template that another language has is reported missing, as a warning', async (t) => {
  const dir = t.testdir({ en: { 'greeting.hbs': 'Hi', 'csat.hbs': 'Rate us' }, it: { 'greeting.hbs': 'Ciao' } })
  const { problems } = await loadTemplates(dir)
  t.match(problems, [{ file: shown(dir, 'it', 'csat.hbs'), severity: 'warning', message: /en has this template/ }])
})

t.test('string keys that another language has are reported missing', async (t) => {
  const dir = t.testdir({
    en: { 'strings.yaml': 'send: Send\nclose: Close\nretry: Retry\n' },
    es: { 'strings.yaml': 'send: Enviar\n' },
    it: { 'greeting.hbs': 'Ciao' },
  })
  const problems = (await loadTemplates(dir)).problems.filter((p) => p.file.endsWith('strings.yaml'))
  t.match(problems, [
    {
      file: shown(dir, 'es', 'strings.yaml'),
      severity: 'warning',
      message: 'missing strings that other languages have: close, retry',
    },
    { file: shown(dir, 'it', 'strings.yaml'), severity: 'warning', message: /missing/ },
  ])
})

t.test('invalid YAML is reported at its line', async (t) => {
  const dir = t.testdir({ en: { 'strings.yaml': 'send: Send\nclose: "Close" it\nretry: Retry\n' } })
  const { problems, strings } = await loadTemplates(dir)
  t.match(problems, [{ file: shown(dir, 'en', 'strings.yaml'), line: 2, severity: 'error', message: /invalid YAML/ }])
  t.same(strings.en, {})
})

t.test('a string that is not a text is reported at its line', async (t) => {
  const dir = t.testdir({ en: { 'strings.yaml': 'send: Send\nlimit: 4000\nnested:\n  a: b\nempty: ""\n' } })
  const { problems, strings } = await loadTemplates(dir)
  t.match(problems, [
    { line: 2, field: 'limit' },
    { line: 4, field: 'nested' },
    { line: 5, field: 'empty' },
  ])
  t.same(strings.en, { send: 'Send' })
})

t.test('strings that are not a map, or keys that are not names, are reported', async (t) => {
  const dir = t.testdir({
    en: { 'strings.yaml': '- send\n- close\n' },
    es: { 'strings.yaml': 'Send Button: Enviar\n__proto__: x\n' },
    it: { 'strings.yaml': '' },
  })
  const { problems, strings } = await loadTemplates(dir)
  t.match(problems, [
    { file: shown(dir, 'en', 'strings.yaml'), message: /must be a map/ },
    { line: 1, field: 'Send Button' },
    { line: 2, field: '__proto__' },
  ])
  t.equal(Object.getPrototypeOf(strings.es), null)
  t.same(Object.keys(strings.es ?? {}), [])
})

t.test('a template name that nothing uses is a warning', async (t) => {
  const dir = t.testdir({ en: { 'greetng.hbs': 'Hi' } })
  t.match((await loadTemplates(dir)).problems, [
    { file: shown(dir, 'en', 'greetng.hbs'), severity: 'warning', message: /unknown template "greetng"/ },
  ])
})

t.test('a folder that is not a language is ignored with a warning', async (t) => {
  const dir = t.testdir({
    partials: { 'x.hbs': 'x' },
    '.git': { 'x.hbs': 'x' },
    en: { 'greeting.hbs': 'Hi', 'notes.txt': 'ignored' },
  })
  const { problems, sources } = await loadTemplates(dir)
  t.match(problems, [{ file: shown(dir, 'partials'), severity: 'warning', message: /not a language code/ }])
  t.equal(problems.length, 1)
  t.same(
    sources.map((s) => s.name),
    ['greeting']
  )
})

t.test('a missing templates folder is a problem, not an exception', async (t) => {
  const dir = join(t.testdir({}), 'nope')
  t.match(await loadTemplates(dir), {
    sources: [],
    problems: [{ file: shown(dir), severity: 'error', message: /cannot read the templates folder/ }],
  })
})

t.test('an unreadable language folder or file is a problem', async (t) => {
  const dir = t.testdir({ en: { 'greeting.hbs': t.fixture('symlink', 'missing-target.hbs') } })
  const { problems } = await loadTemplates(dir)
  t.match(problems, [{ file: shown(dir, 'en', 'greeting.hbs'), severity: 'error', message: /cannot read/ }])
})

t.test('Windows line ends and a byte order mark are removed', async (t) => {
  const dir = t.testdir({ en: { 'greeting.hbs': '\uFEFFHi\r\n\r\n{{#if visitor.name}}\r\nthere{{/if}}\r\n' } })
  t.equal((await loadTemplates(dir)).sources[0]?.source, 'Hi\n\n{{#if visitor.name}}\nthere{{/if}}\n')
})
