import t from 'tap'
import { cp, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import pino from 'pino'
import { configFrom } from '../../src/config/load.js'
import { createContentHolder } from '../../src/server/content-holder.js'
import { until } from './helpers.js'

t.test("an editor's save is picked up; a broken save keeps the last good FAQ in service", async (t) => {
  const dir = t.testdir()
  await cp('faq', join(dir, 'faq'), { recursive: true })
  const config = configFrom({ faqDir: join(dir, 'faq') })
  const logged: string[] = []
  const log = pino(
    { level: 'info' },
    {
      write: (line: string) => {
        logged.push(line)
      },
    }
  )
  const holder = await createContentHolder(config, log)
  t.teardown(() => holder.close())
  t.equal(holder.current().engine.entry('en', 'loyalty-points'), undefined)

  await writeFile(
    join(dir, 'faq', 'en', 'loyalty-points.md'),
    '---\ntitle: Loyalty points\nquestions:\n  - how do loyalty points work\n  - can I use my points\n---\nEvery euro you spend earns one point.\n'
  )
  await until(() => holder.current().engine.entry('en', 'loyalty-points') !== undefined, 'the reload')
  t.equal(
    holder.current().engine.triage('how do loyalty points work', { conversation: 'en' }).evidence.candidates[0]
      ?.entryId,
    'loyalty-points'
  )

  const before = holder.current().engine.entry('en', 'returns')
  await writeFile(join(dir, 'faq', 'en', 'returns.md'), '---\nquestions: [\n---\nbroken\n')
  await until(() => logged.some((l) => l.includes('its last good version is served')), 'the reload')
  t.same(holder.current().engine.entry('en', 'returns'), before, 'the last good version of the file stays in service')
  t.ok(holder.current().engine.entry('en', 'loyalty-points'), 'and so does everything else')
  t.match(holder.current().held, [{ file: /returns\.md$/, as: 'last good version' }])
  t.ok(
    logged.some((l) => /returns\.md:\d/.test(l)),
    'the problem names the file and line'
  )
})

t.test('a server starts on an FAQ with a broken file: the rest is served and the problem is kept', async (t) => {
  const dir = t.testdir()
  await cp('faq', join(dir, 'faq'), { recursive: true })
  await writeFile(join(dir, 'faq', 'es', 'returns.md'), '---\ntitle: x\n---\nsin preguntas\n')
  const config = configFrom({ faqDir: join(dir, 'faq') })
  const holder = await createContentHolder(config, pino({ level: 'silent' }), { watch: false })
  t.equal(holder.current().engine.entry('es', 'returns'), undefined, 'the broken entry is left out')
  t.ok(holder.current().engine.entry('es', 'order-tracking'), 'the others are served')
  t.match(holder.current().held, [{ file: /es\/returns\.md$/, as: 'left out' }])
  t.match(holder.current().warnings, [{ file: /es\/returns\.md$/, line: 2, field: 'questions', severity: 'error' }])
})

t.test('a server cannot start when no FAQ entry is valid, and says why', async (t) => {
  const dir = t.testdir()
  await mkdir(join(dir, 'faq', 'en'), { recursive: true })
  await writeFile(join(dir, 'faq', 'en', 'returns.md'), '---\ntitle: x\n---\nno questions\n')
  const config = configFrom({ faqDir: join(dir, 'faq') })
  await t.rejects(createContentHolder(config, pino({ level: 'silent' }), { watch: false }), {
    code: 'FD_ERR_FAQ_INVALID',
    message: /returns\.md.*questions/s,
  })
})
