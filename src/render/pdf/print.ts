import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BrowserPool } from './pool.ts'

/** Paper sizes a brief can be printed on. */
export type PaperFormat = 'A4' | 'Letter'

/**
 * Print one HTML file of the build to PDF on a pooled page. Only files under `root` (and data:
 * URLs) may load: every other request is refused before it leaves the browser.
 */
export async function printPdf(pool: BrowserPool, htmlFile: string, root: string): Promise<Uint8Array> {
  const allowed = pathToFileURL(path.resolve(root)).href + '/'
  return pool.withPage(async (page) => {
    await page.setRequestInterception(true)
    page.on('request', (request) => {
      const url = request.url()
      if (url.startsWith(allowed) || url.startsWith('data:')) {
        void request.continue()
      } else {
        // Note: remote images were already reported at their line while compiling (`remote-image`).
        void request.abort('blockedbyclient')
      }
    })
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: pool.timeout })
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    return page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
      timeout: pool.timeout,
    })
  })
}
