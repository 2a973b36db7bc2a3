import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import puppeteer, { type Browser } from 'puppeteer'
import { findChrome } from '../../src/render/pdf/chrome.ts'
import { chromeArgs } from '../../src/render/pdf/pool.ts'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
}

/** Serve a built site over HTTP on 127.0.0.1 (Pagefind's search needs http, not file:). */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    let file = path.join(dir, pathname)
    if (!file.startsWith(dir)) file = path.join(dir, '404.html')
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html')
    if (!fs.existsSync(file)) {
      response.writeHead(404, { 'content-type': types['.html'] ?? '' })
      response.end(fs.readFileSync(path.join(dir, '404.html')))
      return
    }
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' })
    response.end(fs.readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** Real Chromium, as briefkit finds it, headless and kept off the network. */
export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: findChrome(() => puppeteer.executablePath()),
    headless: true,
    // Note: briefkit's own flags but font hinting, which only the PDFs need.
    args: chromeArgs.filter((flag) => flag !== '--font-render-hinting=none'),
  })
}
