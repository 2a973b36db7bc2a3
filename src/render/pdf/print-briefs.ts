import fs from 'node:fs/promises'
import path from 'node:path'
import type { PDFDocument } from '@pdfme/pdf-lib'
import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString as hastText } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'
import { cslLanguage } from '../../citations/styles.ts'
import type { ResolvedConfig } from '../../config/resolve.ts'
import { type BuildCache, cacheKey } from '../../core/cache.ts'
import type { CompiledBrief } from '../../core/compiled.ts'
import { reuseFile } from '../../core/output.ts'
import { cardPath, pdfPath } from '../../core/paths.ts'
import { BriefkitError } from '../../reporting/errors.ts'
import type { Theme } from '../../theme/theme.ts'
import { type Page, renderPrintPage, tableOfContents } from '../html/pages.ts'
import { type CardSource, cardPainter, reuseCards } from './cards.ts'
import { type PrintFonts, removeFontSubsets, writeFontSubsets } from './fonts.ts'
import { buildDate, setMetadata } from './metadata.ts'
import { bookmarksOf, loadPdf } from './outline.ts'
import { cachedPdf, printCss } from './pdf-cache.ts'
import { timed } from './phase-times.ts'
import { BrowserPool, type PoolOptions } from './pool.ts'
import { type Printed, printPdf, type SectionPages } from './print.ts'

/** How PDFs are made. */
export interface PrintOptions extends PoolOptions {
  /** Told as each PDF starts (`printing`) and when it is written (`done`): how many are done, of how many, and which. */
  onProgress?: (done: number, total: number, label: string, state: 'printing' | 'done') => void
  /** Print the PDFs the cache does not hold; `false` only takes those it holds (a quick pass whose PDFs follow later). */
  print: boolean
  /** The briefs whose social cards to publish: taken from the cache, else painted (when printing) beside the PDFs. */
  cards?: readonly CardSource[]
}

/** What printing a brief needs: the pool, the staging out dir, the site and the fonts. */
export interface PrintContext {
  pool: BrowserPool
  staging: string
  config: ResolvedConfig
  theme: Theme
  /** The theme's print fonts; without them the PDF uses the web fonts. */
  fonts: PrintFonts | undefined
}

/** What printing the PDFs of a build did. */
export interface PrintResult {
  /** PDFs taken from the cache, their inputs unchanged. */
  reused: number
  printed: number
  /** Social cards taken from the cache, and painted. */
  cardsReused: number
  cardsPainted: number
}

/**
 * Print every brief's PDF from its print page into the staging out dir, on one browser with a
 * pool of pages. A PDF the cache holds for the same inputs is linked from there, not printed; a
 * printed one goes into the cache, with the page of each section (see `printPdf`). `site.cache`
 * holds PDFs by the key of what they are printed from. The social cards (`options.cards`) are made
 * the same way, on the same browser (see `cardPainter`).
 */
export async function printBriefs(
  staging: string,
  briefs: ReadonlyArray<{ brief: CompiledBrief; page: Page }>,
  site: Pick<PrintContext, 'config' | 'theme' | 'fonts'> & { cache: BuildCache },
  options: PrintOptions,
): Promise<PrintResult> {
  const { cache } = site
  const toPrint: Array<{ brief: CompiledBrief; page: Page; key: string }> = []
  let reused = 0
  for (const { brief, page } of briefs) {
    const { key, cached } = await cachedPdf(page, site, cache)
    if (cached) {
      await reuseFile(cached, path.join(staging, pdfPath(brief)))
      cache.keep('layout', cacheKey([pdfPath(brief)]))
      site.fonts?.keep(key)
      reused++
    } else if (options.print) {
      toPrint.push({ brief, page, key })
    }
  }
  const cards = await reuseCards(staging, options.cards ?? [], site)
  const toPaint = options.print ? cards.toPaint : []
  const result = { reused, printed: toPrint.length, cardsReused: cards.reused, cardsPainted: toPaint.length }
  let done = reused
  if (toPrint.length === 0 && toPaint.length === 0) return result
  const pool = await BrowserPool.create(options)
  // Note: one document more than print at once is under way, so the next one's fonts are cut and its
  // files written while the others print; starting all at once did all of that first, with Chromium idle.
  const limit = limited(pool.concurrency + 1)
  // Note: a work still waiting when the pool closes (a PDF failed) fails at once, without cutting fonts first.
  const ahead = <T>(work: () => Promise<T>) => limit(() => (pool.stoppedBy ? Promise.reject(pool.stoppedBy) : work()))
  let tasks: Array<Promise<void>> = []
  try {
    tasks = toPrint.map(({ brief, page, key }) =>
      ahead(async () => {
        const layout = cacheKey([pdfPath(brief)])
        const expected = cache.readJson('layout', layout, isLayout)
        const { pages } = await printBrief({ ...site, pool, staging }, brief, {
          page,
          key,
          ...(expected ? { expected: new Map(expected) } : {}),
          onStart: () => options.onProgress?.(done, briefs.length, `${brief.lang}/${brief.slug}`, 'printing'),
        })
        await timed(pool.times, 'write', async () => {
          cache.writeJson('layout', layout, [...pages])
          const file = path.join(staging, pdfPath(brief))
          cache.writeFile('pdfs', `${key}.pdf`, await fs.readFile(file))
        })
        options.onProgress?.(++done, briefs.length, `${brief.lang}/${brief.slug}`, 'done')
      }),
    )
    const paint = cardPainter({ ...site, pool, staging })
    tasks.push(
      ...toPaint.map((card) =>
        ahead(() => timed(pool.times, 'card', () => paint(card))).catch((error: unknown) => {
          throw browserError(error, cardPath(card.brief))
        }),
      ),
    )
    await Promise.all(tasks)
  } finally {
    // Note: on the first failure the browser closes at once, so the other PDFs still printing fail
    // fast; nothing may still be printing (or relaunching Chromium) once this returns.
    await pool.close()
    await Promise.allSettled(tasks)
    await removeFontSubsets(staging)
  }
  return result
}

/** Run works at most `n` at a time, in the order given. */
function limited(n: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0
  const queue: Array<() => void> = []
  return async (work) => {
    if (running >= n) await new Promise<void>((resolve) => queue.push(resolve))
    else running++
    try {
      return await work()
    } finally {
      const next = queue.shift()
      if (next) next()
      else running--
    }
  }
}

// Note: where each section of a brief was when it was last printed. The next print starts from
// those rather than from a prediction, which a theme's own layout may lead astray.
function isLayout(value: unknown): value is Array<[string, number]> {
  return (
    Array.isArray(value) && value.every((e) => Array.isArray(e) && typeof e[0] === 'string' && Number.isInteger(e[1]))
  )
}

/** What is known before printing a brief, and who is told when it starts. */
export interface BriefPrintOptions {
  /** Its print page, when already rendered. */
  page?: Page
  /** Its PDF's cache key: the cache notes the font subsets it embeds, to keep them while it is reused (see `PrintFonts.keep`). */
  key?: string
  /** Its section pages from its last print, used instead of predicting them (checked all the same). */
  expected?: SectionPages
  /** Told when a page of the pool starts on it. */
  onStart?: () => void
}

/**
 * Print one brief's PDF into the staging out dir, next to its page. The print page and its fonts'
 * stylesheet are written beside it for the browser and removed afterwards; the font subsets stay
 * in the staging out dir for other briefs until `removeFontSubsets`.
 */
export async function printBrief(
  { pool, staging, config, theme, fonts }: PrintContext,
  brief: CompiledBrief,
  { expected, onStart, key, ...known }: BriefPrintOptions = {},
): Promise<Omit<Printed, 'pdf'>> {
  const page = known.page ?? (await renderPrintPage(brief, config, theme))
  const { times } = pool
  const headings = await timed(times, 'prepare', async () => headingTexts(page.html))
  const file = path.join(staging, page.path)
  const dir = path.dirname(file)
  const scratch = [file, path.join(dir, printFontsCss)]
  let printed: Printed
  let parsed: { pdf: Uint8Array; doc: PDFDocument } | undefined
  try {
    const css = await printCss(theme)
    if (fonts) {
      const subsets = await timed(times, 'subset', () => fonts.subset(page.html + css, key))
      await timed(times, 'write', () => writeFontSubsets(staging, dir, subsets, printFontsCss))
    }
    await timed(times, 'write', () => fs.writeFile(file, page.html))
    // Note: the last PDF read for its pages is kept parsed: when it is the one printed, its
    // metadata is set on that parse instead of a second one (~20 ms a PDF).
    const pagesOf = (pdf: Uint8Array) =>
      timed(times, 'bookmarks', async () => {
        const doc = await loadPdf(pdf)
        parsed = { pdf, doc }
        return sectionPagesOf(doc, brief, theme, headings)
      })
    printed = await printPdf(pool, file, staging, {
      pagesOf,
      css,
      contentsFrom: config.contentsFrom,
      ...(expected ? { expected } : {}),
      ...(onStart ? { onStart } : {}),
    }).catch((error: unknown) => {
      throw browserError(error, pdfPath(brief))
    })
  } finally {
    await Promise.all(scratch.map((f) => fs.rm(f, { recursive: true, force: true })))
  }
  const pdf = await timed(times, 'metadata', () =>
    setMetadata(parsed?.pdf === printed.pdf ? parsed.doc : printed.pdf, {
      title: brief.meta.title,
      authors: brief.meta.authors.map((a) => a.name),
      subject: brief.summaryText,
      keywords: brief.meta.tags,
      language: cslLanguage(brief.lang),
      date: buildDate(),
      headings,
    }),
  )
  await timed(times, 'write', () => fs.writeFile(path.join(staging, pdfPath(brief)), pdf))
  return { pages: printed.pages, passes: printed.passes }
}

// Note: what Puppeteer throws when Chromium fails (a time limit, a closed page or browser) is the
// machine's trouble, not briefkit's: a BriefkitError naming the PDF (exit 2), not an internal error.
const browserErrors = new Set(['TimeoutError', 'TargetCloseError', 'ProtocolError', 'ConnectionClosedError'])

function browserError(error: unknown, pdf: string): unknown {
  if (!(error instanceof Error) || !browserErrors.has(error.name)) return error
  return new BriefkitError(`Chromium failed while printing \`${pdf}\`: ${error.message}`, {
    cause: error,
    hint: 'A very long brief may need more time or memory: try `--concurrency 1`; `--no-pdf` builds the site without PDFs.',
  })
}

const printFontsCss = 'print-fonts.css'

/** Match the table of contents' entries to the PDF's bookmarks by their titles, in order. */
function sectionPagesOf(
  doc: PDFDocument,
  brief: CompiledBrief,
  theme: Theme,
  headings: ReadonlySet<string>,
): SectionPages {
  const bookmarks = bookmarksOf(doc, headings)
  const pages = new Map<string, number>()
  let from = 0
  for (const { id, title } of tableOfContents(brief, theme)) {
    const at = bookmarks.findIndex((b, i) => i >= from && b.title === title.trim())
    if (at === -1) continue
    pages.set(id, bookmarks[at]?.page ?? 0)
    from = at + 1
  }
  return pages
}

/**
 * The text of every heading of a page. Note: only the headings are parsed, cut out of the page
 * first (a heading holds no other heading); parsing the whole page took ~20 ms a PDF.
 */
export function headingTexts(html: string): Set<string> {
  const headings = html.match(/<h([1-6])(?:\s[^>]*)?>[\s\S]*?<\/h\1\s*>/gi) ?? []
  const texts = new Set<string>()
  visit(fromHtml(headings.join('\n'), { fragment: true }), 'element', (node: Element) => {
    if (/^h[1-6]$/.test(node.tagName)) texts.add(hastText(node).trim())
  })
  return texts
}
