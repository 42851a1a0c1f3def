import t from 'tap'
import { cp, writeFile } from 'node:fs/promises'
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

  const before = holder.current()
  await writeFile(join(dir, 'faq', 'en', 'returns.md'), '---\nquestions: [\n---\nbroken\n')
  await until(() => logged.some((l) => l.includes('content not reloaded')), 'the reload')
  t.equal(holder.current(), before, 'the last good content stays in service')
  t.ok(
    logged.some((l) => l.includes('returns.md')),
    'the problem names the file'
  )
})

t.test('a server cannot start on broken content, and says why', async (t) => {
  const dir = t.testdir()
  await cp('faq', join(dir, 'faq'), { recursive: true })
  await writeFile(join(dir, 'faq', 'es', 'returns.md'), '---\ntitle: x\n---\nsin preguntas\n')
  const config = configFrom({ faqDir: join(dir, 'faq') })
  await t.rejects(createContentHolder(config, pino({ level: 'silent' }), { watch: false }), {
    code: 'FD_ERR_FAQ_INVALID',
    message: /returns\.md.*questions/s,
  })
})
