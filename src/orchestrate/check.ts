import type { VFile } from 'vfile'
import type { ResolvedConfig } from '../config/resolve.ts'
import type { BuildCache } from '../core/cache.ts'
import type { CompiledBrief } from '../core/compiled.ts'
import type { OutputFile } from '../core/output.ts'
import { briefPagePath, pdfPath } from '../core/paths.ts'
import { lintLinks } from '../lint/links.ts'
import { hasChartSpecs, loadChartCompiler } from '../pipeline/chart-source.ts'
import { cachedCards } from '../render/pdf/card-cache.ts'
import type { PrintFonts } from '../render/pdf/fonts.ts'
import { checkGlyphs, pdfCoverage } from '../render/pdf/glyphs.ts'
import { cachedPdfs } from '../render/pdf/pdf-cache.ts'
import { collectDiagnostics, countDiagnostics, type Diagnostic } from '../reporting/report.ts'
import { timed } from '../reporting/timings.ts'
import { loadTheme, type Theme } from '../theme/theme.ts'
import { type CompiledSite, compileSite } from './compile-site.ts'
import type { ResolvedRunOptions } from './options.ts'
import { type PrintPage, type RenderedSite, renderPrintPages, renderSite, withWebFonts } from './render-site.ts'

/** A site compiled and rendered without errors: all that writing it needs. */
export interface ReadySite {
  config: ResolvedConfig
  theme: Theme
  cache: BuildCache
  briefs: CompiledBrief[]
  rendered: RenderedSite
  /** Each brief with the page its PDF is printed from (none when there is no PDF to print or keep). */
  printPages: PrintPage[]
  /** The briefs whose pages link a PDF: all when printing, else those whose PDF the cache holds. */
  withPdfs: ReadonlySet<CompiledBrief>
  /** The briefs whose pages name a social card (`og:image`): as `withPdfs`, among those the theme draws a card for. */
  withCards: ReadonlySet<CompiledBrief>
  /** The theme's print fonts (when printing and the theme has them). */
  printFonts: PrintFonts | undefined
}

/** What checking a site found. */
export interface CheckedSite {
  /** Every problem, errors and warnings, sorted by file and place. */
  diagnostics: Diagnostic[]
  compiled: CompiledSite
  /** The site, ready to write; undefined when site.yaml or any brief has errors. */
  ready: ReadySite | undefined
}

/**
 * Everything `briefkit check` does, and `build` before writing: compile every brief, render the
 * site, check that the PDF's fonts have every character (when printing) and that every link leads
 * somewhere. Each stage returns its problems; they are reported together.
 */
export async function checkSite(
  run: Pick<
    ResolvedRunOptions,
    'contentDir' | 'pdf' | 'force' | 'write' | 'pagesOnly' | 'onWarning' | 'signal' | 'lintDefaults'
  >,
): Promise<CheckedSite> {
  // Note: vega-lite loads only asynchronously; compiling checks chart specs with it when there are any.
  if (hasChartSpecs(run.contentDir)) await loadChartCompiler()
  const compiled = await compileSite(run)
  run.signal?.throwIfAborted()
  const { config, cache, briefs } = compiled
  if (!config || !cache) return { diagnostics: collectDiagnostics(compiled.problems), compiled, ready: undefined }
  const { problems: glyphProblems, ...print } = await checkPrint(briefs, { config, cache }, run)
  const problems = [...compiled.problems, ...glyphProblems]
  const { diagnostics, ready } = await renderChecked({ ...print, config, cache, briefs }, problems, run)
  return { diagnostics, compiled, ready }
}

/** What a site's PDFs need, found before the site is rendered; `problems` are the glyph check's. */
export type PrintChecked = Pick<ReadySite, 'theme' | 'printPages' | 'withPdfs' | 'withCards' | 'printFonts'> & {
  problems: VFile[]
}

/**
 * The print half of a check, on compiled briefs (a shard's alone): their print pages, whether the
 * PDF's fonts have every character (when printing), and which briefs have a PDF and a social card.
 */
export async function checkPrint(
  briefs: CompiledBrief[],
  { config, cache }: { config: ResolvedConfig; cache: BuildCache },
  run: Pick<ResolvedRunOptions, 'pdf' | 'write'>,
): Promise<PrintChecked> {
  const theme = loadTheme(config.themeDir)
  const printFonts = run.pdf ? await printFontsOf(theme, cache) : undefined
  const coverage = run.pdf ? await pdfCoverage(printFonts, cache) : undefined
  // Note: without printing, print pages are still rendered (a few ms each) to find the PDFs the cache holds.
  const printPages =
    run.pdf || run.write
      ? await timed('pages', () => renderPrintPages(briefs, config, theme, { drawCharts: run.write, cache }))
      : []
  const problems = coverage ? checkGlyphs(printPages, coverage, cache) : []
  const withPdfs = run.pdf ? new Set(briefs) : await cachedPdfs(printPages, { config, theme }, cache)
  const withCards = run.pdf
    ? new Set(printPages.filter((p) => p.card).map((p) => p.brief))
    : await cachedCards(printPages, { config, theme }, cache)
  // Note: only the pages of PDFs and cards to print or publish are kept; a site of a thousand briefs built
  // without PDFs would otherwise hold two thousand print pages it has no more use for.
  const kept = printPages.filter(({ brief }) => withPdfs.has(brief) || withCards.has(brief))
  return { theme, printFonts, printPages: kept, withPdfs, withCards, problems }
}

/**
 * The render half of a check, on compiled briefs (this run's, or the shards' for `merge`): render
 * the site, check that every link leads somewhere, and report it all with the earlier `problems`.
 */
export async function renderChecked(
  parts: Omit<ReadySite, 'rendered'>,
  problems: readonly VFile[],
  run: Pick<ResolvedRunOptions, 'write' | 'pagesOnly'>,
): Promise<{ diagnostics: Diagnostic[]; ready: ReadySite | undefined }> {
  const { config, theme, cache, briefs, withPdfs, withCards } = parts
  const rendered = await timed('pages', () =>
    renderSite(briefs, { config, theme }, withPdfs, { drawCharts: run.write, withCards, cache }),
  )
  const linkProblems = checkLinks(briefs, rendered, withPdfs, config, cache)
  const diagnostics = collectDiagnostics([...problems, ...linkProblems])
  if (countDiagnostics(diagnostics).errors > 0) return { diagnostics, ready: undefined }
  // Note: the web fonts hold the pages' characters, so they are made after the pages, and only to write them;
  // dev's HTML pass (`pagesOnly`) is followed by a full one, so it may take quicker TrueType subsets.
  const site = run.write
    ? await timed('fonts', () => withWebFonts(rendered, { config, theme, cache }, run.pagesOnly))
    : rendered
  return { diagnostics, ready: { ...parts, rendered: site } }
}

/**
 * The theme's print fonts, when it has them, their subsets kept in the build cache; their module (and
 * the subsetter) is loaded only then.
 */
async function printFontsOf(theme: Theme, cache: BuildCache): Promise<PrintFonts | undefined> {
  if (theme.fonts.length === 0) return undefined
  const { PrintFonts } = await import('../render/pdf/fonts.ts')
  return PrintFonts.lazy(theme.fonts, cache)
}

/** Links in briefs that lead to no page, or to no id on the page (`dead-link`). */
function checkLinks(
  briefs: readonly CompiledBrief[],
  { pages, files }: RenderedSite,
  withPdfs: ReadonlySet<CompiledBrief>,
  config: ResolvedConfig,
  cache: BuildCache,
) {
  // Note: pages by path, their HTML read only for the pages a link names a fragment of (most are on disk, see `renderPage`).
  const byPath = new Map(pages.map((p) => [p.path, p]))
  const paths = new Set([...files.map((f: OutputFile) => f.path), ...[...withPdfs].map(pdfPath)])
  const linked = briefs.map((b) => ({ pagePath: briefPagePath(b), links: b.links }))
  return lintLinks({ briefs: linked, paths, html: (page) => byPath.get(page)?.html }, config, cache)
}
