import type { FastifyReply } from 'fastify'
import { statusOf, type ErrorCode } from '../core/errors.js'

/**
 * Answers an expected refusal (not found, conflict, forbidden, bad input the schema cannot
 * see) with the status the error registry gives its code, and the `{ code, message }` body
 * every 4xx/5xx has. Thrown errors go through the app's error handler to the same shape.
 */
export async function refuse (reply: FastifyReply, code: ErrorCode, message: string): Promise<FastifyReply> {
  return await reply.code(statusOf(code)).send({ code, message })
}
