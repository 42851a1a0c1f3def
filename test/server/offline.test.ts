import t from 'tap'
import { addOperator, build, connect, login } from './helpers.js'

const hours = {
  timeZone: 'Europe/Rome',
  weekly: {
    mon: ['09:00-18:00'],
    tue: ['09:00-18:00'],
    wed: ['09:00-18:00'],
    thu: ['09:00-18:00'],
    fri: ['09:00-18:00'],
  },
}
// Sunday 22 November 2026, 21:00 in Rome: closed until Monday 09:00.
const sundayEvening = Date.parse('2026-11-22T20:00:00Z')

t.test('outside business hours the visitor is told when someone is back, in their language', async (t) => {
  const { url, wsUrl, store } = await build(t, { hours }, { clock: () => sundayEvening })
  await addOperator(store, { username: 'marta', langs: ['it'] })
  const marta = await login(url, 'marta')
  const console_ = await connect(t, `${wsUrl}/ws/operator`, { cookie: marta.cookie })
  console_.send({ type: 'hello' })
  await console_.next((f) => f.type === 'queue')
  const v = await connect(t, `${wsUrl}/ws/visitor`)
  v.send({ type: 'hello', lang: 'it' })
  await v.next((f) => f.type === 'welcome')
  v.send({ type: 'text', client_id: 'q', text: 'Vorrei parlare con un operatore' })
  const state = await v.next((f) => f.type === 'state' && f.state === 'offline')
  t.equal(state.back_at, '2026-11-23T08:00:00.000Z')
  t.match(state.back_at_text, /domani alle 9:00/)
  const notice = await v.next((f) => f.type === 'message' && f.kind === 'offline')
  t.match(notice.text, /domani alle 9:00/)
})

t.test("an offline message lands in the operators' inbox and is never lost", async (t) => {
  const { url, wsUrl, store } = await build(t, { hours }, { clock: () => sundayEvening })
  const v = await connect(t, `${wsUrl}/ws/visitor`)
  v.send({ type: 'hello', lang: 'es', name: 'Lucía' })
  const { conversation_id: id } = await v.next((f) => f.type === 'welcome')
  v.send({ type: 'handoff', client_id: 'h' })
  await v.next((f) => f.type === 'state' && f.state === 'offline')
  v.send({ type: 'contact', client_id: 'c', email: 'not-an-email', text: 'Llamadme' })
  t.match(await v.next((f) => f.type === 'error'), { code: 'FD_ERR_EMAIL_INVALID', client_id: 'c' })
  v.send({
    type: 'contact',
    client_id: 'c',
    email: 'lucia@example.es',
    text: 'Mi pedido RH-1042 llegó roto, ¿me llamáis?',
  })
  await v.next((f) => f.type === 'ack' && f.client_id === 'c')
  v.send({
    type: 'contact',
    client_id: 'c',
    email: 'lucia@example.es',
    text: 'Mi pedido RH-1042 llegó roto, ¿me llamáis?',
  })
  await v.next((f) => f.type === 'ack' && f.client_id === 'c')
  t.ok(await v.next((f) => f.type === 'message' && f.kind === 'offline_thanks'))

  await addOperator(store, { username: 'pablo', langs: ['es'] })
  const pablo = await login(url, 'pablo')
  const inbox = await pablo.call('GET', '/api/v1/contacts')
  t.equal(inbox.body.contacts.length, 1, 'stored once')
  t.match(inbox.body.contacts[0], { conversation_id: id, email: 'lucia@example.es', text: /RH-1042/, lang: 'es' })
  t.equal((await pablo.call('POST', `/api/v1/contacts/${inbox.body.contacts[0].id}/handled`, {})).status, 204)
  t.same((await pablo.call('GET', '/api/v1/contacts')).body.contacts, [])
  t.equal(await store.purgeBefore(sundayEvening + 1), 1, 'a handled one goes with retention')
})
