import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { parseSince } from '../../core/learning/since.js'
import type { Proposal } from '../../store/types.js'
import { requireRole } from '../auth-hooks.js'
import { IdParams, WithErrors } from '../schemas/common.js'
import { me, refuse } from './conversations.js'

const Closest = Type.Object({ entry_id: Type.String(), title: Type.String(), confidence: Type.Number() })
const Group = Type.Object({
  id: Type.String(),
  lang: Type.String(),
  count: Type.Integer(),
  conversations: Type.Integer(),
  reasons: Type.Record(Type.String(), Type.Integer(), {
    description: 'no_match, low_confidence, unsupported_language, unhelpful ("did this help?" no)',
  }),
  first_at: Type.String({ format: 'date-time' }),
  last_at: Type.String({ format: 'date-time' }),
  questions: Type.Array(
    Type.Object({
      text: Type.String(),
      conversation_id: Type.String(),
      seq: Type.Integer(),
      at: Type.String({ format: 'date-time' }),
      reason: Type.String(),
      personal: Type.Boolean(),
    })
  ),
  closest: Type.Array(Closest),
  top_terms: Type.Array(Type.String()),
})
const ProposalSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('question'), Type.Literal('entry')]),
  lang: Type.String(),
  entry_id: Type.Union([Type.String(), Type.Null()]),
  entry_title: Type.Union([Type.String(), Type.Null()]),
  questions: Type.Array(Type.String()),
  title: Type.Union([Type.String(), Type.Null()]),
  answer: Type.Union([Type.String(), Type.Null()]),
  support: Type.Integer(),
  status: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
  sources: Type.Array(
    Type.Object({
      conversation_id: Type.String(),
      seq: Type.Integer(),
      by: Type.String({ description: 'operator (a link or a reply) or visitor (a choice)' }),
    })
  ),
  decided_by: Type.Union([Type.String(), Type.Null()]),
  file: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
})
const Lang = Type.String({ pattern: '^[a-z]{2,3}$' })
const iso = (ms: number): string => new Date(ms).toISOString()

/**
 * The editors' side of the learning loop: the report of unanswered questions, and the proposals to accept or reject.
 */
const learning: FastifyPluginAsyncTypebox = async (fastify) => {
  const fd = fastify.frontdesk
  fastify.addHook('preHandler', requireRole('editor'))

  const proposalView = (p: Proposal) => ({
    id: p.id,
    kind: p.kind,
    lang: p.lang,
    entry_id: p.entryId,
    entry_title:
      p.kind === 'question' && p.entryId !== null
        ? (fd.content.current().engine.entry(p.lang, p.entryId)?.title ?? null)
        : null,
    questions: p.questions,
    title: p.title,
    answer: p.answer,
    support: p.support,
    status: p.status,
    created_at: iso(p.createdAt),
    updated_at: iso(p.updatedAt),
    sources: p.sources
      .slice(0, 50)
      .map((s) => ({
        conversation_id: s.conversationId,
        seq: s.seq,
        by: s.operatorId === null ? 'visitor' : 'operator',
      })),
    decided_by: p.decidedBy,
    file: p.file,
    note: p.note,
  })

  fastify.get(
    '/api/v1/faq/report',
    {
      schema: {
        tags: ['learning'],
        summary:
          'Questions the bot could not answer (escalated, or "did this help?" no), grouped by similarity, biggest groups first',
        querystring: Type.Object(
          {
            since: Type.Optional(Type.String({ maxLength: 40, description: '7d, 24h, or a date (default 7d)' })),
            lang: Type.Optional(Lang),
          },
          { additionalProperties: false }
        ),
        response: WithErrors({
          200: Type.Object({
            since: Type.String({ format: 'date-time' }),
            questions: Type.Integer(),
            groups: Type.Array(Group),
          }),
        }),
      },
    },
    async (request, reply) => {
      const now = fd.clock()
      const since = parseSince(request.query.since ?? '7d', now)
      if (since === undefined) {
        return await refuse(
          reply,
          'FD_ERR_REQUEST_INVALID',
          `since must be like 7d, 24h or 2026-11-01, not "${request.query.since ?? ''}"`
        )
      }
      const r = await fd.learning.report({
        since,
        ...(request.query.lang !== undefined && { lang: request.query.lang }),
      })
      return {
        since: iso(r.since),
        questions: r.questions,
        groups: r.groups.map((g) => ({
          id: g.id,
          lang: g.lang,
          count: g.count,
          conversations: g.conversations,
          reasons: g.reasons,
          first_at: iso(g.firstAt),
          last_at: iso(g.lastAt),
          questions: g.questions.map((q) => ({
            text: q.text,
            conversation_id: q.conversationId,
            seq: q.seq,
            at: iso(q.at),
            reason: q.reason,
            personal: q.personal,
          })),
          closest: g.closest.map((c) => ({ entry_id: c.entryId, title: c.title, confidence: c.confidence })),
          top_terms: g.topTerms,
        })),
      }
    }
  )

  fastify.get(
    '/api/v1/faq/proposals',
    {
      schema: {
        tags: ['learning'],
        summary: 'Proposed FAQ changes (open ones by support, most first)',
        querystring: Type.Object(
          {
            status: Type.Optional(
              Type.Union([Type.Literal('open'), Type.Literal('accepted'), Type.Literal('rejected')])
            ),
            lang: Type.Optional(Lang),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false }
        ),
        response: WithErrors({ 200: Type.Object({ proposals: Type.Array(ProposalSchema) }) }),
      },
    },
    async (request) => ({
      proposals: (
        await fd.learning.proposals({
          status: request.query.status ?? 'open',
          ...(request.query.lang !== undefined && { lang: request.query.lang }),
          limit: request.query.limit ?? 200,
        })
      ).map(proposalView),
    })
  )

  fastify.post(
    '/api/v1/faq/proposals/:id/accept',
    {
      schema: {
        tags: ['learning'],
        summary:
          'Accept a proposal: written into the FAQ markdown (one line for a new question, a new file for an entry) and loaded at once',
        params: IdParams,
        body: Type.Object(
          {
            question: Type.Optional(
              Type.String({ minLength: 1, maxLength: 300, description: 'the question as the editor corrected it' })
            ),
            entry_id: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            questions: Type.Optional(
              Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { minItems: 1, maxItems: 50 })
            ),
            answer: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
          },
          { additionalProperties: false }
        ),
        response: WithErrors({
          200: Type.Object({ proposal: ProposalSchema, file: Type.String() }),
          422: Type.Object({ code: Type.String(), message: Type.String() }),
        }),
      },
    },
    async (request, reply) => {
      const b = request.body ?? {}
      const r = await fd.learning.accept(request.params.id, me(request.operator).id, {
        ...(b.question !== undefined && { question: b.question }),
        ...(b.entry_id !== undefined && { entryId: b.entry_id }),
        ...(b.title !== undefined && { title: b.title }),
        ...(b.questions !== undefined && { questions: b.questions }),
        ...(b.answer !== undefined && { answer: b.answer }),
      })
      if (!r.ok) return await refuse(reply, r.code, r.message)
      request.log.info(
        { proposal: r.proposal.id, file: r.file, editor: me(request.operator).username },
        'FAQ proposal accepted'
      )
      return { proposal: proposalView(r.proposal), file: r.file }
    }
  )

  fastify.post(
    '/api/v1/faq/proposals/:id/reject',
    {
      schema: {
        tags: ['learning'],
        summary: 'Reject a proposal (it is not proposed again)',
        params: IdParams,
        body: Type.Optional(
          Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false })
        ),
        response: WithErrors({ 200: Type.Object({ proposal: ProposalSchema }) }),
      },
    },
    async (request, reply) => {
      const r = await fd.learning.reject(request.params.id, me(request.operator).id, request.body?.note ?? null)
      if (!r.ok) return await refuse(reply, r.code, r.message)
      return { proposal: proposalView(r.proposal) }
    }
  )
}

export default learning
