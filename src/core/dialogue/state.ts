import type { Topic } from './follow-up.js'

/** What the dialogue needs of a stored message (a subset of the store's Message). */
export interface DialogueMessage {
  seq: number
  author: 'visitor' | 'bot' | 'operator' | 'system'
  kind: string | null
  text: string
  lang: string
  at: number
  entryId: string | null
  data: Record<string, unknown> | null
}

/** Where the conversation stands, as small talk and follow-ups need it. */
export interface DialogueState {
  /** The last answered topic, while no other question came after it. */
  topic?: Topic
  /** The seq of the last answer while its "did this help?" is still unanswered. */
  feedbackSeq?: number
  /** The bot answered, and the visitor has not asked anything else since. */
  afterAnswer: boolean
  /** How many small-talk replies the bot gave lately: the next one takes the next variant. */
  smallTalkReplies: number
}

const decisionOf = (m: DialogueMessage): unknown => (m.data?.triage as { decision?: unknown } | undefined)?.decision

/** A visitor message that asks something (small talk and button presses do not). */
const isQuestion = (m: DialogueMessage): boolean =>
  m.author === 'visitor' && m.kind === null && decisionOf(m) !== 'smalltalk'

/**
 * The dialogue state from the conversation's latest messages, oldest first. Pure: the
 * conversation service reads the messages and passes them in.
 */
export function dialogueState (messages: readonly DialogueMessage[]): DialogueState {
  const smallTalkReplies = messages.filter((m) => m.author === 'bot' && m.kind?.startsWith('smalltalk_')).length
  const answerAt = messages.findLastIndex((m) => m.author === 'bot' && m.kind === 'answer' && m.entryId !== null)
  if (answerAt === -1) return { afterAnswer: false, smallTalkReplies }
  const answer = messages[answerAt]!
  const after = messages.slice(answerAt + 1)
  if (after.some(isQuestion)) return { afterAnswer: false, smallTalkReplies }
  const question = messages.slice(0, answerAt).findLast((m) => m.author === 'visitor' && m.kind === null)
  // A follow-up's topic is what it was read with: "and to Spain?" after "and to Switzerland?".
  const earlier = (question?.data?.triage as { followUp?: { question?: unknown } } | undefined)?.followUp?.question
  const asked = typeof earlier === 'string' && question !== undefined ? `${earlier} ${question.text}` : question?.text
  const judged = after.some((m) => m.author === 'visitor' && m.kind === 'feedback')
  return {
    ...(asked !== undefined && {
      topic: { entryId: answer.entryId!, question: asked, lang: answer.lang, at: answer.at },
    }),
    ...(!judged && { feedbackSeq: answer.seq }),
    afterAnswer: true,
    smallTalkReplies,
  }
}
