import path from 'node:path'
import { loadConfig } from '../config/resolve.ts'
import { BuildCache, cacheDirFor } from '../core/cache.ts'
import { checkOutDir, type OutputFile, replaceOutDir } from '../core/output.ts'
import { pdfPath } from '../core/paths.ts'
import { UsageError } from '../reporting/errors.ts'
import { collectDiagnostics } from '../reporting/report.ts'
import { loadTheme } from '../theme/theme.ts'
import { type BuildResult, nothingWritten } from './build-result.ts'
import { renderChecked } from './check.ts'
import { checkShards, inputHashes, readChecked, readManifest, readShardBrief } from './manifest.ts'
import { type RunOptions, resolveRunOptions } from './options.ts'

/** What to merge, and where (see `RunOptions` for the other fields and their defaults). */
export interface MergeOptions extends Pick<RunOptions, 'contentDir' | 'outDir' | 'signal' | 'onWarning'> {
  /** The shard folders `build` wrote with `shard`, one of each 1..n. */
  shards: readonly string[]
}

/**
 * Merge the shards of a site (`briefkit merge`) into the out dir: check that every shard came from
 * the content folder and theme given here and that together they hold the site once, render the
 * whole site from their compiled briefs (pages, listings, feeds, sitemap, web fonts), check the
 * links between briefs, copy their PDFs and cards, index it all for search at once, and swap the
 * out dir in whole as `build` does. The result is the site `build` makes of the same content.
 */
export async function merge(options: MergeOptions): Promise<BuildResult> {
  const run = resolveRunOptions({ ...options, write: true })
  const { file: siteFile, config: site } = loadConfig(run.contentDir)
  const result = nothingWritten(collectDiagnostics([siteFile]))
  if (!site) return result
  const config = { ...site, lint: { ...run.lintDefaults, ...site.lint } }
  const shards = options.shards.map((dir) => {
    const folder = path.resolve(dir)
    if (folder === run.outDir)
      throw new UsageError(`The out dir \`${dir}\` is one of the shards`, {
        hint: 'Merge into another folder, such as `dist`.',
      })
    return readManifest(folder)
  })
  checkShards(shards, inputHashes(config, run))
  const held = shards
    .flatMap((shard) => shard.manifest.briefs.map((entry) => ({ shard, entry })))
    .sort((a, b) => a.entry.order - b.entry.order)
  const briefs = held.map(({ shard, entry }) => readShardBrief(shard, entry, run.contentDir))
  const theme = loadTheme(config.themeDir)
  const cache = new BuildCache(cacheDirFor(run.contentDir, config.cacheDir), run.onWarning, run.force)
  const withPdfs = new Set(briefs.filter((_, i) => held[i]?.entry.pdf))
  const withCards = new Set(briefs.filter((_, i) => held[i]?.entry.card))
  const checked = await renderChecked(
    { config, theme, cache, briefs, printPages: [], withPdfs, withCards, printFonts: undefined },
    [siteFile],
    { write: true, pagesOnly: false },
  )
  result.diagnostics = checked.diagnostics
  result.briefs = briefs.length
  if (!checked.ready) return result
  // Note: each PDF and card is checked against its shard's manifest, then copied from the shard.
  const printed: OutputFile[] = held.flatMap(({ shard, entry }) =>
    [entry.pdf, entry.card].flatMap((file) => {
      if (!file) return []
      readChecked(shard.dir, file, entry.hashes)
      return [{ path: file, from: path.join(shard.dir, file) }]
    }),
  )
  checkOutDir(run.outDir, run.contentDir)
  run.signal?.throwIfAborted()
  result.changed = await replaceOutDir(
    run.outDir,
    [...checked.ready.rendered.files, ...printed],
    run.signal,
    async (staging) => {
      const { indexSite } = await import('../site/search.ts')
      await indexSite(staging, cache, run.signal)
    },
  )
  return {
    ...result,
    written: true,
    pages: checked.ready.rendered.pages.map((p) => p.path),
    pdfs: briefs.filter((b) => withPdfs.has(b)).map(pdfPath),
    pdfsReused: withPdfs.size,
    cardsReused: withCards.size,
  }
}
