import type { ErrorFrame, VisitorServerFrame } from '../shared/protocol.js'
import { TransportCodes, type OpenTransport } from './transport.js'

// A long poll that answers this fast with no message is not waiting: slow down rather than spin.
const FastAnswerMs = 200
const SpinPauseMs = 2000

/**
 * The visitor protocol over HTTP, for networks that block websockets: frames are POSTed one
 * at a time, in order; messages arrive by long-polling from the last seq shown. The resume
 * token goes in a header, never in a URL.
 */
export function httpTransport (base: string, lastSeq: () => number): OpenTransport {
  return (hello, events) => {
    const abort = new AbortController()
    let done = false
    let welcomed = false
    let conversationId = hello.conversation_id
    let token = hello.resume_token
    let chain: Promise<void> = Promise.resolve()

    const fail = (code: number): void => {
      if (done) return
      done = true
      abort.abort()
      events.closed({ code, welcomed })
    }
    const headers = (): Record<string, string> => ({
      'content-type': 'application/json',
      ...(token !== undefined && { 'x-resume-token': token }),
    })
    const query = (): string =>
      conversationId === undefined ? '' : `conversation_id=${encodeURIComponent(conversationId)}`
    const emit = (frames: VisitorServerFrame[]): void => {
      for (const frame of frames) {
        if (done) return
        if (frame.type === 'welcome') {
          welcomed = true
          conversationId = frame.conversation_id
          token = frame.resume_token
        }
        events.frame(frame)
      }
    }
    /** POSTs one frame; answers with its frames, or an error frame for a refusal. */
    const post = async (frame: object & { client_id?: string }): Promise<void> => {
      const res = await fetch(`${base}/api/v1/visitor/frames?${query()}`, {
        method: 'POST',
        headers: headers(),
        body: JSON.stringify(frame),
        signal: abort.signal,
        credentials: 'omit',
      })
      if (res.status === 404) return fail(TransportCodes.gone)
      if (res.status === 403) return fail(TransportCodes.notAllowedHere)
      if (res.status >= 500) return fail(TransportCodes.network)
      const body = (await res.json()) as { frames?: VisitorServerFrame[]; code?: string; message?: string }
      if (res.ok) return emit(body.frames ?? [])
      const refused: ErrorFrame = {
        type: 'error',
        code: body.code ?? 'FD_ERR_FRAME_INVALID',
        message: body.message ?? `HTTP ${res.status}`,
        ...(frame.client_id !== undefined && { client_id: frame.client_id }),
      }
      emit([refused])
    }
    const poll = async (): Promise<void> => {
      let wait = false
      while (!done) {
        const started = Date.now()
        const res = await fetch(`${base}/api/v1/visitor/events?${query()}&after=${lastSeq()}&wait=${wait}`, {
          headers: headers(),
          signal: abort.signal,
          credentials: 'omit',
        })
        if (res.status === 404) return fail(TransportCodes.gone)
        if (res.status === 429) return fail(TransportCodes.rateLimited)
        if (res.status === 403) return fail(TransportCodes.notAllowedHere)
        if (!res.ok) return fail(TransportCodes.network)
        const frames = ((await res.json()) as { frames: VisitorServerFrame[] }).frames
        emit(frames)
        if (wait && Date.now() - started < FastAnswerMs && !frames.some((f) => f.type === 'message')) {
          await new Promise((resolve) => setTimeout(resolve, SpinPauseMs))
        }
        wait = true
      }
    }
    const guard = (work: Promise<void>): Promise<void> =>
      work.catch(() => {
        fail(TransportCodes.network)
      })

    void guard(
      post(hello).then(async () => {
        if (done) return
        if (!welcomed) return fail(TransportCodes.noWelcome)
        await poll()
      })
    )
    return {
      kind: 'http',
      send (frame) {
        if (done || !welcomed) return
        chain = chain.then(() => guard(post(frame)))
      },
      close () {
        done = true
        abort.abort()
      },
    }
  }
}
