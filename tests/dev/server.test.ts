import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DevServer, startDevServer } from '../../src/dev/dev-server.ts'
import { copySite } from '../helpers/sites.ts'

/** A GET sent with its path exactly as written (fetch would resolve `..` first). */
function rawGet(
  url: string,
  rawPath: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url)
    http
      .get({ hostname, port, path: rawPath }, (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }))
      })
      .on('error', reject)
  })
}

describe('the dev server serves the out dir', () => {
  const site = copySite('unseen')
  const log: string[] = []
  let server: DevServer

  beforeAll(async () => {
    server = await startDevServer({
      contentDir: site.content,
      outDir: site.out,
      port: 0,
      pdf: false,
      log: (line) => log.push(line),
    })
    // Files of kinds the fixture site lacks; the out dir is not watched, so they stay until a rebuild.
    for (const name of ['a.pdf', 'a.png', 'a.jpg', 'a.webp', 'a.wasm', 'a.ttf', 'a.json', 'a.argdown', 'a.bin'])
      fs.writeFileSync(path.join(site.out, name), 'x')
  })
  afterAll(async () => {
    await server?.close()
  })

  it('on 127.0.0.1, printing the URL', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(log.join('\n')).toContain(`at ${server.url}`)
    expect(log.join('\n')).toMatch(/built 8 pages/)
  })

  it('with the right content types; pages never cached, other files revalidated', async () => {
    const types: Record<string, string> = {
      'index.html': 'text/html; charset=utf-8',
      'assets/style.css': 'text/css; charset=utf-8',
      'assets/search.js': 'text/javascript; charset=utf-8',
      'assets/favicon.svg': 'image/svg+xml',
      'sitemap.xml': 'application/xml',
      'a.pdf': 'application/pdf',
      'a.png': 'image/png',
      'a.jpg': 'image/jpeg',
      'a.webp': 'image/webp',
      'a.wasm': 'application/wasm',
      'a.ttf': 'font/ttf',
      'a.json': 'application/json',
      'a.argdown': 'text/plain; charset=utf-8',
      'a.bin': 'application/octet-stream',
    }
    // Note: dev's HTML pass makes TrueType subsets where the cache has no woff2 ones (see webFonts).
    const font = fs
      .readdirSync(path.join(site.out, 'assets', 'fonts'))
      .find((f) => f.endsWith('.woff2') || f.endsWith('.ttf'))
    if (font) types[`assets/fonts/${font}`] = font.endsWith('.ttf') ? 'font/ttf' : 'font/woff2'
    for (const [file, type] of Object.entries(types)) {
      const response = await fetch(new URL(file, server.url))
      expect(response.status, file).toBe(200)
      expect(response.headers.get('content-type'), file).toBe(type)
      expect(response.headers.get('cache-control'), file).toBe(file.endsWith('.html') ? 'no-store' : 'no-cache')
    }
    expect(font).toBeDefined()
  })

  it('answers 304 for a file the browser has, by its ETag, and sends it again once it changed', async () => {
    const url = new URL('assets/style.css', server.url)
    const etag = (await fetch(url)).headers.get('etag') ?? ''
    expect(etag).toMatch(/^".+"$/)
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304)
    fs.appendFileSync(path.join(site.out, 'assets', 'style.css'), '\n/* changed */\n')
    const changed = await fetch(url, { headers: { 'if-none-match': etag } })
    expect(changed.status).toBe(200)
    expect(await changed.text()).toContain('/* changed */')
  })

  it('serves index.html for a folder, redirecting to its trailing slash first', async () => {
    const page = await fetch(new URL('en/urban-trees/', server.url))
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Shade Before Air Conditioning')
    const bare = await rawGet(server.url, '/en/urban-trees')
    expect(bare.status).toBe(301)
    expect(bare.headers.location).toBe('/en/urban-trees/')
  })

  it("answers a missing file with the site's 404.html and status 404", async () => {
    const response = await fetch(new URL('en/no-such-brief/', server.url))
    expect(response.status).toBe(404)
    const body = await response.text()
    expect(body).toBe(
      fs
        .readFileSync(path.join(site.out, '404.html'), 'utf8')
        .replace('</body>', `${/<script src="\/__briefkit\/client\.js"[^>]*><\/script>/.exec(body)?.[0]}</body>`),
    )
  })

  it('refuses paths outside the out dir', async () => {
    fs.writeFileSync(path.join(site.root, 'secret.txt'), 'SECRET')
    for (const raw of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/en/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e/content/site.yaml',
    ]) {
      const response = await rawGet(server.url, raw)
      expect(response.body, raw).not.toContain('SECRET')
      expect(response.body, raw).not.toContain('baseUrl')
      expect([403, 404], raw).toContain(response.status)
    }
    expect((await rawGet(server.url, '/..%2fsecret.txt')).status).toBe(403)
    expect((await rawGet(server.url, '/%E0%A4%A')).status).toBe(400)
  })

  it("adds the reload client to HTML as it is sent, never to the out dir's files", async () => {
    const html = await (await fetch(new URL('en/urban-trees/index.html', server.url))).text()
    expect(html).toMatch(/<script src="\/__briefkit\/client\.js" data-version="[^"]+"><\/script><\/body>/)
    const client = await fetch(new URL('__briefkit/client.js', server.url))
    expect(client.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await client.text()).toContain('EventSource')
    for (const file of fs.readdirSync(site.out, { recursive: true }).map(String)) {
      if (fs.statSync(path.join(site.out, file)).isFile())
        expect(fs.readFileSync(path.join(site.out, file), 'utf8'), file).not.toContain('__briefkit')
    }
    const css = await (await fetch(new URL('assets/style.css', server.url))).text()
    expect(css).not.toContain('__briefkit')
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await fetch(new URL('index.html', server.url), { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    expect((await fetch(new URL('index.html', server.url), { method: 'POST' })).status).toBe(405)
  })
})
