/**
 * Widget strings that `templates/<lang>/strings.yaml` does not have (yet). The server merges
 * them under the editors' strings, so a key added to strings.yaml wins over these. Same
 * `{placeholder}` syntax as the widget uses.
 */
export const StringDefaults: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  en: {
    input_label: 'Your message',
    queue_position: "You're number {position} in the queue.",
    queue_eta: 'Estimated wait: {eta}.',
    chatting_with: "You're chatting with {name}.",
    offline_status: 'Our team is offline right now.',
    back_at: "We're back {when}.",
    feedback_no_person: 'No, talk to a person',
    unread: '{count} new messages',
    rate_limited: "You're sending messages very quickly. Please wait a moment.",
  },
  es: {
    input_label: 'Tu mensaje',
    queue_position: 'Eres el número {position} de la cola.',
    queue_eta: 'Espera estimada: {eta}.',
    chatting_with: 'Estás hablando con {name}.',
    offline_status: 'Ahora mismo nuestro equipo no está disponible.',
    back_at: 'Volvemos {when}.',
    feedback_no_person: 'No, hablar con una persona',
    unread: '{count} mensajes nuevos',
    rate_limited: 'Estás enviando mensajes muy rápido. Espera un momento.',
  },
  it: {
    input_label: 'Il tuo messaggio',
    queue_position: 'Sei il numero {position} in coda.',
    queue_eta: 'Attesa stimata: {eta}.',
    chatting_with: 'Stai parlando con {name}.',
    offline_status: 'In questo momento il nostro team non è disponibile.',
    back_at: 'Torniamo {when}.',
    feedback_no_person: 'No, parla con una persona',
    unread: '{count} nuovi messaggi',
    rate_limited: 'Stai inviando messaggi molto velocemente. Attendi un momento.',
  },
  ru: {
    input_label: 'Ваше сообщение',
    queue_position: 'Ваш номер в очереди: {position}.',
    queue_eta: 'Примерное ожидание: {eta}.',
    chatting_with: 'Вам отвечает {name}.',
    offline_status: 'Сейчас никого из сотрудников нет на связи.',
    back_at: 'Мы снова на связи {when}.',
    feedback_no_person: 'Нет, позовите сотрудника',
    unread: 'Новых сообщений: {count}',
    rate_limited: 'Вы отправляете сообщения слишком часто. Подождите немного.',
  },
}
