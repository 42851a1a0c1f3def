import type { MessageFrame } from '../core/protocol.js'
import type { Message } from '../store/types.js'

/**
 * What a visitor may see of a stored message: never the bot's evidence or internal data, and
 * `html` only for bot answers (everything a person typed is shown as text by the clients).
 */
export function visitorMessageFrame (m: Message): MessageFrame {
  const operatorName = typeof m.data?.operatorName === 'string' ? m.data.operatorName : undefined
  const choices =
    m.kind === 'clarify' && Array.isArray(m.data?.choices)
      ? (m.data.choices as { entryId: string; title: string }[]).map((c) => ({ entry_id: c.entryId, title: c.title }))
      : undefined
  return {
    type: 'message',
    seq: m.seq,
    id: m.id,
    author: m.author,
    text: m.text,
    ...(m.html !== null && m.author === 'bot' && { html: m.html }),
    lang: m.lang,
    at: new Date(m.at).toISOString(),
    ...(m.kind !== null && { kind: m.kind }),
    ...(choices !== undefined && { choices }),
    ...(m.entryId !== null && { entry_id: m.entryId }),
    ...(operatorName !== undefined && m.author === 'operator' && { operator_name: operatorName }),
    ...(m.clientId !== null && m.author === 'visitor' && { client_id: m.clientId }),
  }
}
