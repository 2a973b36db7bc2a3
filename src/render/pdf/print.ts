import { readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page, PDFOptions } from 'puppeteer'
import { BriefkitError } from '../../reporting/errors.ts'
import { confineRequests, loadPageFonts } from './confined-page.ts'
import { timed } from './phase-times.ts'
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
 * draft for the pages, then the result. A brief shorter than `contentsFrom` pages (laid out
 * without its contents) loses its contents and is printed once. Only files under `root` (and data: URLs) may load: every
 * other request is refused before it leaves the browser.
 */
export async function printPdf(
  pool: BrowserPool,
  htmlFile: string,
  root: string,
  {
    pagesOf,
    expected,
    css,
    contentsFrom,
    onStart,
  }: {
    pagesOf: (pdf: Uint8Array) => Promise<SectionPages>
    expected?: SectionPages
    css: string
    /** The fewest pages a brief has for its PDF to list its contents. */
    contentsFrom: number
    onStart?: () => void
  },
): Promise<Printed> {
  return pool.withPage(async (page) => {
    const started = performance.now()
    onStart?.()
    const release = await confineRequests(page, root)
    try {
      const { times } = pool
      await timed(times, 'load', () => load(page, htmlFile, pool.timeout, path.relative(root, htmlFile)))
      const print = (options: PDFOptions = {}) =>
        timed(times, 'print', () => page.pdf({ ...pdfOptions, ...options, timeout: pool.timeout }))
      const layout = await timed(times, 'layout', () => planContents(page, css, contentsFrom, !expected))
      if (!layout.keep) {
        const pdf = await print()
        return { pdf, pages: await pagesOf(pdf), passes: 1 }
      }
      const guess = expected ?? layout.predicted
      return await printWithContents(page, print, pagesOf, guess)
    } finally {
      // Note: the pool keeps the page for the next document, which has its own guard.
      release()
      pool.times?.add('page', performance.now() - started)
    }
  })
}

/**
 * Load a print page and its fonts; a font that fails to load stops the build. Always by navigating,
 * not by writing the page into the tab (`openFile`, which cards use): a PDF printed from a document
 * written into a tab that had shown another differed, now and then, in its objects from the same PDF
 * printed after a navigation, so a site built in shards was not byte for byte the single build.
 */
async function load(page: Page, file: string, timeout: number, label: string): Promise<void> {
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout })
  const failed = await loadPageFonts(page)
  if (failed.length > 0) {
    throw new BriefkitError(`A font of the print page did not load: ${failed.join(', ')} (${label})`, {
      hint: "Print fonts must be files of the build: check `fonts` in the theme's theme.yaml and any @font-face in its print.css.",
    })
  }
}

/** Print the loaded page with its section pages in the contents: the guessed ones if right, else those found. */
async function printWithContents(
  page: Page,
  print: (options?: PDFOptions) => Promise<Uint8Array>,
  pagesOf: (pdf: Uint8Array) => Promise<SectionPages>,
  guess: SectionPages | undefined,
): Promise<Printed> {
  if (guess) {
    await fillContents(page, guess)
    const pdf = await print()
    const pages = await pagesOf(pdf)
    if (samePages(pages, guess)) return { pdf, pages, passes: 1 }
    await fillContents(page, pages)
    return { pdf: await print(), pages, passes: 2 }
  }
  // Note: the draft is only read for its bookmarks, so it skips tagging and backgrounds.
  const draft = await print({ tagged: false, printBackground: false })
  const pages = await pagesOf(draft)
  await fillContents(page, pages)
  return { pdf: await print(), pages, passes: 2 }
}

const predictScript = readFileSync(new URL('./predict-pages.js', import.meta.url), 'utf8')

/**
 * Whether the print page keeps its contents (`.toc`), and, when it does and `predict` is set, the
 * section pages a layout in page-sized columns predicts (see predict-pages.js; undefined when it
 * cannot tell). Only a brief of `from` pages or more, counted without its contents, needs a list
 * of its sections: a shorter one has them removed. Both layouts run in one call with the page as
 * print media, so the page's styles are worked out for print once.
 */
async function planContents(
  page: Page,
  css: string,
  from: number,
  predict: boolean,
): Promise<{ keep: boolean; predicted?: SectionPages }> {
  if (!(await page.evaluate(() => document.querySelector('.toc') !== null))) return { keep: false }
  if (from <= 1 && !predict) return { keep: true }
  await page.emulateMediaType('print')
  let plan: { keep: boolean; sections?: Array<[string, number]> | null }
  try {
    plan = (await page.evaluate(`(() => {
      const layOut = (${predictScript})
      const css = ${JSON.stringify(css)}
      const without = ${from > 1} ? layOut(css, true) : null
      if (without && without.pages < ${from}) return { keep: false }
      return { keep: true, sections: ${predict} ? layOut(css, false)?.sections ?? null : null }
    })()`)) as typeof plan
  } finally {
    await page.emulateMediaType()
  }
  if (!plan.keep) {
    await page.evaluate(() => document.querySelector('.toc')?.remove())
    return { keep: false }
  }
  return plan.sections ? { keep: true, predicted: new Map(plan.sections) } : { keep: true }
}

async function fillContents(page: Page, pages: SectionPages): Promise<void> {
  await page.evaluate(
    (entries) => {
      for (const cell of document.querySelectorAll('.toc .toc-page')) cell.textContent = ''
      for (const [id, n] of entries) {
        const cell = document.querySelector(`.toc a[href="#${CSS.escape(id)}"] .toc-page`)
        if (cell) cell.textContent = String(n)
      }
    },
    [...pages],
  )
}

function samePages(a: SectionPages, b: SectionPages): boolean {
  return a.size === b.size && [...a].every(([id, n]) => b.get(id) === n)
}
