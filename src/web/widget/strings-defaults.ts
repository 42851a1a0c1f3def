/**
 * Widget strings that `templates/<lang>/strings.yaml` does not have (yet). The server merges
 * them under the editors' strings, so a key added to strings.yaml wins over these. Same
 * `{placeholder}` syntax as the widget uses. Counted texts have one key per plural category of
 * the language (`_one`, `_few`, `_many`, `_other`, as `Intl.PluralRules` names them).
 */
export const StringDefaults: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  en: {
    typing_named: '{name} is typing…',
    input_label: 'Your message',
    queue_position: "You're number {position} in the queue.",
    queue_eta: 'Estimated wait: {eta}.',
    chatting_with: "You're chatting with {name}.",
    offline_status: 'Our team is offline right now.',
    back_at: "We're back {when}.",
    feedback_no_person: 'No, talk to a person',
    unread_one: '1 new message',
    unread_other: '{count} new messages',
    rate_limited: "You're sending messages very quickly. Please wait a moment.",
  },
  es: {
    typing_named: '{name} está escribiendo…',
    input_label: 'Tu mensaje',
    queue_position: 'Eres el número {position} de la cola.',
    queue_eta: 'Espera estimada: {eta}.',
    chatting_with: 'Estás hablando con {name}.',
    offline_status: 'Ahora mismo nuestro equipo no está disponible.',
    back_at: 'Volvemos {when}.',
    feedback_no_person: 'No, hablar con una persona',
    unread_one: '1 mensaje nuevo',
    unread_other: '{count} mensajes nuevos',
    rate_limited: 'Estás enviando mensajes muy rápido. Espera un momento.',
  },
  it: {
    typing_named: '{name} sta scrivendo…',
    input_label: 'Il tuo messaggio',
    queue_position: 'Sei il numero {position} in coda.',
    queue_eta: 'Attesa stimata: {eta}.',
    chatting_with: 'Stai parlando con {name}.',
    offline_status: 'In questo momento il nostro team non è disponibile.',
    back_at: 'Torniamo {when}.',
    feedback_no_person: 'No, parla con una persona',
    unread_one: '1 nuovo messaggio',
    unread_other: '{count} nuovi messaggi',
    rate_limited: 'Stai inviando messaggi molto velocemente. Attendi un momento.',
  },
  ru: {
    typing_named: '{name} печатает…',
    input_label: 'Ваше сообщение',
    queue_position: 'Ваш номер в очереди: {position}.',
    queue_eta: 'Примерное ожидание: {eta}.',
    chatting_with: 'Вам отвечает {name}.',
    offline_status: 'Сейчас никого из сотрудников нет на связи.',
    back_at: 'Мы снова на связи {when}.',
    feedback_no_person: 'Нет, позовите сотрудника',
    unread_one: '{count} новое сообщение',
    unread_few: '{count} новых сообщения',
    unread_many: '{count} новых сообщений',
    unread_other: '{count} новых сообщения',
    rate_limited: 'Вы отправляете сообщения слишком часто. Подождите немного.',
  },
}
