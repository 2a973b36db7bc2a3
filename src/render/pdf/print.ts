import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { PDFOptions } from 'puppeteer'
import type { BrowserPool } from './pool.ts'

const pdfOptions: PDFOptions = { preferCSSPageSize: true, printBackground: true, outline: true, tagged: true }

/**
 * Print one HTML file of the build to PDF on a pooled page, twice: `pagesOf` reads the section
 * pages from the first PDF, they go into the page's table of contents (each `a[href="#id"]
 * .toc-page`), and the page is printed again, without loading it anew. Only files under `root`
 * (and data: URLs) may load: every other request is refused before it leaves the browser.
 */
export async function printPdf(
  pool: BrowserPool,
  htmlFile: string,
  root: string,
  pagesOf: (draft: Uint8Array) => Promise<ReadonlyMap<string, number>>,
): Promise<Uint8Array> {
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
    // Note: the draft is only read for its bookmarks, so it skips tagging and backgrounds.
    const draft = await page.pdf({ ...pdfOptions, tagged: false, printBackground: false, timeout: pool.timeout })
    const pages = [...(await pagesOf(draft))]
    await page.evaluate((entries) => {
      for (const [id, n] of entries) {
        const cell = document.querySelector(`.toc a[href="#${CSS.escape(id)}"] .toc-page`)
        if (cell) cell.textContent = String(n)
      }
    }, pages)
    return page.pdf({ ...pdfOptions, timeout: pool.timeout })
  })
}
