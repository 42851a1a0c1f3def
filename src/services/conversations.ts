import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import type { ErrorCode } from '../core/errors.js'
import { botMayAnswer } from '../core/conversation/state.js'
import { cleanLine, cleanText, isEmail } from '../core/conversation/text.js'
import { primaryTag } from '../core/lang/tags.js'
import { createThrottle } from '../core/limits/token-bucket.js'
import type { VisitorFrame, VisitorHello } from '../core/protocol.js'
import type { DialogueAct } from '../core/dialogue/acts.js'
import { dialogueState, type DialogueState } from '../core/dialogue/state.js'
import type { Decision } from '../core/triage/engine.js'
import type { Content } from '../content/load.js'
import type { ContextInput } from '../render/context.js'
import type { SystemTemplateName } from '../render/templates.js'
import type { Conversation, ConversationPatch, ConversationState, Message, NewMessage, Store } from '../store/types.js'
import type { Allowance } from './allowance.js'
import type { Availability, Presence } from './availability.js'
import type { EventBus } from '../store/types.js'
import { createEscalation } from './escalation.js'
import { systemMessage } from './system-message.js'

/** Removes personal data (cards, IBANs, configured patterns) from text before it is stored. */
export interface Redactor {
  redact(text: string): { text: string; redactions: unknown[] }
}

/** What the conversation service needs, all injected: store, bus, clock, content, hours, presence, redaction. */
export interface ConversationServiceDeps {
  store: Store
  bus: EventBus
  /** The content in service now: reloads swap it, each message uses the one current when it arrives. */
  content: () => Content
  clock: () => number
  availability: Availability
  presence: Presence
  redactor: Redactor
  options: { maxTextLength: number; shop: ContextInput['shop'] }
  /** Told about every bot decision, for metrics. */
  observe?: { decision(decision: Decision): void }
  /** Caps on new conversations per address and visitor id; without it, starts are not limited. */
  allowance?: Pick<Allowance, 'start'>
}

/** The result of a frame that changes state: acknowledged with its seq, or refused with a code. */
export type Outcome = { ok: true; seq: number; duplicate: boolean } | { ok: false; code: ErrorCode; message: string }

/** A conversation opened or resumed by `hello`, or why not (unknown id, wrong token). */
export type Opened =
  | { ok: true; conversation: Conversation; resumeToken: string; created: boolean }
  | { ok: false; code: ErrorCode; message: string }

/** What the transport knows of a visitor beyond the frame: the browser's User-Agent and languages. */
export interface VisitorMeta {
  userAgent?: string
  acceptLanguage?: string[]
  /** The address the visitor connects from: for the caps on new conversations, and stored only as a hash. */
  address?: string
}

/** Typing indicators pass at most once per this long per conversation and author, each way. */
export const TypingIntervalMs = 1000

type ClientFrame = Exclude<VisitorFrame, { type: 'hello' } | { type: 'typing' }>

const fail = (code: ErrorCode, message: string) => ({ ok: false as const, code, message })
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/**
 * The conversation id and resume token a `start_key` stands for: derived, so that every retry
 * of one start (a lost welcome, a double submit) names the same conversation, on any instance
 * and after a restart. The key is as secret as the token it yields; the id does not reveal it.
 */
function fromStartKey (key: string): { id: string; token: string } {
  const id = createHash('sha256').update(`frontdesk start id\0${key}`).digest('hex')
  const token = createHash('sha256').update(`frontdesk start token\0${key}`).digest('base64url')
  return {
    id: `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`,
    token,
  }
}

/**
 * The visitor's side of a conversation, independent of the transport: the websocket and the
 * HTTP fallback both call these. Every change is one store transaction guarded by the state it
 * was decided on; when the state moved meanwhile (an operator claimed it), the frame is
 * decided again on the new state rather than applied to the wrong one.
 */
export function createConversationService (deps: ConversationServiceDeps) {
  const { store, bus, clock } = deps
  const escalation = createEscalation(deps)
  const typing = createThrottle({ intervalMs: TypingIntervalMs })
  /**
   * A free-text field the visitor controls (name, page URL, User-Agent): one clean line, then
   * redacted like a message, before it is stored or rendered into a greeting; null when empty.
   */
  const redactedLine = (raw: string, max: number): string | null =>
    cleanLine(deps.redactor.redact(cleanLine(raw.slice(0, 8 * max), Number.MAX_SAFE_INTEGER)).text, max) || null

  const langFor = (hello: VisitorHello, meta: VisitorMeta): { lang: string; browser: string | null } => {
    const langs = deps.content().faq.langs
    const wanted = [hello.lang, ...(meta.acceptLanguage ?? [])].map((l) =>
      l === undefined ? undefined : primaryTag(l)
    )
    const browser = wanted.find((l) => l !== undefined) ?? null
    const lang =
      wanted.find((l): l is string => l !== undefined && langs.includes(l)) ?? deps.content().renderer.defaultLang
    return { lang, browser }
  }

  const system = (
    conv: Pick<Conversation, 'lang' | 'visitorName'>,
    name: SystemTemplateName,
    at: number,
    context: ContextInput = {},
    author: 'system' | 'bot' = 'system',
    variant = 0
  ): NewMessage => systemMessage(deps, conv, name, at, context, { author, variant })

  const publish = (conv: Conversation, before: ConversationState | undefined): void => {
    bus.publish({ type: 'message', conversationId: conv.id, seq: conv.lastSeq })
    if (before !== conv.state) bus.publish({ type: 'conversation', conversationId: conv.id })
  }

  /**
   * Appends the visitor's message and whatever `plan` adds, guarded on the state it was
   * planned for. Retries with a fresh read when the state moved; a resend is found by its
   * client id before anything else, whatever the state.
   */
  const commit = async (
    id: string,
    plan: (conv: Conversation) => Promise<{ messages: NewMessage[]; patch?: ConversationPatch }>
  ): Promise<Outcome> => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const conv = await store.getConversation(id)
      if (conv === undefined) return fail('FD_ERR_NOT_FOUND', 'no such conversation')
      const { messages, patch } = await plan(conv)
      const result = await store.appendMessages(id, messages, patch, { states: [conv.state] })
      if (result === undefined) continue
      if (!result.duplicate) publish(result.conversation, conv.state)
      return { ok: true, seq: result.messages[0]?.seq ?? result.conversation.lastSeq, duplicate: result.duplicate }
    }
    return fail('FD_ERR_CONFLICT', 'the conversation kept changing; please resend')
  }

  const visitorMessage = (
    conv: Conversation,
    clientId: string,
    text: string,
    at: number,
    kind: string | null,
    data: Record<string, unknown> | null = null
  ): NewMessage => ({
    author: 'visitor',
    text,
    html: null,
    lang: conv.lang,
    at,
    kind,
    clientId,
    entryId: null,
    operatorId: null,
    data,
  })

  /** The bot's reply to a decision, and the state it leads to. */
  const reply = async (
    conv: Conversation,
    decision: Decision,
    at: number,
    dialogue: DialogueState = { afterAnswer: false, smallTalkReplies: 0 }
  ): Promise<{ messages: NewMessage[]; patch: ConversationPatch }> => {
    const here = { ...conv, lang: decision.lang }
    const context: ContextInput = { hours: await escalation.liveHoursContext(at, here.lang) }
    switch (decision.decision) {
      case 'answer': {
        const r = deps.content().answerFor(decision, { ...context, visitor: { name: conv.visitorName ?? '' } })
        const answer: NewMessage = {
          author: 'bot',
          text: r?.text ?? '',
          html: r?.html ?? null,
          lang: decision.lang,
          at,
          kind: 'answer',
          clientId: null,
          entryId: decision.entry.id,
          operatorId: null,
          data: { confidence: decision.confidence },
        }
        return {
          messages: [answer, system(here, 'feedback', at, context, 'bot')],
          patch: { state: 'bot', lang: decision.lang },
        }
      }
      case 'clarify': {
        const prompt = system(here, 'clarify', at, context, 'bot')
        return {
          messages: [{ ...prompt, data: { choices: decision.choices } }],
          patch: { state: 'bot', lang: decision.lang },
        }
      }
      case 'smalltalk': {
        const name = SmallTalkTemplates[decision.act.act]
        const said = { ...context, dialogue: { afterAnswer: dialogue.afterAnswer } }
        const message = system(here, name, at, said, 'bot', dialogue.smallTalkReplies)
        return { messages: [message], patch: { lang: decision.lang } }
      }
      case 'escalate': {
        const notice =
          decision.reason === 'unsupported_language' ? [system(here, 'unsupported_language', at, context, 'bot')] : []
        const handover = await escalation.plan(here, at)
        return { messages: [...notice, ...handover.messages], patch: { ...handover.patch, lang: decision.lang } }
      }
    }
  }

  const text = async (id: string, clientId: string, raw: string): Promise<Outcome> => {
    const cleaned = cleanText(raw, deps.options.maxTextLength)
    if (!cleaned.ok) return fail(cleaned.code, cleaned.message)
    const redacted = deps.redactor.redact(cleaned.text)
    const removed = redacted.redactions.length
    const at = clock()
    // Told to metrics once stored: a resend, or an attempt the state moved under, decided nothing.
    let decided: Decision | undefined
    const outcome = await commit(id, async (conv) => {
      decided = undefined
      const notice = removed > 0 ? [system(conv, 'redacted', at, { redacted: { count: removed } })] : []
      if (!botMayAnswer(conv.state)) {
        const data = removed > 0 ? { redactions: removed } : null
        return {
          messages: [visitorMessage(conv, clientId, redacted.text, at, null, data), ...notice],
          patch: { lastVisitorAt: at },
        }
      }
      const dialogue = dialogueState(await store.messagesAfter(conv.id, Math.max(0, conv.lastSeq - RecentMessages)))
      const decision = deps.content().engine.triage(
        redacted.text,
        { conversation: conv.lang, browser: conv.browserLang ?? undefined },
        { topic: dialogue.topic, now: at }
      )
      decided = decision
      const typed = typedFeedback(decision, dialogue)
      if (typed !== undefined) return await judged(conv, clientId, redacted.text, at, typed)
      const bot = await reply(conv, decision, at, dialogue)
      const question = {
        ...visitorMessage(conv, clientId, redacted.text, at, null, {
          triage: evidenceOf(decision),
          ...(removed > 0 && { redactions: removed }),
        }),
        lang: decision.lang,
      }
      return { messages: [question, ...notice, ...bot.messages], patch: { ...bot.patch, lastVisitorAt: at } }
    })
    if (outcome.ok && !outcome.duplicate && decided !== undefined) deps.observe?.decision(decided)
    return outcome
  }

  /**
   * "Did this help?" answered with the buttons or in words ("yes, thanks", "no"): yes is
   * thanked for; no hands the conversation to a person, as the button does.
   */
  const judged = async (
    conv: Conversation,
    clientId: string,
    text: string,
    at: number,
    verdict: { seq: number; helpful: boolean }
  ): Promise<{ messages: NewMessage[]; patch?: ConversationPatch }> => {
    const said = visitorMessage(conv, clientId, text, at, 'feedback', verdict)
    if (verdict.helpful) return { messages: [said, system(conv, 'feedback_yes', at, {}, 'bot')], patch: { lastVisitorAt: at } }
    if (conv.state === 'queued' || conv.state === 'assigned') return { messages: [said], patch: { lastVisitorAt: at } }
    const handover = await escalation.plan(conv, at)
    return { messages: [said, ...handover.messages], patch: { ...handover.patch, lastVisitorAt: at } }
  }

  const choose = async (id: string, clientId: string, entryId: string): Promise<Outcome> => {
    const at = clock()
    return await commit(id, async (conv) => {
      const entry = deps.content().engine.entry(conv.lang, entryId)
      // An id the FAQ does not have is the visitor's own text: redacted like the rest.
      const chosen = entry === undefined ? (redactedLine(entryId, 100) ?? '') : entryId
      const choice = visitorMessage(conv, clientId, entry?.title ?? chosen, at, 'choice', { entryId: chosen })
      if (!botMayAnswer(conv.state) || entry === undefined) return { messages: [choice], patch: { lastVisitorAt: at } }
      const decision: Decision = {
        decision: 'answer',
        lang: conv.lang,
        entry,
        confidence: 1,
        evidence: {
          lang: { lang: conv.lang, method: 'conversation', confidence: 1, scores: [] },
          terms: [],
          coverage: 1,
          candidates: [],
          thresholds: deps.content().engine.thresholds,
        },
      }
      const bot = await reply(conv, decision, at)
      return { messages: [choice, ...bot.messages], patch: { ...bot.patch, lastVisitorAt: at } }
    })
  }

  /** "No, talk to a person" after an answer, or the handoff button: both go to the queue. */
  /** A UI string in the conversation's language, as the visitor saw it on the button they pressed. */
  const uiString = (lang: string, key: string, fallback: string): string =>
    deps.content().strings[lang]?.[key] ?? fallback

  const handoff = async (
    id: string,
    clientId: string,
    kind: 'handoff' | 'feedback',
    data: Record<string, unknown> | null,
    label: [string, string]
  ): Promise<Outcome> => {
    const at = clock()
    return await commit(id, async (conv) => {
      const ask = visitorMessage(conv, clientId, uiString(conv.lang, ...label), at, kind, data)
      if (conv.state === 'queued' || conv.state === 'assigned') return { messages: [ask], patch: { lastVisitorAt: at } }
      const handover = await escalation.plan(conv, at)
      return { messages: [ask, ...handover.messages], patch: { ...handover.patch, lastVisitorAt: at } }
    })
  }

  const feedback = async (id: string, clientId: string, seq: number, helpful: boolean): Promise<Outcome> => {
    if (!helpful) return await handoff(id, clientId, 'feedback', { seq, helpful }, ['feedback_no', 'No'])
    const at = clock()
    return await commit(id, async (conv) =>
      await judged(conv, clientId, uiString(conv.lang, 'feedback_yes', 'Yes'), at, { seq, helpful })
    )
  }

  const contact = async (id: string, clientId: string, email: string, raw: string, name?: string): Promise<Outcome> => {
    const address = cleanLine(email, 254)
    if (!isEmail(address)) return fail('FD_ERR_EMAIL_INVALID', 'please give a valid e-mail address')
    // Redacted, an address is no address: the visitor is asked for another, and nothing is stored.
    if (deps.redactor.redact(address).redactions.length > 0) {
      return fail('FD_ERR_EMAIL_INVALID', 'this e-mail address contains a card or account number: please give another')
    }
    const cleaned = cleanText(raw, deps.options.maxTextLength)
    if (!cleaned.ok) return fail(cleaned.code, cleaned.message)
    const text = deps.redactor.redact(cleaned.text).text
    const at = clock()
    const conv = await store.getConversation(id)
    if (conv === undefined) return fail('FD_ERR_NOT_FOUND', 'no such conversation')
    // Stored first, under an id derived from the frame: a crash before the message below still
    // leaves the contact in the inbox, and the client's resend does not store it twice.
    await store.addContact({
      id: `${id}:${clientId}`,
      conversationId: id,
      email: address,
      text,
      lang: conv.lang,
      at,
      handledBy: null,
      handledAt: null,
    })
    return await commit(id, async (c) => ({
      messages: [visitorMessage(c, clientId, text, at, 'contact', { email: address }), system(c, 'offline_thanks', at)],
      patch: {
        lastVisitorAt: at,
        ...(c.state === 'bot' || c.state === 'closed' ? { state: 'offline' as const } : {}),
        ...(name !== undefined && redactedLine(name, 100) !== null ? { visitorName: redactedLine(name, 100) } : {}),
      },
    }))
  }

  const rating = async (id: string, clientId: string, score: number): Promise<Outcome> => {
    const at = clock()
    return await commit(id, async (conv) => ({
      messages: [visitorMessage(conv, clientId, '★'.repeat(score), at, 'rating', { score })],
    }))
  }

  const close = async (id: string, clientId: string): Promise<Outcome> => {
    const at = clock()
    return await commit(id, async (conv) => ({
      messages: [visitorMessage(conv, clientId, '', at, 'close'), system(conv, 'closed', at), system(conv, 'csat', at)],
      patch: { state: 'closed', closedAt: at },
    }))
  }

  /** The conversation if the token is its resume token; the same answer for a wrong id and a wrong token. */
  const resumeOpen = async (id: string | undefined, token: string | undefined): Promise<Opened> => {
    const conv = id === undefined ? undefined : await store.getConversation(id)
    const given = Buffer.from(hashToken(token ?? ''), 'hex')
    const stored = Buffer.from(conv?.tokenHash ?? hashToken(randomUUID()), 'hex')
    if (conv === undefined || given.length !== stored.length || !timingSafeEqual(given, stored)) {
      return fail('FD_ERR_NOT_FOUND', 'no such conversation, or the resume token does not match')
    }
    return { ok: true, conversation: conv, resumeToken: token ?? '', created: false }
  }

  return {
    /** Starts a conversation (the same one for every retry with one `start_key`), or resumes one with its token. */
    async open (hello: VisitorHello, meta: VisitorMeta = {}): Promise<Opened> {
      if (hello.conversation_id !== undefined || hello.resume_token !== undefined) {
        return await resumeOpen(hello.conversation_id, hello.resume_token)
      }
      const keyed = hello.start_key === undefined ? undefined : fromStartKey(hello.start_key)
      const resume = async (): Promise<Opened | undefined> => {
        if (keyed === undefined || (await store.getConversation(keyed.id)) === undefined) return undefined
        return await resumeOpen(keyed.id, keyed.token)
      }
      const again = await resume()
      if (again !== undefined) return again
      const visitorKey = hello.visitor_id === undefined ? null : hashToken(`visitor:${hello.visitor_id}`)
      if (meta.address !== undefined && deps.allowance?.start({ address: meta.address, visitorKey }).ok === false) {
        return fail('FD_ERR_RATE_LIMITED', 'too many new conversations from this address: wait a minute and try again')
      }
      const at = clock()
      const token = keyed?.token ?? randomBytes(32).toString('base64url')
      const { lang, browser } = langFor(hello, meta)
      const name = hello.name === undefined ? null : redactedLine(hello.name, 100)
      const pageUrl = hello.page_url === undefined ? null : redactedLine(hello.page_url, 2000)
      const conv: Conversation = {
        id: keyed?.id ?? randomUUID(),
        state: 'bot',
        lang,
        visitorName: name,
        pageUrl,
        userAgent: meta.userAgent === undefined ? null : redactedLine(meta.userAgent, 500),
        browserLang: browser,
        tokenHash: hashToken(token),
        createdAt: at,
        updatedAt: at,
        lastSeq: 0,
        queuedAt: null,
        assignedTo: null,
        assignedAt: null,
        lastVisitorAt: null,
        lastOperatorAt: null,
        remindedAt: null,
        closedAt: null,
        visitorKey,
        addressKey: meta.address === undefined ? null : hashToken(`address:${meta.address}`),
      }
      try {
        await store.createConversation(conv)
      } catch (err) {
        // A retry of the same start got there first (the id is taken): that one is ours.
        const raced = await resume()
        if (raced === undefined) throw err
        return raced
      }
      const greeting = system(conv, 'greeting', at, { hours: await escalation.liveHoursContext(at, lang) }, 'bot')
      const stored = await store.appendMessages(conv.id, [greeting])
      return { ok: true, conversation: stored?.conversation ?? conv, resumeToken: token, created: true }
    },

    /** Applies one state-changing visitor frame. */
    async handle (id: string, frame: ClientFrame): Promise<Outcome> {
      switch (frame.type) {
        case 'text':
          return await text(id, frame.client_id, frame.text)
        case 'choose':
          return await choose(id, frame.client_id, frame.entry_id)
        case 'feedback':
          return await feedback(id, frame.client_id, frame.seq, frame.helpful)
        case 'handoff':
          return await handoff(id, frame.client_id, 'handoff', null, ['talk_to_person', 'Talk to a person'])
        case 'contact':
          return await contact(id, frame.client_id, frame.email, frame.text, frame.name)
        case 'rating':
          return await rating(id, frame.client_id, frame.score)
        case 'close':
          return await close(id, frame.client_id)
      }
    },

    messagesAfter: (id: string, seq: number): Promise<Message[]> => store.messagesAfter(id, seq),
    get: (id: string) => store.getConversation(id),
    state: escalation.describe,
    /** Place and wait of every queued conversation, for the queue feed. */
    places: escalation.places,
    /** Business hours as templates see them, for rendering answers outside a conversation. */
    hoursContext: escalation.hoursContext,
    /** The visitor is typing: passed on at most once per TypingIntervalMs, the rest dropped. */
    typing (id: string): void {
      if (typing.allow(id, clock())) bus.publish({ type: 'typing', conversationId: id, author: 'visitor' })
    },
  }
}

/** The conversation service, as `fastify.frontdesk.conversations`. */
export type ConversationService = ReturnType<typeof createConversationService>

/** What operators and analytics need of a decision, without the whole FAQ entry. */
/** How many of a conversation's latest messages the dialogue state is read from. */
const RecentMessages = 20

/** The system template that answers each act; yes and no outside "did this help?" are acknowledgements. */
const SmallTalkTemplates = {
  greeting: 'smalltalk_greeting',
  thanks: 'smalltalk_thanks',
  goodbye: 'smalltalk_goodbye',
  ack: 'smalltalk_ack',
  yes: 'smalltalk_ack',
  no: 'smalltalk_ack',
} as const satisfies Record<DialogueAct['act'], SystemTemplateName>

/** A typed "yes, thanks" or "no" while an answer's "did this help?" is open: feedback on that answer. */
function typedFeedback (d: Decision, dialogue: DialogueState): { seq: number; helpful: boolean } | undefined {
  if (d.decision !== 'smalltalk' || dialogue.feedbackSeq === undefined) return undefined
  const { acts } = d.act
  if (acts.includes('yes') && !acts.includes('no')) return { seq: dialogue.feedbackSeq, helpful: true }
  if (acts.includes('no') && !acts.includes('yes') && !acts.includes('goodbye')) {
    return { seq: dialogue.feedbackSeq, helpful: false }
  }
  return undefined
}

function evidenceOf (d: Decision): Record<string, unknown> {
  return {
    decision: d.decision,
    ...(d.decision === 'escalate' && { reason: d.reason }),
    ...(d.decision === 'answer' && { entryId: d.entry.id }),
    ...(d.decision === 'smalltalk' && { act: d.act.act }),
    ...(d.evidence.followUp !== undefined && { followUp: d.evidence.followUp }),
    confidence: d.confidence,
    lang: d.lang,
    langMethod: d.evidence.lang.method,
    candidates: d.evidence.candidates
      .slice(0, 5)
      .map((c) => ({ entryId: c.entryId, title: c.title, confidence: c.confidence })),
    terms: d.evidence.terms,
  }
}
