import path from 'node:path'
import type { VFile } from 'vfile'
import { loadConfig } from '../config/resolve.ts'
import { discoverBriefs } from '../content/discover.ts'
import { loadBrief } from '../content/load-brief.ts'
import { compileBrief, type CompiledBrief } from '../pipeline/compile-brief.ts'
import { renderBriefPage, renderHomePage } from '../render/html/pages.ts'
import { loadTheme } from '../render/html/theme.ts'
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
  /** Render PDFs (accepted now; PDFs come in a later version). @default true */
  pdf?: boolean
}

/** What a build did. */
export interface BuildResult {
  /** Every problem found in content, errors and warnings, sorted by file and place. */
  diagnostics: Diagnostic[]
  /** Whether the site was written (false on content errors or when only checking). */
  written: boolean
  /** Paths of the pages, relative to the out dir. */
  pages: string[]
  briefs: number
}

/**
 * Build a site: read and check all content, report every problem together, and only when there
 * are no errors write the pages and assets, swapping the out dir in whole.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const contentDir = path.resolve(options.contentDir ?? 'content')
  const outDir = path.resolve(options.outDir ?? 'dist')
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
      const brief = compileBrief(source, config, { footnotes: t['footnotes'] ?? 'Notes', backToContent: t['backToContent'] ?? 'Back' })
      if (brief) compiled.push(brief)
    }
  }

  const diagnostics = collectDiagnostics(files)
  const result: BuildResult = { diagnostics, written: false, pages: [], briefs: compiled.length }
  if (!config || !theme || countDiagnostics(diagnostics).errors > 0 || options.write === false) return result

  checkOutDir(outDir, contentDir)
  const pages = [await renderHomePage(compiled, config, theme)]
  for (const brief of compiled) pages.push(await renderBriefPage(brief, config, theme))
  const output: OutputFile[] = [
    ...pages.map((page) => ({ path: page.path, content: page.html })),
    ...themeAssets(theme),
    ...fontAssets(theme),
    kindStyles(config.argumentKinds),
    ...uniqueAssets(compiled),
    { path: outputMarker, content: 'This folder is written by `briefkit build` and replaced whole by the next build.\n' },
  ]
  await writeAtomically(outDir, output)
  return { ...result, written: true, pages: pages.map((p) => p.path) }
}

function uniqueAssets(briefs: readonly CompiledBrief[]): OutputFile[] {
  const byPath = new Map<string, OutputFile>()
  for (const asset of briefs.flatMap((b) => b.assets)) byPath.set(asset.to, { path: asset.to, from: asset.from })
  return [...byPath.values()]
}
