import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { VFile } from 'vfile'
import { loadConfig, type ResolvedConfig } from '../config/resolve.ts'
import { discoverBriefs } from '../content/discover.ts'
import { loadBrief } from '../content/load-brief.ts'
import type { CompiledBrief } from '../pipeline/compile-brief.ts'
import { renderHomePages, renderKindPages } from '../render/html/listing-pages.ts'
import { renderNotFoundPage } from '../render/html/not-found.ts'
import { briefPagePath, pdfPath } from '../core/paths.ts'
import { lintLinks } from '../lint/links.ts'
import { citationFiles, renderBriefPage, renderPrintPage, type Page } from '../render/html/pages.ts'
import { feeds, robots, sitemap } from '../site/discovery.ts'
import { indexSite } from '../site/search.ts'
import { PrintFonts } from '../render/pdf/fonts.ts'
import type { PrintOptions } from '../render/pdf/print-briefs.ts'
import { cachedPdfs } from '../render/pdf/pdf-cache.ts'
import { checkGlyphs, pdfCoverage } from '../render/pdf/glyphs.ts'
import { loadTheme, type Theme } from '../theme/theme.ts'
import { collectDiagnostics, countDiagnostics, type Diagnostic } from '../reporting/report.ts'
import { fontAssets, themeAssets } from '../site/assets.ts'
import { kindStyles } from '../site/kind-styles.ts'
import { mediaFile } from '../site/media.ts'
import { checkOutDir, outputMarker, writeAtomically, type OutputFile } from '../core/output.ts'
import { compileCached } from '../pipeline/compile-cached.ts'
import { lockOutDir } from '../core/lock.ts'
import { BuildCache, cacheDirFor } from '../core/cache.ts'
import { cachedParser } from '../content/parse.ts'

/** What to build, and where. */
export interface BuildOptions {
  /** @default 'content' */
  contentDir?: string
  /** @default 'dist' */
  outDir?: string
  /** Write the site; `false` only checks. @default true */
  write?: boolean
  /** Print a PDF of each brief. @default true */
  pdf?: boolean
  /** PDFs printed at once. @default one per core, at most 4 */
  concurrency?: number
  /** Told as each PDF starts printing and when it is done. */
  onProgress?: PrintOptions['onProgress']
  /** Stops the build when aborted (Ctrl-C): the browser closes, nothing is written, the out dir stays as it was. */
  signal?: AbortSignal
  /** Told about a problem that does not stop the build (a damaged cache). */
  onWarning?: (message: string) => void
  /** Ignore the build cache: compile every brief and print every PDF anew (and refill the cache). */
  force?: boolean
  /**
   * A quick pass whose next pass does the rest (`briefkit dev`): pages link their PDFs, but PDFs
   * come only from the cache, none is printed, and the search index is the previous build's.
   * @default false
   */
  pagesOnly?: boolean
}

/** What a build did. */
export interface BuildResult {
  /** Every problem found in content, errors and warnings, sorted by file and place. */
  diagnostics: Diagnostic[]
  /** Whether the site was written (false on content errors or when only checking). */
  written: boolean
  /** Paths of the pages, relative to the out dir. */
  pages: string[]
  /** Paths of the PDFs, relative to the out dir. */
  pdfs: string[]
  /** How many of them came from the cache, their inputs unchanged. */
  pdfsReused: number
  /** How many were printed. */
  pdfsPrinted: number
  briefs: number
  /** How many briefs came from the cache, their sources unchanged. */
  briefsCached: number
  /** Paths in the out dir that are new, changed or gone (relative, with `/`). */
  changed: string[]
}

/** A site read and compiled, before anything is written. */
export interface CompiledSite {
  config: ResolvedConfig | undefined
  theme: Theme | undefined
  briefs: CompiledBrief[]
  /** Every file read, carrying its messages. */
  files: VFile[]
  /** The build cache, when one was asked for and site.yaml could be read. */
  cache: BuildCache | undefined
  /** How many briefs came from the cache, unchanged. */
  cachedBriefs: number
}

/** How `compileSite` uses the build cache. */
export interface CacheOptions {
  /** Read nothing from the cache, only refill it. */
  force: boolean
  warn: (message: string) => void
}

/**
 * Read, check and compile every brief of a content folder. Problems are messages on `files`.
 * With `cache`, a brief whose sources did not change since the last build comes from the cache.
 */
export function compileSite(contentDir: string, withPdf: boolean, cacheOptions?: CacheOptions): CompiledSite {
  const files: VFile[] = []
  const { file: siteFile, config } = loadConfig(contentDir)
  files.push(siteFile)
  const compiled: CompiledBrief[] = []
  const theme = config && loadTheme(config.themeDir)
  const cache = config && cacheOptions && new BuildCache(cacheDirFor(contentDir, config.cacheDir), cacheOptions.warn, cacheOptions.force)
  let cachedBriefs = 0
  if (config && theme) {
    const { briefs, problems } = discoverBriefs(config)
    files.push(...problems)
    const parse = cache && cachedParser(cache)
    for (const location of briefs) {
      const { source, files: briefFiles } = loadBrief(location, config, parse)
      files.push(...briefFiles)
      if (!source) continue
      const t = theme.strings(source.brief.meta.lang)
      const labels = { footnotes: t['footnotes'] ?? 'Notes', backToContent: t['backToContent'] ?? 'Back', citedAt: t['citedAt'] ?? 'Back to citation' }
      const { brief, cached } = compileCached(source, briefFiles, config, siteFile, { labels, pdf: withPdf }, cache)
      if (brief) compiled.push(brief)
      if (cached) cachedBriefs++
    }
  }
  return { config, theme, briefs: compiled, files, cache, cachedBriefs }
}

/**
 * Build a site: read and check all content, report every problem together, and only when there
 * are no errors write the pages and assets, print the PDFs, and swap the out dir in whole. Without
 * PDFs (`pdf: false`), each brief's PDF that the build cache holds for its unchanged print page is
 * still published; the others are left out (a warning names those the out dir had), and no page
 * links to them. `signal` stops the build: the out dir stays as it was.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const contentDir = path.resolve(options.contentDir ?? 'content')
  const outDir = path.resolve(options.outDir ?? 'dist')
  const withPdf = options.pdf !== false
  const writing = options.write !== false
  const { signal } = options
  const warn = options.onWarning ?? (() => undefined)
  const { config, theme, briefs: compiled, files, cache, cachedBriefs } = compileSite(contentDir, withPdf, { force: options.force === true, warn })
  signal?.throwIfAborted()

  const fonts = theme ? fontAssets(theme) : []
  const printFonts = withPdf && theme && theme.printFonts.length > 0 ? PrintFonts.lazy(theme.printFonts) : undefined
  const coverage = config && theme && withPdf ? await pdfCoverage(printFonts, fonts, cache) : undefined
  // Note: without printing, print pages are still rendered (a few ms each) to find the PDFs the cache holds.
  const printPages = config && theme && (withPdf || (writing && cache))
    ? await Promise.all(compiled.map(async (brief) => ({ brief, page: await renderPrintPage(brief, config, theme) })))
    : []
  if (coverage) files.push(...checkGlyphs(printPages, coverage, cache))
  const withPdfs = withPdf ? new Set(compiled) : config && theme ? await cachedPdfs(printPages, { config, theme }, cache) : new Set<CompiledBrief>()
  const site = config && theme && (await renderOutput(compiled, config, theme, withPdfs, fonts))
  if (config && site) files.push(...lintSiteLinks(compiled, site, config, withPdfs))
  const diagnostics = collectDiagnostics(files)
  const result: BuildResult = { diagnostics, written: false, pages: [], pdfs: [], pdfsReused: 0, pdfsPrinted: 0, briefs: compiled.length, briefsCached: cachedBriefs, changed: [] }
  if (!config || !theme || !site || countDiagnostics(diagnostics).errors > 0 || !writing) return result

  checkOutDir(outDir, contentDir)
  signal?.throwIfAborted()
  if (!withPdf) warnDroppedPdfs(compiled.filter((brief) => !withPdfs.has(brief)), outDir, warn)
  const { pages, output } = site
  let printed = { reused: 0, printed: 0 }
  const printAll = options.pagesOnly !== true
  const oldIndex = path.join(outDir, 'pagefind')
  // Note: before the new site replaces the old one: the search index, then the PDFs.
  const finish = async (staging: string) => {
    if (printAll || !existsSync(oldIndex)) await indexSite(staging, cache, signal)
    else await fs.cp(oldIndex, path.join(staging, 'pagefind'), { recursive: true, preserveTimestamps: true })
    const { printBriefs } = await import('../render/pdf/print-briefs.ts')
    printed = await printBriefs(staging, printPages.filter(({ brief }) => withPdfs.has(brief)), { config, theme, fonts: printFonts }, {
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(cache ? { cache } : {}),
      ...(signal ? { signal } : {}),
      print: withPdf && printAll,
    })
  }
  const unlock = await lockOutDir(outDir)
  let changed: string[]
  try {
    changed = await writeAtomically(outDir, output, finish, signal)
  } finally {
    await unlock()
  }
  // Note: the cache keeps what this build used; PDFs only after a build that printed them all.
  cache?.prune(printAll ? ['briefs', 'mdast', 'search', ...(withPdf ? ['pdfs', 'layout', 'coverage', 'characters'] : [])] : ['briefs', 'mdast'])
  return {
    ...result, written: true, changed, pages: pages.map((p) => p.path),
    pdfs: compiled.map(pdfPath).filter((file) => existsSync(path.join(outDir, file))), pdfsReused: printed.reused, pdfsPrinted: printed.printed,
  }
}

/** Warn about each PDF the out dir has that a build without printing leaves out, its brief having changed. */
function warnDroppedPdfs(briefs: readonly CompiledBrief[], outDir: string, warn: (message: string) => void): void {
  for (const file of briefs.map(pdfPath).filter((f) => existsSync(path.join(outDir, f)))) {
    warn(`\`${file}\` is left out: its brief changed since it was printed (build without \`--no-pdf\` to print it)`)
  }
}

/** Every page of the site and every other file it holds, but the search index and PDFs. */
async function renderOutput(compiled: readonly CompiledBrief[], config: ResolvedConfig, theme: Theme, withPdfs: ReadonlySet<CompiledBrief>, fonts: readonly OutputFile[]) {
  const pages = await renderSite(compiled, config, theme, withPdfs)
  const output: OutputFile[] = [
    ...pages.map((page) => ({ path: page.path, content: page.html })),
    ...compiled.flatMap(citationFiles),
    ...feeds(compiled, config, theme),
    sitemap(config, pages.map((p) => p.path), alternatePaths(config, new Set(pages.map((p) => p.path)))),
    robots(config),
    ...themeAssets(theme),
    ...fonts,
    kindStyles(config.argumentKinds),
    ...uniqueAssets(compiled),
    { path: outputMarker, content: 'This folder is written by `briefkit build` and replaced whole by the next build.\n' },
  ]
  return { pages, output }
}

/** Links in briefs that lead to no page, or to no id on the page (`dead-link`). */
function lintSiteLinks(compiled: readonly CompiledBrief[], { pages, output }: { pages: Page[]; output: OutputFile[] }, config: ResolvedConfig, withPdfs: ReadonlySet<CompiledBrief>) {
  const html = new Map(pages.map((p) => [p.path, p.html]))
  const paths = new Set([...output.map((f) => f.path), ...[...withPdfs].map(pdfPath)])
  const briefs = compiled.map((b) => ({ pagePath: briefPagePath(b), links: b.links }))
  return lintLinks({ briefs, paths, html: (page) => html.get(page) }, config)
}

/** Every page of the site: homes, briefs, kind pages and the 404 page. */
async function renderSite(briefs: readonly CompiledBrief[], config: ResolvedConfig, theme: Theme, withPdfs: ReadonlySet<CompiledBrief>): Promise<Page[]> {
  return [
    ...(await renderHomePages(briefs, config, theme, (brief) => withPdfs.has(brief))),
    ...(await Promise.all(briefs.map((brief) => renderBriefPage(brief, briefs, config, theme, withPdfs.has(brief))))),
    ...(await renderKindPages(briefs, config, theme)),
    await renderNotFoundPage(config, theme),
  ]
}

/** The same page in the other languages, among the pages that exist (`zh/x/index.html` → `en/x/index.html`). */
function alternatePaths(config: ResolvedConfig, existing: ReadonlySet<string>) {
  return (page: string): string[] => {
    const [lang, ...rest] = page.split('/')
    if (!lang || !config.languages.includes(lang)) return []
    return config.languages.map((other) => [other, ...rest].join('/')).filter((p) => existing.has(p))
  }
}

/** Each image of the briefs once, as its copy in `media/` (an SVG sanitized, see `mediaFile`). */
function uniqueAssets(briefs: readonly CompiledBrief[]): OutputFile[] {
  const byPath = new Map<string, OutputFile>()
  for (const asset of briefs.flatMap((b) => b.assets)) {
    if (!byPath.has(asset.to)) byPath.set(asset.to, mediaFile(asset.from, asset.to))
  }
  return [...byPath.values()]
}
