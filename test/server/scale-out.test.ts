import t from 'tap'
import { createPostgresStore } from '../../src/store/postgres.js'
import { startPostgres } from '../setup/postgres.js'
import { addOperator, connect, login, type Client } from './helpers.js'
import { spawnServer } from './process.js'

// A real PostgreSQL and two server processes on a busy 2-CPU CI machine can outlast tap's 30 s default:
// at least two minutes, or the longer timeout configured.
if (Number(process.env.TAP_TIMEOUT ?? 30) < 120) t.setTimeout(120_000)

const isType = (type: string) => (f: Record<string, any>) => f.type === type
const messageSeqs = (c: Client) => c.frames.filter(isType('message')).map((f) => f.seq as number)

t.test(
  'a visitor on one instance and an operator on another talk both ways, and the visitor survives its instance dying',
  async (t) => {
    const postgres = await startPostgres(t)
    const url = await postgres.createDatabase()
    const env = { DATABASE_URL: url, DATA_DIR: t.testdir() }
    const store = createPostgresStore({ url })
    t.teardown(() => store.close())
    // One after the other: two at once can take longer than spawnServer waits on a busy machine
    // (instances starting at once are tested in test/store/postgres.test.ts).
    const a = await spawnServer(t, env)
    const b = await spawnServer(t, env)
    t.not(a.url, b.url, 'two instances on two ports')
    await addOperator(store, { username: 'nadia', name: 'Nadia', langs: ['en', 'it'] })
    const ws = (base: string) => `${base.replace(/^http/, 'ws')}`

    // The operator works on B only.
    const nadia = await login(b.url, 'nadia')
    const console_ = await connect(t, `${ws(b.url)}/ws/operator`, { cookie: nadia.cookie })
    console_.send({ type: 'hello' })
    await console_.next(isType('queue'))

    // The visitor is on A and asks for a person.
    const v = await connect(t, `${ws(a.url)}/ws/visitor`)
    v.send({ type: 'hello', lang: 'en', name: 'Giulia' })
    const welcome = await v.next(isType('welcome'))
    const id = welcome.conversation_id as string
    v.send({ type: 'handoff', client_id: 'h1' })
    await v.next(isType('ack'))
    const handed = await v.next((f) => f.type === 'state' && (f.state === 'queued' || f.state === 'offline'))
    t.equal(handed.state, 'queued', 'queued for the operator online on the other instance')

    // B's console hears about it through PostgreSQL, and the operator claims it there.
    await console_.next((f) => f.type === 'queue' && f.conversations.some((c: { id: string }) => c.id === id), 10_000)
    const claim = await nadia.call('POST', `/api/v1/conversations/${id}/claim`, {})
    t.equal(claim.status, 200)
    t.match(
      await v.next((f) => f.type === 'state' && f.state === 'assigned', 10_000),
      { operator_name: 'Nadia' },
      'A tells the visitor who took it'
    )

    // Operator → visitor, across instances.
    console_.send({ type: 'watch', conversation_id: id, last_seq: 0 })
    console_.send({
      type: 'text',
      client_id: 'r1',
      conversation_id: id,
      text: 'Hi Giulia, Nadia here. How can I help?',
    })
    await console_.next((f) => f.type === 'ack' && f.client_id === 'r1')
    t.match(await v.next((f) => f.type === 'message' && f.author === 'operator', 10_000), {
      text: 'Hi Giulia, Nadia here. How can I help?',
    })

    // Visitor → operator, across instances.
    v.send({ type: 'text', client_id: 'q1', text: 'My parcel RH-2231 never arrived' })
    await v.next((f) => f.type === 'ack' && f.client_id === 'q1')
    t.match(
      await console_.next(
        (f) => f.type === 'message' && f.author === 'visitor' && f.conversation_id === id && /RH-2231/.test(f.text),
        10_000
      ),
      { text: 'My parcel RH-2231 never arrived' }
    )

    // A dies without a word; the operator keeps writing meanwhile.
    a.child.kill('SIGKILL')
    await v.closed
    const lastSeen = Math.max(...messageSeqs(v))
    console_.send({ type: 'text', client_id: 'r2', conversation_id: id, text: 'I am checking with the courier now.' })
    await console_.next((f) => f.type === 'ack' && f.client_id === 'r2')

    // The visitor's page reconnects, to B this time, from the last seq it has.
    const back = await connect(t, `${ws(b.url)}/ws/visitor`)
    back.send({ type: 'hello', conversation_id: id, resume_token: welcome.resume_token, last_seq: lastSeen })
    t.match(await back.next(isType('welcome')), { conversation_id: id, state: 'assigned' })
    t.match(
      await back.next((f) => f.type === 'message' && f.author === 'operator'),
      { text: 'I am checking with the courier now.' },
      'what was said while it was away arrives'
    )
    back.send({ type: 'text', client_id: 'q2', text: 'Thank you!' })
    await back.next((f) => f.type === 'ack' && f.client_id === 'q2')
    // The ack comes as soon as the message is stored; its echo follows through the bus hint.
    await back.next((f) => f.type === 'message' && f.client_id === 'q2')
    await console_.next((f) => f.type === 'message' && f.author === 'visitor' && f.text === 'Thank you!', 10_000)

    const seen = [...messageSeqs(v), ...messageSeqs(back)]
    t.same(
      seen,
      Array.from({ length: seen.length }, (_, i) => i + 1),
      'every message reached the visitor once, in order, across both instances'
    )
    t.same(
      (await store.messagesAfter(id, 0)).map((m) => m.seq),
      seen,
      'and that is everything stored'
    )
  }
)
