import type { VisitorClient } from './load-client.js'
import { login } from './load-operators.js'
import type { OperatorAccount } from './load-targets.js'

/** Messages the server stored but a connected visitor never received. */
export interface Delivery {
  checked: number
  behind: number
  undelivered: number
  failures: number
}

/**
 * After the steady phase has drained and the operators have stopped, every visitor should have
 * received every message of its conversation: compares the `last_seq` the server has stored
 * (operators' REST view) with the last seq each still-open visitor got live. A shortfall means
 * the live push missed a stored message, which only a reconnect would bring back.
 */
export async function checkDelivery (
  clients: VisitorClient[],
  account: OperatorAccount,
  url: string
): Promise<Delivery> {
  const session = await login(url, account)
  const result: Delivery = { checked: 0, behind: 0, undelivered: 0, failures: 0 }
  const open = clients.filter((c) => c.isOpen() && c.conversationId() !== undefined)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < open.length) {
      const client = open[next++] as VisitorClient
      const res = await session
        .call('GET', `/api/v1/conversations/${client.conversationId() ?? ''}?after=${client.lastSeq()}`)
        .catch(() => undefined)
      if (res?.status !== 200) {
        result.failures++
        continue
      }
      const stored = (res.body as { conversation: { last_seq: number } }).conversation.last_seq
      result.checked++
      if (stored > client.lastSeq()) {
        result.behind++
        result.undelivered += stored - client.lastSeq()
      }
    }
  }
  await Promise.all(Array.from({ length: 10 }, worker))
  return result
}
