import t from 'tap'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { configFrom, loadConfig } from '../src/config/load.js'

t.test('an empty config gets every default', async (t) => {
  const config = configFrom({})
  t.equal(config.faqDir, 'faq')
  t.equal(config.defaultLang, 'en')
  t.equal(config.maxTextLength, 4000)
  t.equal(config.shop.name, 'Ravenna Home')
})

t.test('every bad field is named in one error', async (t) => {
  t.throws(() => configFrom({ maxTextLength: 'long', colour: 'red', shop: { name: '' } }), {
    code: 'FD_ERR_CONFIG_INVALID',
    message: /colour: Unexpected property.*maxTextLength: Expected integer.*shop\.name/,
  })
})

t.test('a clarify threshold above the answer threshold is refused', async (t) => {
  t.throws(() => configFrom({ thresholds: { answer: 0.5, clarify: 0.7 } }), { message: /thresholds.clarify/ })
})

t.test('environment variables override the file', async (t) => {
  const config = configFrom({ faqDir: 'content/faq' }, { FAQ_DIR: '/srv/faq', DEFAULT_LANG: 'it' })
  t.equal(config.faqDir, '/srv/faq')
  t.equal(config.defaultLang, 'it')
})

t.test('a YAML config file is read, and a missing one is a clear error', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'frontdesk-config-'))
  const file = join(dir, 'frontdesk.yaml')
  await writeFile(file, 'defaultLang: es\nshop:\n  name: Tienda Sol\n')
  const config = await loadConfig({ file, env: {} })
  t.equal(config.defaultLang, 'es')
  t.equal(config.shop.name, 'Tienda Sol')
  await t.rejects(loadConfig({ file: join(dir, 'nope.yaml'), env: {} }), {
    code: 'FD_ERR_CONFIG_INVALID',
    message: /cannot read config file/,
  })
  await writeFile(file, 'shop: [unclosed\n')
  await t.rejects(loadConfig({ file, env: {} }), { code: 'FD_ERR_CONFIG_INVALID' })
})

t.test('analytics default to a 24-hour re-contact window, and an unknown report time zone is refused', async (t) => {
  t.same(configFrom({}).analytics, { recontactHours: 24 })
  t.equal(configFrom({ analytics: { timeZone: 'Europe/Rome', recontactHours: 48 } }).analytics.timeZone, 'Europe/Rome')
  t.throws(
    () => configFrom({ analytics: { timeZone: 'Mars/Olympus' } }),
    /analytics\.timeZone: "Mars\/Olympus" is not a time zone/
  )
  t.throws(() => configFrom({ analytics: { recontactHours: -1 } }), /analytics\.recontactHours/)
})
