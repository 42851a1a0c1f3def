import { parseFrame, type VisitorServerFrame } from '../shared/protocol.js'
import { TransportCodes, type OpenTransport } from './transport.js'

/** How long a websocket gets to open and answer the hello before it counts as failed. @default 8000 */
const WelcomeTimeoutMs = 8000

/** The visitor protocol over `/ws/visitor`. */
export function websocketTransport (base: string): OpenTransport {
  const url = `${base.replace(/^http/, 'ws')}/ws/visitor`
  return (hello, events) => {
    let done = false
    let welcomed = false
    const ws = new WebSocket(url)
    const finish = (code: number): void => {
      if (done) return
      done = true
      clearTimeout(timer)
      events.closed({ code, welcomed })
    }
    const timer = setTimeout(() => {
      finish(TransportCodes.noWelcome)
      ws.close()
    }, WelcomeTimeoutMs)
    ws.addEventListener('open', () => {
      ws.send(JSON.stringify(hello))
    })
    ws.addEventListener('message', (event) => {
      if (done) return
      const frame = parseFrame<VisitorServerFrame>(event.data)
      if (frame === undefined) return
      if (frame.type === 'welcome') {
        welcomed = true
        clearTimeout(timer)
      }
      events.frame(frame)
    })
    ws.addEventListener('close', (event) => {
      finish(event.code)
    })
    return {
      kind: 'websocket',
      send (frame) {
        if (!done && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame))
      },
      close () {
        done = true
        clearTimeout(timer)
        ws.close(TransportCodes.normal)
      },
    }
  }
}
