import path from 'node:path'
import type { VFile } from 'vfile'
import { loadConfig, type ResolvedConfig } from '../config/resolve.ts'
import { discoverBriefs } from '../content/discover.ts'
import { loadBrief } from '../content/load-brief.ts'
import { compileBrief, type CompiledBrief } from '../pipeline/compile-brief.ts'
import { renderHomePages, renderKindPages } from '../render/html/listing-pages.ts'
import { renderNotFoundPage } from '../render/html/not-found.ts'
import { pdfPath } from '../pipeline/paths.ts'
import { citationFiles, renderBriefPage, type Page } from '../render/html/pages.ts'
import { feeds, robots, sitemap } from '../site/discovery.ts'
import { indexSite } from '../site/search.ts'
import { PrintFonts } from '../render/pdf/fonts.ts'
import { checkGlyphs, pdfCoverage } from '../render/pdf/glyphs.ts'
import { loadTheme, type Theme } from '../render/html/theme.ts'
import { collectDiagnostics, countDiagnostics, type Diagnostic } from '../reporting/report.ts'
import { fontAssets, themeAssets } from '../site/assets.ts'
import { kindStyles } from '../site/kind-styles.ts'
import { checkOutDir, outputMarker, writeAtomically, type OutputFile } from './output.ts'

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
  /** PDFs printed at once. @default the number of cores */
  concurrency?: number
  /** Told after each PDF is printed. */
  onProgress?: (done: number, total: number, label: string) => void
  /** Told about a problem that does not stop the build (a damaged cache). */
  onWarning?: (message: string) => void
  /** Print every PDF, even those the previous build made from the same inputs. */
  force?: boolean
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
  /** How many of them were the previous build's, their inputs unchanged. */
  pdfsReused: number
  briefs: number
}

/** A site read and compiled, before anything is written. */
export interface CompiledSite {
  config: ResolvedConfig | undefined
  theme: Theme | undefined
  briefs: CompiledBrief[]
  /** Every file read, carrying its messages. */
  files: VFile[]
}

/** Read, check and compile every brief of a content folder. Problems are messages on `files`. */
export function compileSite(contentDir: string, withPdf: boolean): CompiledSite {
  const files: VFile[] = []
  const { file: siteFile, config } = loadConfig(contentDir)
  files.push(siteFile)
  const compiled: CompiledBrief[] = []
  const theme = config && loadTheme(config.themeDir)
  if (config && theme) {
    const { briefs, problems } = discoverBriefs(config)
    files.push(...problems)
    for (const location of briefs) {
      const { source, files: briefFiles } = loadBrief(location, config)
      files.push(...briefFiles)
      if (!source) continue
      const t = theme.strings(source.brief.meta.lang)
      const labels = { footnotes: t['footnotes'] ?? 'Notes', backToContent: t['backToContent'] ?? 'Back', citedAt: t['citedAt'] ?? 'Back to citation' }
      const brief = compileBrief(source, config, { labels, pdf: withPdf })
      if (brief) compiled.push(brief)
    }
  }
  return { config, theme, briefs: compiled, files }
}

/**
 * Build a site: read and check all content, report every problem together, and only when there
 * are no errors write the pages and assets, print the PDFs, and swap the out dir in whole.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const contentDir = path.resolve(options.contentDir ?? 'content')
  const outDir = path.resolve(options.outDir ?? 'dist')
  const withPdf = options.pdf !== false
  const { config, theme, briefs: compiled, files } = compileSite(contentDir, withPdf)

  const fonts = theme ? fontAssets(theme) : []
  const printFonts = withPdf && theme && theme.printFonts.length > 0 ? await PrintFonts.load(theme.printFonts) : undefined
  const coverage = config && theme && withPdf ? await pdfCoverage(printFonts, fonts) : undefined
  if (config && theme && coverage) files.push(...(await checkGlyphs(compiled, config, theme, coverage)))
  const diagnostics = collectDiagnostics(files)
  const result: BuildResult = { diagnostics, written: false, pages: [], pdfs: [], pdfsReused: 0, briefs: compiled.length }
  if (!config || !theme || countDiagnostics(diagnostics).errors > 0 || options.write === false) return result

  checkOutDir(outDir, contentDir)
  const pages = await renderSite(compiled, config, theme, withPdf)
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
  let reused = 0
  // Note: before the new site replaces the old one: the search index, then the PDFs.
  const finish = async (staging: string) => {
    await indexSite(staging)
    if (!withPdf) return
    const { printBriefs } = await import('../render/pdf/print-briefs.ts')
    const printed = await printBriefs(staging, compiled, { config, theme, fonts: printFonts }, {
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.onWarning ? { onWarning: options.onWarning } : {}),
      ...(options.force ? {} : { previous: outDir }),
    })
    reused = printed.reused
  }
  await writeAtomically(outDir, output, finish)
  return { ...result, written: true, pages: pages.map((p) => p.path), pdfs: withPdf ? compiled.map(pdfPath) : [], pdfsReused: reused }
}

/** Every page of the site: homes, briefs, kind pages and the 404 page. */
async function renderSite(briefs: readonly CompiledBrief[], config: ResolvedConfig, theme: Theme, withPdf: boolean): Promise<Page[]> {
  return [
    ...(await renderHomePages(briefs, config, theme, withPdf)),
    ...(await Promise.all(briefs.map((brief) => renderBriefPage(brief, briefs, config, theme, withPdf)))),
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

function uniqueAssets(briefs: readonly CompiledBrief[]): OutputFile[] {
  const byPath = new Map<string, OutputFile>()
  for (const asset of briefs.flatMap((b) => b.assets)) byPath.set(asset.to, { path: asset.to, from: asset.from })
  return [...byPath.values()]
}
