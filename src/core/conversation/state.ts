/**
 * The conversation state machine. A conversation has one owner at a time: the bot, the queue,
 * one operator; every change goes through `canMove`, and the store applies it with a guard on
 * the state it expects, so a late bot reply can never land after an operator took over.
 */
export type ConversationState = 'bot' | 'queued' | 'assigned' | 'closed' | 'offline'

const Moves: Record<ConversationState, readonly ConversationState[]> = {
  // The bot hands over to the queue, or (outside hours) to the offline inbox.
  bot: ['queued', 'offline', 'closed'],
  // An operator claims it; outside hours the queue turns into an offline message.
  queued: ['assigned', 'offline', 'closed'],
  // Transfer keeps it assigned (to someone else); a silent operator loses it back to the queue.
  assigned: ['assigned', 'queued', 'closed'],
  // Someone answers the offline message by opening it like a queued one.
  offline: ['queued', 'assigned', 'closed'],
  // A visitor who writes again after the end starts over with the bot, in the same conversation.
  closed: ['bot'],
}

export function canMove (from: ConversationState, to: ConversationState): boolean {
  return Moves[from].includes(to)
}

/** The states from which `to` can be reached: the guard for a conditional update. */
export function statesBefore (to: ConversationState): ConversationState[] {
  return (Object.keys(Moves) as ConversationState[]).filter((from) => Moves[from].includes(to))
}

/** While a person owns the conversation (or it waits for one), the bot stays quiet. */
export function botMayAnswer (state: ConversationState): boolean {
  return state === 'bot' || state === 'closed'
}
