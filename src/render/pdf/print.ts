import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page, PDFOptions } from 'puppeteer'
import { BriefkitError } from '../../reporting/errors.ts'
import { confineRequests, loadPageFonts } from './confined-page.ts'
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
  const allowed = `${pathToFileURL(path.resolve(root)).href}/`
  return pool.withPage(async (page) => {
    onStart?.()
    const release = await confineRequests(page, root)
    try {
      await load(page, htmlFile, allowed, pool.timeout, path.relative(root, htmlFile))
      if (!(await keepContents(page, css, contentsFrom))) {
        const pdf = await page.pdf({ ...pdfOptions, timeout: pool.timeout })
        return { pdf, pages: await pagesOf(pdf), passes: 1 }
      }
      return await printWithContents(page, pool.timeout, pagesOf, expected ?? (await predictPages(page, css)))
    } finally {
      // Note: the pool keeps the page for the next document, which has its own guard.
      release()
    }
  })
}

/**
 * Load a print page and its fonts. A pooled page that already shows a file of the build gets the
 * new document written into it, with a `<base>` of the file's URL so that links and relative
 * URLs resolve as if it were loaded from there, instead of navigating: a navigation cost ~130 ms
 * of CPU here, and a written document reuses the fonts the browser has already decoded from the
 * same URLs.
 */
async function load(page: Page, file: string, allowed: string, timeout: number, label: string): Promise<void> {
  const url = pathToFileURL(file).href
  if (page.url().startsWith(allowed)) {
    await page.setContent(withBase(await fs.readFile(file, 'utf8'), url), { waitUntil: 'load', timeout })
  } else {
    await page.goto(url, { waitUntil: 'load', timeout })
  }
  const failed = await loadPageFonts(page)
  if (failed.length > 0) {
    throw new BriefkitError(`A font of the print page did not load: ${failed.join(', ')} (${label})`, {
      hint: "Print fonts must be files of the build: check `fonts` in the theme's theme.yaml and any @font-face in its print.css.",
    })
  }
}

/** An HTML document with a `<base href>` first in its head. */
function withBase(html: string, url: string): string {
  const base = `<base href="${url.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">`
  const head = /<head(?:\s[^>]*)?>/i.exec(html)
  return head
    ? html.slice(0, head.index + head[0].length) + base + html.slice(head.index + head[0].length)
    : base + html
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

/** What a layout in page-sized columns predicts: the page of each section in the contents, and the number of pages. */
interface Layout {
  sections: Array<[string, number]>
  pages: number
}

/** Lay the print page out in page-sized columns (see predict-pages.js), given the theme's print stylesheet; null when it cannot tell. */
async function layOut(page: Page, css: string, withoutContents: boolean): Promise<Layout | null> {
  await page.emulateMediaType('print')
  try {
    return (await page.evaluate(`(${predictScript})(${JSON.stringify(css)}, ${withoutContents})`)) as Layout | null
  } finally {
    await page.emulateMediaType()
  }
}

/** The section pages a layout predicts; undefined when it cannot tell. */
async function predictPages(page: Page, css: string): Promise<SectionPages | undefined> {
  const layout = await layOut(page, css, false)
  return layout ? new Map(layout.sections) : undefined
}

/**
 * Whether the print page keeps its contents (`.toc`): only a brief of `from` pages or more,
 * counted without them, needs a list of its sections. A shorter one has the contents removed.
 */
async function keepContents(page: Page, css: string, from: number): Promise<boolean> {
  if (!(await page.evaluate(() => document.querySelector('.toc') !== null))) return false
  const layout = from > 1 ? await layOut(page, css, true) : null
  if (!layout || layout.pages >= from) return true
  await page.evaluate(() => document.querySelector('.toc')?.remove())
  return false
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
