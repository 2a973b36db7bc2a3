import { readFileSync } from 'node:fs'
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
  /** How many times the page was printed: 1 when the expected or predicted section pages were right, else 2. */
  passes: number
}

/**
 * Print one HTML file of the build to PDF on a pooled page (`onStart` is told when it gets one).
 * `pagesOf` reads the section pages from a PDF; they go into the page's table of contents (each
 * `a[href="#id"] .toc-page`). The pages `expected` from the last print of this brief, or else
 * predicted from a layout in page-sized columns, are filled in and the page printed once; it is
 * printed again only when the sections ended up elsewhere. Without either, it is printed twice: a
 * draft for the pages, then the result. Only files under `root` (and data: URLs) may load: every
 * other request is refused before it leaves the browser.
 */
export async function printPdf(
  pool: BrowserPool,
  htmlFile: string,
  root: string,
  { pagesOf, expected, css, onStart }: { pagesOf: (pdf: Uint8Array) => Promise<SectionPages>; expected?: SectionPages; css: string; onStart?: () => void },
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
      return await printWithContents(page, pool.timeout, pagesOf, expected ?? (await predictPages(page, css)))
    } finally {
      // Note: the pool keeps the page for the next document, which has its own guard.
      page.off('request', guard)
    }
  })
}

/** Print the loaded page with its section pages in the contents: the guessed ones if right, else those found. */
async function printWithContents(
  page: Page,
  timeout: number,
  pagesOf: (pdf: Uint8Array) => Promise<SectionPages>,
  guess: SectionPages | undefined,
): Promise<Printed> {
  if (guess) {
    await fillContents(page, guess)
    const pdf = await page.pdf({ ...pdfOptions, timeout })
    const pages = await pagesOf(pdf)
    if (samePages(pages, guess)) return { pdf, pages, passes: 1 }
    await fillContents(page, pages)
    return { pdf: await page.pdf({ ...pdfOptions, timeout }), pages, passes: 2 }
  }
  // Note: the draft is only read for its bookmarks, so it skips tagging and backgrounds.
  const draft = await page.pdf({ ...pdfOptions, tagged: false, printBackground: false, timeout })
  const pages = await pagesOf(draft)
  await fillContents(page, pages)
  return { pdf: await page.pdf({ ...pdfOptions, timeout }), pages, passes: 2 }
}

const predictScript = readFileSync(new URL('./predict-pages.js', import.meta.url), 'utf8')

/**
 * The section pages a layout in page-sized columns predicts (see predict-pages.js), given the
 * theme's print stylesheet; undefined when it cannot tell.
 */
async function predictPages(page: Page, css: string): Promise<SectionPages | undefined> {
  await page.emulateMediaType('print')
  try {
    const pairs = (await page.evaluate(`(${predictScript})(${JSON.stringify(css)})`)) as Array<[string, number]> | null
    return pairs ? new Map(pairs) : undefined
  } finally {
    await page.emulateMediaType()
  }
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
