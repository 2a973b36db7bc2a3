import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { CacheStage } from '../core/cache.ts'
import type { CompiledBrief } from '../core/compiled.ts'
import { checkOutDir, replaceOutDir } from '../core/output.ts'
import { pdfPath } from '../core/paths.ts'
import { timed } from '../reporting/timings.ts'
import { type BuildResult, nothingWritten } from './build-result.ts'
import { checkSite, type ReadySite } from './check.ts'
import { type ResolvedRunOptions, type RunOptions, resolveRunOptions } from './options.ts'

export type { BuildResult } from './build-result.ts'

/** What to build, and where (see `RunOptions` for each field and its default). */
export type BuildOptions = Pick<
  RunOptions,
  | 'contentDir'
  | 'outDir'
  | 'write'
  | 'draft'
  | 'pdf'
  | 'concurrency'
  | 'onProgress'
  | 'signal'
  | 'onWarning'
  | 'force'
  | 'pagesOnly'
  | 'shard'
>

/**
 * Build a site: read and check all content, report every problem together, and only when there
 * are no errors write the pages and assets, index them, print the PDFs, and swap the out dir in
 * whole. Without PDFs (`pdf: false`), each brief's PDF that the build cache holds for its unchanged
 * print page is still published; the others are left out (a warning names those the out dir had),
 * and no page links to them. `signal` stops the build: the out dir stays as it was. With `shard`,
 * only that share of the briefs is built, into a shard folder for `merge` (see `buildShard`).
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const run = resolveRunOptions(options)
  if (run.shard) {
    const { buildShard } = await import('./build-shard.ts')
    return buildShard({ ...run, shard: run.shard })
  }
  const { diagnostics, compiled, ready } = await checkSite(run)
  const result = nothingWritten(diagnostics, compiled.briefs.length, compiled.cachedBriefs)
  if (!ready || !run.write) return result
  return { ...result, ...(await writeSite(ready, run)) }
}

/** Write a checked site: stage its files, add the search index and the PDFs, swap it in, prune the cache. */
async function writeSite(site: ReadySite, run: ResolvedRunOptions): Promise<Partial<BuildResult>> {
  checkOutDir(run.outDir, run.contentDir)
  run.signal?.throwIfAborted()
  const dropped = run.pdf ? [] : site.briefs.filter((brief) => !site.withPdfs.has(brief))
  warnDroppedPdfs(dropped, run.outDir, run.onWarning)
  let printed = { reused: 0, printed: 0, cardsReused: 0, cardsPainted: 0 }
  // Note: before the new site replaces the old one: the search index, then the PDFs.
  const changed = await replaceOutDir(run.outDir, site.rendered.files, run.signal, async (staging) => {
    await timed('search', () => searchIndex(staging, site, run))
    printed = await timed('pdfs', () => printPdfs(staging, site, run))
  })
  // Note: the cache keeps what this build used; PDFs only after a build that printed them all.
  const stages: CacheStage[] = run.pagesOnly
    ? ['compile']
    : ['compile', 'index', ...(run.pdf ? ['print' as const] : [])]
  site.cache.prune(stages)
  return {
    written: true,
    changed,
    pages: site.rendered.pages.map((p) => p.path),
    pdfs: site.briefs.map(pdfPath).filter((file) => existsSync(path.join(run.outDir, file))),
    pdfsReused: printed.reused,
    pdfsPrinted: printed.printed,
    cardsReused: printed.cardsReused,
    cardsPainted: printed.cardsPainted,
  }
}

/** Index the staged pages for search; a pages-only pass (dev) keeps the previous build's index when there is one. */
async function searchIndex(staging: string, site: ReadySite, run: ResolvedRunOptions): Promise<void> {
  const oldIndex = path.join(run.outDir, 'pagefind')
  if (run.pagesOnly && existsSync(oldIndex)) {
    await fs.cp(oldIndex, path.join(staging, 'pagefind'), { recursive: true, preserveTimestamps: true })
    return
  }
  // Note: loaded only when a build writes, like the printer below, so `check` never resolves Pagefind.
  const { indexSite } = await import('../site/search.ts')
  await indexSite(staging, site.cache, run.signal)
}

/** The PDFs and social cards of the briefs that have them: from the cache, or made (not in a pages-only pass). */
async function printPdfs(staging: string, site: ReadySite, run: ResolvedRunOptions) {
  // Note: loaded only when a build gets this far, so `check` and `new` never load the printer.
  const { printBriefs } = await import('../render/pdf/print-briefs.ts')
  const { config, theme, cache, printFonts } = site
  return printBriefs(
    staging,
    site.printPages.filter(({ brief }) => site.withPdfs.has(brief)),
    { config, theme, fonts: printFonts, cache },
    {
      concurrency: run.concurrency,
      onProgress: run.onProgress,
      ...(run.signal ? { signal: run.signal } : {}),
      print: run.pdf && !run.pagesOnly,
      cards: site.printPages.flatMap(({ brief, page, card }) =>
        card && site.withCards.has(brief) ? [{ brief, page, card }] : [],
      ),
    },
  )
}

/** Warn about each PDF the out dir has that a build without printing leaves out, its brief having changed. */
function warnDroppedPdfs(briefs: readonly CompiledBrief[], outDir: string, warn: (message: string) => void): void {
  for (const file of briefs.map(pdfPath).filter((f) => existsSync(path.join(outDir, f)))) {
    warn(`\`${file}\` is left out: its brief changed since it was printed (build without \`--no-pdf\` to print it)`)
  }
}
