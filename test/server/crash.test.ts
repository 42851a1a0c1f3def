import t from 'tap'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { connect } from './helpers.js'
import { spawnServer } from './process.js'

t.test('after kill -9 and a restart, every acknowledged message is there exactly once, in order', async (t) => {
  const dataDir = t.testdir()
  const config = join(dataDir, 'frontdesk.yaml')
  await writeFile(config, 'limits:\n  messagesPerMinute: 100000\n')
  const env = { DATA_DIR: dataDir, FRONTDESK_CONFIG: config }
  const first = await spawnServer(t, env)
  const v = await connect(t, `${first.url.replace('http', 'ws')}/ws/visitor`)
  v.send({ type: 'hello', lang: 'en' })
  const welcome = await v.next((f) => f.type === 'welcome')
  const acked: number[] = []
  for (let i = 0; i < 20; i++) {
    v.send({ type: 'text', client_id: `m${i}`, text: `message number ${i}: where is my parcel?` })
  }
  for (let i = 0; i < 10; i++) acked.push((await v.next((f) => f.type === 'ack' && f.client_id === `m${i}`)).seq)
  first.child.kill('SIGKILL')
  await new Promise((resolve) => first.child.once('exit', resolve))
  await v.closed

  const second = await spawnServer(t, env)
  const back = await connect(t, `${second.url.replace('http', 'ws')}/ws/visitor`)
  back.send({
    type: 'hello',
    conversation_id: welcome.conversation_id,
    resume_token: welcome.resume_token,
    last_seq: 0,
  })
  await back.next((f) => f.type === 'welcome')
  await back.next((f) => f.type === 'state')
  const messages = back.frames.filter((f) => f.type === 'message') as { seq: number; client_id?: string }[]
  t.same(
    messages.map((m) => m.seq),
    messages.map((_, i) => i + 1),
    'no gap, no repeat'
  )
  for (const seq of acked) {
    t.equal(messages.filter((m) => m.seq === seq).length, 1, `acknowledged seq ${seq} is there once`)
  }
  const ids = messages.flatMap((m) => (m.client_id === undefined ? [] : [m.client_id]))
  t.equal(new Set(ids).size, ids.length, 'no visitor message stored twice')

  for (let i = 0; i < 20; i++) {
    back.send({ type: 'text', client_id: `m${i}`, text: `message number ${i}: where is my parcel?` })
  }
  for (let i = 0; i < 20; i++) await back.next((f) => f.type === 'ack' && f.client_id === `m${i}`)
  const all = back.frames.filter((f) => f.type === 'message' && (f as any).author === 'visitor') as {
    client_id: string
  }[]
  t.equal(new Set(all.map((m) => m.client_id)).size, all.length, 'resending everything stored nothing twice')
  t.equal(all.length, 20, 'and every message is stored now')
})
