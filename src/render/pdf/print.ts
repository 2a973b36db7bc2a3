import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { HTTPRequest, Page, PDFOptions } from 'puppeteer'
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
    const guard = (request: HTTPRequest) => {
      const url = request.url()
      if (url.startsWith(allowed) || url.startsWith('data:')) {
        void request.continue()
      } else {
        // Note: remote images were already reported at their line while compiling (`remote-image`).
        void request.abort('blockedbyclient')
      }
    }
    await page.setRequestInterception(true)
    page.on('request', guard)
    try {
      return await printTwice(page, htmlFile, pool.timeout, pagesOf)
    } finally {
      // Note: the pool keeps the page for the next document, which has its own guard.
      page.off('request', guard)
    }
  })
}

/** Load the page, print a draft for its section pages, fill them into the contents and print again. */
async function printTwice(
  page: Page,
  htmlFile: string,
  timeout: number,
  pagesOf: (draft: Uint8Array) => Promise<ReadonlyMap<string, number>>,
): Promise<Uint8Array> {
  await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout })
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  // Note: the draft is only read for its bookmarks, so it skips tagging and backgrounds.
  const draft = await page.pdf({ ...pdfOptions, tagged: false, printBackground: false, timeout })
  const pages = [...(await pagesOf(draft))]
  await page.evaluate((entries) => {
    for (const [id, n] of entries) {
      const cell = document.querySelector(`.toc a[href="#${CSS.escape(id)}"] .toc-page`)
      if (cell) cell.textContent = String(n)
    }
  }, pages)
  return page.pdf({ ...pdfOptions, timeout })
}
