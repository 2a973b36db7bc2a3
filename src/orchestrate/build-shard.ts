import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { checkOutDir, type OutputFile, outputMarker, replaceOutDir } from '../core/output.ts'
import { cardPath, pdfPath } from '../core/paths.ts'
import { hasChartSpecs, loadChartCompiler } from '../pipeline/chart-source.ts'
import { environmentError } from '../reporting/errors.ts'
import { collectDiagnostics, countDiagnostics } from '../reporting/report.ts'
import { type BuildResult, nothingWritten } from './build-result.ts'
import { checkPrint, type PrintChecked } from './check.ts'
import { type CompiledSite, compileSite } from './compile-site.ts'
import { inputHashes, manifestFile, manifestFormat, type ShardBrief, type ShardManifest, sha256 } from './manifest.ts'
import type { ResolvedRunOptions } from './options.ts'
import { renderSite } from './render-site.ts'
import type { Shard } from './shards.ts'

/**
 * Build one shard of a site (`briefkit build --shard i/n`): compile and check the briefs of this
 * shard only, print their PDFs and social cards, and write them with the compiled briefs and a
 * manifest into the shard folder (`run.outDir`), swapped in whole as a build's out dir is. Checks
 * that need every brief (links between briefs) are `merge`'s. The cache is not pruned: shards
 * built on one machine share it, and each would remove the others' entries.
 */
export async function buildShard(run: ResolvedRunOptions & { shard: Shard }): Promise<BuildResult> {
  if (hasChartSpecs(run.contentDir)) await loadChartCompiler()
  const compiled = await compileSite(run)
  run.signal?.throwIfAborted()
  const { config, cache, briefs } = compiled
  const result = nothingWritten(collectDiagnostics(compiled.problems), briefs.length, compiled.cachedBriefs)
  if (!config || !cache) return result
  const { problems, ...print } = await checkPrint(briefs, { config, cache }, run)
  result.diagnostics = collectDiagnostics([...compiled.problems, ...problems])
  if (countDiagnostics(result.diagnostics).errors > 0 || !run.write) return result
  checkOutDir(run.outDir, run.contentDir)
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'briefkit-shard-'))
  try {
    // Note: print pages load the theme's styles and the briefs' images by relative paths: the shard's
    // own pages (charts undrawn: only their files are wanted) give them a site to print in.
    const rendered = await renderSite(briefs, { config, theme: print.theme }, print.withPdfs, { drawCharts: false })
    await writeFiles(scratch, rendered.files)
    const { printBriefs } = await import('../render/pdf/print-briefs.ts')
    const printed = await printBriefs(
      scratch,
      print.printPages.filter(({ brief }) => print.withPdfs.has(brief)),
      { config, theme: print.theme, fonts: print.printFonts, cache },
      {
        concurrency: run.concurrency,
        onProgress: run.onProgress,
        ...(run.signal ? { signal: run.signal } : {}),
        print: run.pdf,
        cards: print.printPages.flatMap(({ brief, page, card }) =>
          card && print.withCards.has(brief) ? [{ brief, page, card }] : [],
        ),
      },
    )
    const { files, manifest } = await shardFiles(scratch, compiled, print, run)
    result.changed = await replaceOutDir(run.outDir, files, run.signal)
    return {
      ...result,
      written: true,
      pdfs: manifest.briefs.flatMap((b) => (b.pdf ? [b.pdf] : [])),
      pdfsReused: printed.reused,
      pdfsPrinted: printed.printed,
      cardsReused: printed.cardsReused,
      cardsPainted: printed.cardsPainted,
    }
  } finally {
    await fs.rm(scratch, { recursive: true, force: true })
  }
}

/** The files of a shard folder: its manifest, each compiled brief as JSON, the PDFs and cards at their paths in the site. */
async function shardFiles(
  scratch: string,
  { config, briefs, order }: CompiledSite,
  print: Omit<PrintChecked, 'problems'>,
  run: ResolvedRunOptions & { shard: Shard },
): Promise<{ files: OutputFile[]; manifest: ShardManifest }> {
  const files: OutputFile[] = []
  const entries: ShardBrief[] = []
  const add = (file: string, content: string | Uint8Array, hashes: Record<string, string>) => {
    files.push({ path: file, content })
    hashes[file] = sha256(content)
  }
  // Note: a brief without a PDF when not printing (none in the cache) has none in the scratch site either.
  const made = (file: string, wanted: boolean) =>
    wanted ? fs.readFile(path.join(scratch, file)).catch(() => undefined) : Promise.resolve(undefined)
  for (const [i, brief] of briefs.entries()) {
    const hashes: Record<string, string> = {}
    const place = order[i] ?? i
    const json = `briefs/${place}.json`
    add(json, JSON.stringify(brief), hashes)
    const pdf = await made(pdfPath(brief), print.withPdfs.has(brief))
    if (pdf) add(pdfPath(brief), pdf, hashes)
    const card = await made(cardPath(brief), print.withCards.has(brief))
    if (card) add(cardPath(brief), card, hashes)
    entries.push({
      slug: brief.slug,
      lang: brief.lang,
      order: place,
      brief: json,
      pdf: pdf ? pdfPath(brief) : undefined,
      card: card ? cardPath(brief) : undefined,
      hashes,
    })
  }
  if (!config) throw new Error('A shard is written only once its site.yaml is read')
  const manifest: ShardManifest = {
    format: manifestFormat,
    ...inputHashes(config, run),
    pdf: run.pdf,
    shard: run.shard,
    contentDir: run.contentDir,
    briefs: entries,
  }
  files.push(
    { path: manifestFile, content: `${JSON.stringify(manifest, null, 2)}\n` },
    {
      path: outputMarker,
      content: 'This folder is a shard written by `briefkit build --shard`, for `briefkit merge`.\n',
    },
  )
  return { files, manifest }
}

/** Write a site's files into a folder (the scratch site a shard's PDFs are printed in). */
async function writeFiles(dir: string, files: readonly OutputFile[]): Promise<void> {
  for (const file of files) {
    const dest = path.join(dir, file.path)
    await fs.mkdir(path.dirname(dest), { recursive: true })
    try {
      if ('from' in file) await fs.copyFile(file.from, dest)
      else await fs.writeFile(dest, file.content)
    } catch (error) {
      throw environmentError(error, 'write the scratch site to', dest)
    }
  }
}
