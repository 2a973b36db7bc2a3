import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

/** Content types of the files a site has; anything else is sent as bytes. */
export const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.bib': 'text/plain; charset=utf-8',
  '.ris': 'application/x-research-info-systems',
  '.argdown': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
}

/** What the static handler needs besides the request: the out dir, and how to add the reload client to a page. */
export interface StaticOptions {
  outDir: string
  injectClient: (html: string) => string
  /** The page sent when the out dir has no such page and no 404.html (the first build failed). */
  placeholder: string
  /** Called for a PDF the out dir does not have (yet): resolves once it may be there. */
  awaitPdf?: () => Promise<void>
}

/**
 * Send a file of the out dir: `index.html` for a folder, the site's 404.html with status 404,
 * nothing outside the out dir. HTML gets the reload client as it is sent and is never cached;
 * other files are revalidated by their ETag on every use.
 */
export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  options: StaticOptions,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(response, 405, 'Method not allowed')
  const url = new URL(request.url ?? '/', 'http://localhost')
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return plain(response, 400, 'Bad request')
  }
  const outDir = path.resolve(options.outDir)
  const file = path.join(outDir, pathname)
  const relative = path.relative(outDir, file)
  // Note: the URL parser resolves `..` segments, but not encoded slashes (`..%2f..%2fetc`).
  if (pathname.includes('\0') || relative.startsWith('..') || path.isAbsolute(relative))
    return plain(response, 403, 'Forbidden')

  let target = file
  let body = await readFile(file, outDir)
  if (body === 'folder') {
    // Note: pages link relatively (`../../assets/style.css`), so a folder's page needs its trailing slash.
    if (!pathname.endsWith('/'))
      return redirect(response, `${encodeURI(`/${relative.split(path.sep).join('/')}/`)}${url.search}`)
    target = path.join(file, 'index.html')
    body = await readFile(target, outDir)
  }
  if (body === undefined && options.awaitPdf && path.extname(file) === '.pdf') {
    await options.awaitPdf()
    body = await readFile(file, outDir)
  }
  if (body instanceof Buffer) return send(request, response, 200, target, body, options.injectClient)
  const notFound = await readFile(path.join(outDir, '404.html'), outDir)
  if (notFound instanceof Buffer) return send(request, response, 404, '404.html', notFound, options.injectClient)
  send(request, response, 503, 'placeholder.html', Buffer.from(options.placeholder), options.injectClient)
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  file: string,
  body: Buffer,
  injectClient: (html: string) => string,
): void {
  const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
  if (type.startsWith('text/html')) {
    const bytes = Buffer.from(injectClient(body.toString('utf8')))
    response.writeHead(status, { 'content-type': type, 'content-length': bytes.length, 'cache-control': 'no-store' })
    response.end(request.method === 'HEAD' ? undefined : bytes)
    return
  }
  // Note: other files are checked, not fetched, on each reload: a Chinese page has dozens of font
  // files, and fetching and decoding them all again made a reload take most of a second.
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`
  if (status === 200 && request.headers['if-none-match'] === etag) {
    response.writeHead(304, { etag, 'cache-control': 'no-cache' })
    response.end()
    return
  }
  response.writeHead(status, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-cache', etag })
  response.end(request.method === 'HEAD' ? undefined : body)
}

/** A file's bytes, `folder`, or undefined when there is none. */
async function readFile(file: string, outDir: string, retry = true): Promise<Buffer | 'folder' | undefined> {
  try {
    // Note: reading through one handle sees one file even if a build swaps the out dir meanwhile.
    const handle = await fs.open(file, 'r')
    try {
      return (await handle.stat()).isDirectory() ? 'folder' : await handle.readFile()
    } finally {
      await handle.close()
    }
  } catch {
    // Note: a build swaps the out dir with two renames; between them the out dir is briefly missing.
    const swapping =
      retry &&
      !(await fs.stat(outDir).then(
        () => true,
        () => false,
      ))
    if (!swapping) return undefined
    await new Promise((resolve) => setTimeout(resolve, 50))
    return readFile(file, outDir, false)
  }
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(301, { location, 'cache-control': 'no-store' })
  response.end()
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
  response.end(`${text}\n`)
}
