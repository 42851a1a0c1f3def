import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { titleFrom } from '../../core/learning/edit.js'
import { parseSince } from '../../core/learning/since.js'
import type { Proposal } from '../../store/types.js'
import { me, requireRole } from '../auth-hooks.js'
import { refuse } from '../refuse.js'
import { AuthErrors, errors, IdParamsSchema } from '../schemas/common.js'
import {
  AcceptBodySchema,
  AcceptedSchema,
  ProposalListQuerySchema,
  ProposalListSchema,
  ProposalResultSchema,
  RejectBodySchema,
  ReportQuerySchema,
  ReportSchema,
} from '../schemas/learning.js'

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
    // Drafts stored before titles were bounded: shown as they would be written.
    title: p.title === null ? null : titleFrom(p.title),
    answer: p.answer,
    support: p.support,
    conversations: new Set(p.sources.map((s) => s.conversationId)).size,
    status: p.status,
    created_at: iso(p.createdAt),
    updated_at: iso(p.updatedAt),
    sources: p.sources
      .slice(0, 50)
      .map((s) => ({
        conversation_id: s.conversationId,
        seq: s.seq,
        by: s.operatorId === null ? ('visitor' as const) : ('operator' as const),
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
        querystring: ReportQuerySchema,
        response: { 200: ReportSchema, ...AuthErrors },
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
        grouped: r.grouped,
        content_problems: fd.content.current().warnings,
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
        querystring: ProposalListQuerySchema,
        response: { 200: ProposalListSchema, ...AuthErrors },
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
        params: IdParamsSchema,
        body: AcceptBodySchema,
        response: { 200: AcceptedSchema, ...AuthErrors, ...errors(404, 409, 422, 503) },
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
        params: IdParamsSchema,
        body: RejectBodySchema,
        response: { 200: ProposalResultSchema, ...AuthErrors, ...errors(404, 409, 503) },
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
