import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { requireRole } from '../auth-hooks.js'
import { AuthErrors } from '../schemas/common.js'
import {
  EntryListQuerySchema,
  EntryListSchema,
  SuggestionListSchema,
  SuggestQuerySchema,
} from '../schemas/faq.js'

/** FAQ entries for operators: suggestions for the reply box, and the list for "answered by X". */
const faq: FastifyPluginAsyncTypebox = async (fastify) => {
  const fd = fastify.frontdesk
  fastify.addHook('preHandler', requireRole('operator'))

  fastify.get(
    '/api/v1/faq/suggest',
    {
      schema: {
        tags: ['faq'],
        summary: 'The FAQ entries closest to a text, with their answers',
        querystring: SuggestQuerySchema,
        response: { 200: SuggestionListSchema, ...AuthErrors },
      },
    },
    async (request) => {
      const content = fd.content.current()
      const { text, lang, limit } = request.query
      const suggestions = content.engine.suggest(text, lang, limit ?? 3).flatMap((c) => {
        const entry = content.engine.entry(lang, c.entryId)
        if (entry === undefined) return []
        const rendered = content.renderer.answer(entry, {
          shop: fd.config.shop,
          visitor: { lang },
          hours: fd.conversations.hoursContext(fd.clock(), lang),
        })
        return [
          { entry_id: c.entryId, title: c.title, confidence: c.confidence, text: rendered.text, html: rendered.html },
        ]
      })
      return { suggestions }
    }
  )

  fastify.get(
    '/api/v1/faq/entries',
    {
      schema: {
        tags: ['faq'],
        summary: 'Every FAQ entry of a language (id and title)',
        querystring: EntryListQuerySchema,
        response: { 200: EntryListSchema, ...AuthErrors },
      },
    },
    async (request) => ({
      entries: (fd.content.current().faq.entries.get(request.query.lang) ?? []).map((e) => ({
        id: e.id,
        title: e.title,
      })),
    })
  )
}

export default faq
