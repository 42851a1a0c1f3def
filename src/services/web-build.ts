import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, transform, type Plugin } from 'esbuild'

/** A file ready to serve: its bytes, gzipped bytes, a strong ETag and its media type. */
export interface WebAsset {
  body: Buffer
  gzip: Buffer
  etag: string
  type: string
}

/** Where the browser code lives (`src/web`), whether run from source or from a copy of the tree. */
export const WebDir = fileURLToPath(new URL('../web/', import.meta.url))

/**
 * What the server can serve from `src/web`: TypeScript entry points bundled with esbuild,
 * stylesheets bundled with their `@import`s, and static files (CSS is minified on the way). No build step: each is
 * built on first request and
 * kept in memory for the life of the process.
 */
export const WebAssets = {
  'widget.js': { bundle: 'widget/index.ts' },
  'widget.css': { file: 'widget/widget.css' },
  'console.js': { bundle: 'console/index.ts' },
  // Bundled: it @imports uPlot's stylesheet for the analytics charts.
  'console.css': { styles: 'console/console.css' },
  'console.html': { file: 'console/console.html' },
  'demo.css': { file: 'demo/demo.css' },
  'demo.html': { file: 'demo/demo.html' },
} as const

/** The name of a bundle or file the server can build and serve. */
export type WebAssetName = keyof typeof WebAssets

const Types: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  html: 'text/html; charset=utf-8',
}

// Browsers from about 2021 on: Chrome/Edge 88, Firefox 85, Safari 15 (14.0 mishandles destructuring).
const Targets = ['chrome88', 'firefox85', 'safari15', 'edge88']

/** Stylesheets imported by browser code become minified text (the widget adopts them in its shadow root). */
const cssAsText: Plugin = {
  name: 'css-as-text',
  setup (b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8')
      const { code } = await transform(source, { loader: 'css', minify: true, target: Targets })
      return { contents: `export default ${JSON.stringify(code.trim())}`, loader: 'js' }
    })
  },
}

async function produce (name: WebAssetName): Promise<WebAsset> {
  const spec = WebAssets[name]
  const extension = name.slice(name.lastIndexOf('.') + 1)
  let text: string
  if ('styles' in spec) {
    const result = await build({
      entryPoints: [`${WebDir}${spec.styles}`],
      bundle: true,
      write: false,
      minify: true,
      target: Targets,
      logLevel: 'silent',
      legalComments: 'none',
      charset: 'utf8',
    })
    text = result.outputFiles[0]?.text ?? ''
  } else if ('bundle' in spec) {
    const result = await build({
      entryPoints: [`${WebDir}${spec.bundle}`],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: Targets,
      minify: true,
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'silent',
      plugins: [cssAsText],
    })
    text = result.outputFiles[0]?.text ?? ''
  } else {
    text = await readFile(`${WebDir}${spec.file}`, 'utf8')
    if (extension === 'css') text = (await transform(text, { loader: 'css', minify: true, target: Targets })).code
  }
  const body = Buffer.from(text, 'utf8')
  return {
    body,
    gzip: gzipSync(body, { level: 9 }),
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    type: Types[extension] ?? 'application/octet-stream',
  }
}

const cache = new Map<WebAssetName, Promise<WebAsset>>()

/**
 * The asset, built once per process; a failed build is not cached, so fixing the file and
 * asking again works without a restart.
 */
export function webAsset (name: WebAssetName): Promise<WebAsset> {
  let pending = cache.get(name)
  if (pending === undefined) {
    pending = produce(name).catch((err: unknown) => {
      cache.delete(name)
      throw new Error(`Frontdesk: cannot build ${name} from ${WebDir}: ${(err as Error).message}`, { cause: err })
    })
    cache.set(name, pending)
  }
  return pending
}
