import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import t from 'tap'
import { connect, until, type Client } from '../server/helpers.js'
import { spawnServer } from '../server/process.js'
import { smallDisk } from './helpers.js'

const Visitors = 10
const PerVisitor = 1000

interface Tracked {
  id?: string
  token?: string
  acked: Set<number>
  seen: Map<number, string | undefined>
  lastSeq: number
  order: number[]
}

t.test(
  'kill -9 three times during a burst of 10,000 messages: every acknowledged message is stored and delivered exactly once, without gaps',
  async (t) => {
    t.setTimeout(180_000)
    const dataDir = t.testdir()
    const config = join(dataDir, 'frontdesk.yaml')
    await writeFile(config, 'limits:\n  messagesPerMinute: 1000000\n  connectionsPerIp: 1000\n')
    const env = { DATA_DIR: dataDir, FRONTDESK_CONFIG: config }
    const visitors: Tracked[] = Array.from({ length: Visitors }, () => ({
      acked: new Set(),
      seen: new Map(),
      lastSeq: 0,
      order: [],
    }))
    const totalAcked = () => visitors.reduce((n, v) => n + v.acked.size, 0)
    const ackedAtKill: number[] = []

    for (let round = 0; round < 4; round++) {
      const server = await spawnServer(t, env)
      const wsUrl = server.url.replace('http', 'ws')
      const clients: Client[] = []
      for (const v of visitors) {
        const c = await connect(t, `${wsUrl}/ws/visitor`)
        c.ws.on('message', (data) => {
          const f = JSON.parse(String(data))
          if (f.type === 'ack') v.acked.add(Number(f.client_id.slice(1)))
          if (f.type === 'message') {
            v.order.push(f.seq)
            v.seen.set(f.seq, f.client_id)
            v.lastSeq = Math.max(v.lastSeq, f.seq)
          }
        })
        c.send(
          v.id === undefined
            ? { type: 'hello', lang: 'en' }
            : { type: 'hello', conversation_id: v.id, resume_token: v.token, last_seq: v.lastSeq }
        )
        const welcome = await c.next((f) => f.type === 'welcome', 20_000)
        v.id = welcome.conversation_id
        v.token = welcome.resume_token
        clients.push(c)
      }
      // Everything not acknowledged yet is (re)sent, as a real client does after a reconnect.
      for (const [n, v] of visitors.entries()) {
        for (let i = 0; i < PerVisitor; i++) {
          if (!v.acked.has(i)) {
            clients[n]!.send({ type: 'text', client_id: `m${i}`, text: `message ${i}: is my parcel on its way?` })
          }
        }
      }
      // Killed at about 2,000, 4,500 and 7,000 acknowledged, in the middle of the burst.
      const target = round < 3 ? 2000 + round * 2500 : Visitors * PerVisitor
      const deadline = Date.now() + 120_000
      while (totalAcked() < target && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
      if (round < 3) {
        ackedAtKill.push(totalAcked())
        server.child.kill('SIGKILL')
        await new Promise((resolve) => server.child.once('exit', resolve))
        await Promise.all(clients.map((c) => c.closed))
      } else {
        // A bot answer is stored with the question it answers, before the ack: once everything is
        // acknowledged, wait until each visitor has been sent every stored message.
        const db = new Database(join(dataDir, 'frontdesk.db'), { readonly: true })
        const stored = db.prepare('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?')
        const count = (id: string | undefined): number => (stored.get(id) as { n: number }).n
        await until(() => visitors.every((v) => v.order.length >= count(v.id)), 'every stored message sent', 60_000)
        db.close()
      }
    }
    t.comment(`acknowledged when killed: ${ackedAtKill.join(', ')}`)
    t.equal(totalAcked(), Visitors * PerVisitor, 'every message was acknowledged in the end')

    const db = new Database(join(dataDir, 'frontdesk.db'), { readonly: true })
    t.teardown(() => db.close())
    t.equal(db.pragma('integrity_check', { simple: true }), 'ok', 'the database is intact')
    for (const [n, v] of visitors.entries()) {
      const rows = db
        .prepare('SELECT seq, client_id FROM messages WHERE conversation_id = ? ORDER BY seq')
        .all(v.id) as { seq: number; client_id: string | null }[]
      const ids = rows.flatMap((r) => (r.client_id === null ? [] : [r.client_id]))
      t.same(
        rows.map((r) => r.seq),
        rows.map((_, i) => i + 1),
        `visitor ${n}: seqs 1..${rows.length} without gaps`
      )
      t.equal(ids.length, PerVisitor, `visitor ${n}: ${PerVisitor} messages stored`)
      t.equal(new Set(ids).size, ids.length, `visitor ${n}: none stored twice`)
      t.same(
        v.order,
        [...v.order].sort((a, b) => a - b).filter((s, i, all) => all.indexOf(s) === i),
        `visitor ${n}: delivered in order, none twice, across ${4} connections`
      )
      t.equal(v.order.length, rows.length, `visitor ${n}: every stored message delivered`)
    }
  }
)

t.test(
  'a full disk, then a read-only one: clear errors to clients and in the logs, nothing lost, recovery when writable again',
  async (t) => {
    const dataDir = smallDisk(t, '4m')
    if (dataDir === undefined) {
      t.comment('SKIPPED: cannot mount a tmpfs here (needs root): the full-disk fault is not simulated')
      return
    }
    writeFileSync(join(dataDir, 'frontdesk.yaml'), 'limits:\n  messagesPerMinute: 100000\n')
    const env = { DATA_DIR: dataDir, FRONTDESK_CONFIG: join(dataDir, 'frontdesk.yaml') }
    const server = await spawnServer(t, env)
    const wsUrl = server.url.replace('http', 'ws')
    const v = await connect(t, `${wsUrl}/ws/visitor`)
    v.send({ type: 'hello', lang: 'en' })
    const welcome = await v.next((f) => f.type === 'welcome')
    const answer = async (id: string): Promise<Record<string, any>> => {
      v.send({ type: 'text', client_id: id, text: `${id}: where is my parcel? ${'x'.repeat(2000)}` })
      return await v.next((f) => (f.type === 'ack' || f.type === 'error') && f.client_id === id, 20_000)
    }
    const acked: string[] = []
    for (let i = 0; i < 5; i++) if ((await answer(`ok${i}`)).type === 'ack') acked.push(`ok${i}`)
    // Fill what is left of the disk.
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${join(dataDir, 'filler')}`, 'bs=64k'], { stdio: 'ignore' })
    } catch {
      /* dd stops with "no space left": that is the point */
    }
    let refused: Record<string, any> | undefined
    for (let i = 0; i < 200 && refused === undefined; i++) {
      const a = await answer(`full${i}`)
      if (a.type === 'error') refused = a
      else acked.push(`full${i}`)
    }
    t.match(
      refused,
      { code: 'FD_ERR_STORE_UNAVAILABLE', message: /send it again/ },
      'a full disk gives the client FD_ERR_STORE_UNAVAILABLE'
    )
    const http503 = await fetch(`${server.url}/api/v1/visitor/frames?conversation_id=${welcome.conversation_id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-resume-token': welcome.resume_token },
      body: JSON.stringify({ type: 'text', client_id: 'h1', text: 'over http' }),
    })
    t.equal(http503.status, 503, 'and the HTTP fallback a 503')
    t.match(server.output(), /SQLITE_FULL|database or disk is full/, 'the log names the cause')
    await rm(join(dataDir, 'filler'))
    t.equal((await answer('after-full')).type, 'ack', 'writes work again once there is space')
    acked.push('after-full')
    server.child.kill('SIGTERM')
    await new Promise((resolve) => server.child.once('exit', resolve))

    // A read-only file system cannot be switched under open files: the server starts on it.
    execFileSync('mount', ['-o', 'remount,ro', dataDir])
    const readOnly = await spawnServer(t, env).then(
      (s) => s,
      (err: Error) => err
    )
    if (readOnly instanceof Error) {
      t.match(
        readOnly.message,
        /frontdesk: FD_ERR_STORE_UNAVAILABLE: cannot open the database .*frontdesk\.db.*writable/,
        'a read-only database stops the start with one clear line'
      )
      t.notMatch(readOnly.message, /\n\s+at /, 'not a stack trace')
    } else {
      const res = await fetch(`${readOnly.url}/api/v1/visitor/frames`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type":"hello"}',
      })
      t.equal(res.status, 503, 'on a read-only database, writes get 503')
      readOnly.child.kill('SIGKILL')
    }
    execFileSync('mount', ['-o', 'remount,rw', dataDir])
    const again = await spawnServer(t, env)
    const back = await connect(t, `${again.url.replace('http', 'ws')}/ws/visitor`)
    back.send({
      type: 'hello',
      conversation_id: welcome.conversation_id,
      resume_token: welcome.resume_token,
      last_seq: 0,
    })
    await back.next((f) => f.type === 'state', 10_000)
    back.send({ type: 'text', client_id: 'after-ro', text: 'and now?' })
    t.equal(
      (await back.next((f) => (f.type === 'ack' || f.type === 'error') && f.client_id === 'after-ro', 10_000)).type,
      'ack',
      'writable again: served again'
    )
    acked.push('after-ro')
    again.child.kill('SIGTERM')
    await new Promise((resolve) => again.child.once('exit', resolve))

    const db = new Database(join(dataDir, 'frontdesk.db'), { readonly: true })
    t.teardown(() => db.close())
    t.equal(db.pragma('integrity_check', { simple: true }), 'ok', 'no corruption')
    const stored = (
      db
        .prepare('SELECT client_id FROM messages WHERE conversation_id = ? AND client_id IS NOT NULL')
        .all(welcome.conversation_id) as { client_id: string }[]
    ).map((r) => r.client_id)
    t.same(stored.sort(), acked.sort(), 'exactly the acknowledged messages are stored')
  }
)
