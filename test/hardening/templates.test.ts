import { cp, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { main } from '../../src/cli/main.js'
import type { Io } from '../../src/cli/io.js'
import { configFrom } from '../../src/config/load.js'
import { loadContent } from '../../src/content/load.js'
import { compileMarkdownTemplate } from '../../src/render/handlebars.js'

async function faqCheck (dir: string, templatesDir: string): Promise<{ code: number; err: string }> {
  const err: string[] = []
  const io: Io = { out: () => {}, err: (l) => err.push(l) }
  const before = process.env.TEMPLATES_DIR
  process.env.TEMPLATES_DIR = templatesDir
  try {
    return { code: await main(['faq', 'check', dir], io), err: err.join('\n') }
  } finally {
    if (before === undefined) delete process.env.TEMPLATES_DIR
    else process.env.TEMPLATES_DIR = before
  }
}

const atLeast = (version: string, min: number[]): boolean => {
  const parts = version.split('.').map(Number)
  for (let i = 0; i < min.length; i++) if ((parts[i] ?? 0) !== min[i]) return (parts[i] ?? 0) > min[i]!
  return true
}

t.test('handlebars is 4.7.10 or later, in package.json, the lock file and node_modules', async (t) => {
  const pkg = JSON.parse(await readFile('package.json', 'utf8'))
  const lock = JSON.parse(await readFile('package-lock.json', 'utf8'))
  const installed = JSON.parse(await readFile('node_modules/handlebars/package.json', 'utf8'))
  t.match(
    pkg.dependencies.handlebars,
    /^[\^~]?4\.7\.(1\d|[2-9]\d)/,
    `package.json asks for ${pkg.dependencies.handlebars}`
  )
  t.ok(
    atLeast(lock.packages['node_modules/handlebars'].version, [4, 7, 10]),
    `lock file: ${lock.packages['node_modules/handlebars'].version}`
  )
  t.ok(atLeast(installed.version, [4, 7, 10]), `installed: ${installed.version}`)
})

t.test('faq check refuses raw output ({{{ }}} and {{& }}) in FAQ answers and in templates', async (t) => {
  const dir = t.testdir()
  const [faq, templates] = [join(dir, 'faq'), join(dir, 'templates')]
  await cp('faq', faq, { recursive: true })
  await cp('templates', templates, { recursive: true })
  t.equal((await faqCheck(faq, templates)).code, 0, 'the shipped content passes')
  await writeFile(
    join(faq, 'en', 'raw.md'),
    '---\nquestions:\n  - a\n  - b\n  - c\n  - d\n  - e\n---\nHello {{{visitor.name}}}.\n'
  )
  const answer = await faqCheck(faq, templates)
  t.equal(answer.code, 1)
  t.match(answer.err, /raw\.md:9: raw output/)
  await cp('faq', faq, { recursive: true, force: true })
  const { rm } = await import('node:fs/promises')
  await rm(join(faq, 'en', 'raw.md'))
  await writeFile(join(templates, 'en', 'greeting.hbs'), 'Hi {{& visitor.name}}!\n')
  const template = await faqCheck(faq, templates)
  t.equal(template.code, 1)
  t.match(template.err, /greeting\.hbs.*raw output/)
})

t.test('templates cannot reach the prototype chain, helpers or lookups', async (t) => {
  const allowed = ['visitor.name', 'shop.name']
  for (const source of [
    '{{constructor.constructor}}',
    '{{visitor.__proto__}}',
    '{{visitor.constructor.prototype}}',
    '{{lookup visitor "constructor"}}',
    '{{#with visitor}}{{name}}{{/with}}',
    '{{#each visitor}}{{this}}{{/each}}',
    '{{log "x"}}',
    '{{visitor.name.constructor}}',
    '{{@root.visitor}}',
  ]) {
    const result = compileMarkdownTemplate(source, { file: 'x.hbs', allowed })
    t.ok('problems' in result, `${source} is refused: ${'problems' in result ? result.problems[0]?.message : ''}`)
  }
})

t.test('the shipped templates compile at load; template-looking visitor text renders literally', async (t) => {
  const config = configFrom({}, {})
  const { content, problems } = await loadContent(config)
  t.same(problems?.filter((p) => p.severity === 'error') ?? [], [])
  // eslint-disable-next-line no-template-curly-in-string -- template syntax of several engines is the payload
  const name = "{{constructor.constructor('return 7*7')()}} ${7*7} <%= 7*7 %> #{7*7} <b>x</b>"
  const greeting = content!.renderer.system('en', 'greeting', { visitor: { name, lang: 'en' } })
  const raw = await readFile('templates/en/greeting.hbs', 'utf8')
  if (raw.includes('visitor.name')) t.match(greeting.text, '{{constructor', 'the name is shown as typed')
  t.notMatch(greeting.text, /\b49\b/, 'nothing was evaluated')
  t.notMatch(greeting.html ?? '', /<b>/, 'no markup from the name in the HTML')
})
