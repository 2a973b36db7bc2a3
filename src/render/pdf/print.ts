import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { HTTPRequest, Page, PDFOptions } from 'puppeteer'
import type { BrowserPool } from './pool.ts'

const pdfOptions: PDFOptions = { preferCSSPageSize: true, printBackground: true, outline: true, tagged: true }

/** Page numbers of a brief's sections, by section id. */
export type SectionPages = ReadonlyMap<string, number>

/** A printed PDF and the page each section ended up on. */
export interface Printed {
  pdf: Uint8Array
  pages: SectionPages
  /** How many times the page was printed: 1 when the expected section pages were right, else 2. */
  passes: number
}

/**
 * Print one HTML file of the build to PDF on a pooled page (`onStart` is told when it gets one). `pagesOf` reads the section pages from
 * a PDF; they go into the page's table of contents (each `a[href="#id"] .toc-page`). Without
 * `expected` pages the page is printed twice: a draft for the pages, then the result. With them
 * (from the last print of this brief) it is printed once with those, and again only when the
 * sections moved. Only files under `root` (and data: URLs) may load: every other request is
 * refused before it leaves the browser.
 */
export async function printPdf(
  pool: BrowserPool,
  htmlFile: string,
  root: string,
  { pagesOf, expected, onStart }: { pagesOf: (pdf: Uint8Array) => Promise<SectionPages>; expected?: SectionPages; onStart?: () => void },
): Promise<Printed> {
  const allowed = pathToFileURL(path.resolve(root)).href + '/'
  return pool.withPage(async (page) => {
    onStart?.()
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
      await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: pool.timeout })
      await page.evaluate(() => document.fonts.ready.then(() => undefined))
      return await printWithContents(page, pool.timeout, pagesOf, expected)
    } finally {
      // Note: the pool keeps the page for the next document, which has its own guard.
      page.off('request', guard)
    }
  })
}

/** Print the loaded page with its section pages in the contents, finding them first when not known. */
async function printWithContents(
  page: Page,
  timeout: number,
  pagesOf: (pdf: Uint8Array) => Promise<SectionPages>,
  expected: SectionPages | undefined,
): Promise<Printed> {
  if (expected) {
    await fillContents(page, expected)
    const pdf = await page.pdf({ ...pdfOptions, timeout })
    const pages = await pagesOf(pdf)
    if (samePages(pages, expected)) return { pdf, pages, passes: 1 }
    await fillContents(page, pages)
    return { pdf: await page.pdf({ ...pdfOptions, timeout }), pages, passes: 2 }
  }
  // Note: the draft is only read for its bookmarks, so it skips tagging and backgrounds.
  const draft = await page.pdf({ ...pdfOptions, tagged: false, printBackground: false, timeout })
  const pages = await pagesOf(draft)
  await fillContents(page, pages)
  return { pdf: await page.pdf({ ...pdfOptions, timeout }), pages, passes: 2 }
}

async function fillContents(page: Page, pages: SectionPages): Promise<void> {
  await page.evaluate((entries) => {
    for (const cell of document.querySelectorAll('.toc .toc-page')) cell.textContent = ''
    for (const [id, n] of entries) {
      const cell = document.querySelector(`.toc a[href="#${CSS.escape(id)}"] .toc-page`)
      if (cell) cell.textContent = String(n)
    }
  }, [...pages])
}

function samePages(a: SectionPages, b: SectionPages): boolean {
  return a.size === b.size && [...a].every(([id, n]) => b.get(id) === n)
}
