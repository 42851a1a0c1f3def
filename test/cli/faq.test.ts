import t from 'tap'
import { cp, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { main } from '../../src/cli/main.js'
import type { Io } from '../../src/cli/io.js'

async function run (argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const lines = { out: [] as string[], err: [] as string[] }
  const io: Io = { out: (l) => lines.out.push(l), err: (l) => lines.err.push(l) }
  const code = await main(argv, io)
  return { code, out: lines.out.join('\n'), err: lines.err.join('\n') }
}

t.test('faq check passes on the sample FAQ and counts entries per language', async (t) => {
  const { code, out, err } = await run(['faq', 'check', 'faq'])
  t.equal(code, 0, err)
  t.match(out, /en 36, es 36, it 36, ru 36 entries; 0 error\(s\)/)
})

t.test('faq check reports a broken entry with file, line and field, and fails', async (t) => {
  const dir = t.testdir()
  await cp('faq', dir, { recursive: true })
  await writeFile(
    join(dir, 'en', 'returns.md'),
    '---\ntitle: Returns\nquestions:\n  - How do I return an item?\n  - 42\n  -\n---\nCall {{shop.fax}}.\n'
  )
  const { code, err } = await run(['faq', 'check', dir])
  t.equal(code, 1)
  t.match(
    err,
    `${relative(process.cwd(), join(dir, 'en', 'returns.md'))}:6 (questions): each item must be a non-empty text`
  )
})

t.test('faq check warns about questions two entries share almost word for word', async (t) => {
  const dir = t.testdir()
  await cp('faq', dir, { recursive: true })
  await writeFile(
    join(dir, 'en', 'parcel-lost.md'),
    '---\nquestions:\n  - where is my parcel now\n---\nWe will look for it.\n'
  )
  await writeFile(
    join(dir, 'en', 'parcel-late.md'),
    '---\nquestions:\n  - where is my parcel\n---\nIt is on its way.\n'
  )
  const { out } = await run(['faq', 'check', dir])
  t.match(out, /warning: "where is my parcel( now)?" is almost the same as/)
})

t.test('faq try --json gives the decision with its evidence', async (t) => {
  const { code, out } = await run(['faq', 'try', '¿Puedo devolver un artículo?', '--lang', 'es', '--json'])
  t.equal(code, 0)
  const json = JSON.parse(out.split('\n').at(-1) ?? '{}')
  t.match(json, { decision: /answer|clarify|escalate/, lang: 'es', confidence: Number })
  t.ok(Array.isArray(json.candidates) && json.candidates.length > 0)
  t.match(json.candidates[0], { entry_id: String, confidence: Number })
  t.ok('entry_id' in json)
})

t.test('faq try explains a request for a person in words', async (t) => {
  const { code, out } = await run(['faq', 'try', 'позовите оператора'])
  t.equal(code, 0)
  t.match(out, /Decision: +escalate \(asked_for_person\)/)
  t.match(out, /Language: +ru/)
})

t.test('faq try without a question is a usage error', async (t) => {
  t.equal((await run(['faq', 'try'])).code, 2)
})

t.test("the editors' regression cases in faq/tests.yaml and faq/conversations.yaml all pass", async (t) => {
  const { code, out } = await run(['faq', 'test'])
  const summary = /(\d+) passed, (\d+) failed/.exec(out)
  t.ok(summary, 'prints a summary')
  t.ok(Number(summary?.[1]) >= 60, 'at least 60 cases')
  const conversations = new Set([...out.matchAll(/^(?:not )?ok \d+ - \[(\w+)\] (.+), turn \d+:/gm)].map((m) => `${m[1]} ${m[2]}`))
  t.ok(conversations.size >= 40, `at least 40 conversations (${conversations.size})`)
  for (const lang of ['en', 'es', 'it', 'ru']) t.ok([...conversations].some((c) => c.startsWith(lang)), `some in ${lang}`)
  t.equal(
    code,
    0,
    out
      .split('\n')
      .filter((l) => l.startsWith('not ok') || l.startsWith('    '))
      .join('\n')
  )
})

t.test('faq test reports a failing case like a test runner', async (t) => {
  const dir = t.testdir()
  const file = join(dir, 'tests.yaml')
  await writeFile(file, '- q: where is my parcel?\n  lang: en\n  expect: gift-cards\n')
  const { code, out } = await run(['faq', 'test', file])
  t.equal(code, 1)
  t.match(out, /not ok 1 - \[en\] "where is my parcel\?" → gift-cards\n {4}got: .*\n {4}at: .*tests\.yaml:1/)
  t.match(out, /0 passed, 1 failed/)
})

t.test('an unknown command prints the usage', async (t) => {
  const { code, err } = await run(['frobnicate'])
  t.equal(code, 2)
  t.match(err, /Usage: frontdesk/)
})

t.test(
  'a case reached through the first choice passes and is counted apart; a todo does not fail the run',
  async (t) => {
    const dir = t.testdir()
    const file = join(dir, 'tests.yaml')
    await writeFile(
      file,
      '- q: refund return\n  lang: en\n  expect: gift-cards\n  todo: "not written yet"\n- q: xylophone quantum zebra\n  lang: en\n  expect: escalate\n'
    )
    const { code, out } = await run(['faq', 'test', file])
    t.equal(code, 0, out)
    t.match(out, /not ok 1 - .* # TODO not written yet/)
    t.match(out, /1 passed, 0 failed, 1 todo/)
  }
)
