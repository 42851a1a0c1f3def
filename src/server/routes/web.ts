import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { primaryTag } from '../../core/lang/tags.js'
import { StringDefaults } from '../../web/widget/strings-defaults.js'
import { ErrorSchema } from '../schemas/common.js'
import { webAsset, type WebAssetName } from '../../services/web-build.js'

/** Where pages may load things from: no inline script or style anywhere, no framing. */
type PageKind = 'console' | 'demo'

// A Host header is the client's to choose: only a plain host[:port] goes into a header.
const PlainHost = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/
const StringsFile = /^([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)\.json$/

/**
 * The Content-Security-Policy of the pages served here. Scripts and styles come only from this
 * server as files ('self'); the widget styles its shadow root with a constructable stylesheet,
 * which CSP does not govern, so no 'unsafe-inline' is needed. Websockets to this host are
 * listed explicitly for browsers whose 'self' does not cover ws:/wss:.
 */
export function contentSecurityPolicy (kind: PageKind, host: string | undefined): string {
  const sockets = host !== undefined && PlainHost.test(host) ? ` ws://${host} wss://${host}` : ''
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    // Answers may show https images (the renderer allows only those); the console shows none.
    kind === 'demo' ? "img-src 'self' data: https:" : "img-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * Serves the browser side: `widget.js` (+ `widget.css` for browsers without constructable
 * stylesheets), the widget's strings per language, the console at `/console`, and the demo
 * shop at `/` when `demo` is on. Bundles are built on first request (see web-build.ts).
 */
const web: FastifyPluginAsyncTypebox = async (fastify) => {
  const fd = fastify.frontdesk

  const send = async (
    request: FastifyRequest,
    reply: FastifyReply,
    name: WebAssetName,
    headers: Record<string, string>
  ): Promise<FastifyReply> => {
    const asset = await webAsset(name)
    void reply.headers({
      'content-type': asset.type,
      etag: asset.etag,
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
      ...headers,
    })
    if (request.headers['if-none-match'] === asset.etag) return await reply.code(304).send()
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      return await reply.header('content-encoding', 'gzip').send(asset.gzip)
    }
    return await reply.send(asset.body)
  }
  const page = (kind: PageKind) => (request: FastifyRequest) => ({
    'content-security-policy': contentSecurityPolicy(kind, request.headers.host),
    'cache-control': 'no-cache',
    'referrer-policy': kind === 'console' ? 'same-origin' : 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'x-frame-options': 'DENY',
  })
  // Anyone's page may embed the widget: scripts and styles load cross-origin.
  const embeddable = {
    'cache-control': 'public, max-age=300',
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
  }
  const console_ = page('console')
  const hide = { hide: true }

  fastify.get('/widget.js', { schema: hide }, (request, reply) => send(request, reply, 'widget.js', embeddable))
  fastify.get('/widget.css', { schema: hide }, (request, reply) => send(request, reply, 'widget.css', embeddable))

  fastify.get(
    '/widget/strings/:file',
    {
      schema: {
        tags: ['visitor'],
        summary:
          "The widget's interface strings in a language (the closest the server has), with the message size limit",
        params: Type.Object({ file: Type.String({ pattern: StringsFile.source, maxLength: 40 }) }),
        response: {
          200: Type.Object({
            lang: Type.String(),
            strings: Type.Record(Type.String(), Type.String()),
            max_text_length: Type.Integer(),
          }),
          400: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const asked = primaryTag(StringsFile.exec(request.params.file)?.[1] ?? '') ?? ''
      const content = fd.content.current()
      const fallback = fd.config.defaultLang
      const lang = asked in content.strings ? asked : fallback
      void reply.headers({ 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' })
      return {
        lang,
        strings: {
          ...StringDefaults.en,
          ...content.strings[fallback],
          ...StringDefaults[lang],
          ...content.strings[lang],
        },
        max_text_length: fd.config.maxTextLength,
      }
    }
  )

  fastify.get('/console', { schema: hide }, (request, reply) => send(request, reply, 'console.html', console_(request)))
  fastify.get('/console/', { schema: hide }, (_request, reply) => reply.redirect('/console', 301))
  fastify.get('/console/console.js', { schema: hide }, (request, reply) =>
    send(request, reply, 'console.js', { 'cache-control': 'no-cache' })
  )
  fastify.get('/console/console.css', { schema: hide }, (request, reply) =>
    send(request, reply, 'console.css', { 'cache-control': 'no-cache' })
  )

  if (fd.config.demo) {
    const demo = page('demo')
    fastify.get('/', { schema: hide }, (request, reply) => send(request, reply, 'demo.html', demo(request)))
    fastify.get('/demo/demo.css', { schema: hide }, (request, reply) =>
      send(request, reply, 'demo.css', { 'cache-control': 'no-cache' })
    )
  }
}

export default web
