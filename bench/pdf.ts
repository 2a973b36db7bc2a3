// npm run bench -- [--n 20] [--naive-n N] [--concurrency C]: PDFs of the sample brief, pooled (one browser, a pool of
// pages) beside the naive way (a browser launched per document, as md-to-pdf does), in one run; then
// a cold build of the sample beside a rebuild with nothing changed.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { CompiledBrief } from '../src/core/compiled.ts'
import { build } from '../src/orchestrate/build.ts'
import { compileSite } from '../src/orchestrate/compile-site.ts'
import { resolveRunOptions } from '../src/orchestrate/options.ts'
import { defaultConcurrency } from '../src/render/pdf/concurrency.ts'
import { PrintFonts } from '../src/render/pdf/fonts.ts'
import { BrowserPool } from '../src/render/pdf/pool.ts'
import { printBrief } from '../src/render/pdf/print-briefs.ts'
import { loadTheme } from '../src/theme/theme.ts'
import { withPeakRss } from './rss.ts'

const { values } = parseArgs({
  options: { n: { type: 'string', default: '20' }, 'naive-n': { type: 'string' }, concurrency: { type: 'string' } },
})
const concurrency = values.concurrency ? Number(values.concurrency) : defaultConcurrency()
const n = Number(values.n)
const naiveN = Number(values['naive-n'] ?? Math.min(n, 10))
const content = path.resolve(import.meta.dirname, '..', 'content')

const staging = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'briefkit-bench-')), 'site')
await build({ contentDir: content, outDir: staging, pdf: false })
const site = compileSite(resolveRunOptions({ contentDir: content }))
const [sample] = site.briefs
if (!sample || !site.config) throw new Error('the sample brief did not compile')
const { config } = site
const theme = loadTheme(config.themeDir)
const base: CompiledBrief = sample
// Note: both ways share the font files and their subsets; they differ only in the browser.
const fonts = theme.fonts.length > 0 ? PrintFonts.lazy(theme.fonts) : undefined

/**
 * N copies of the sample, each with its own folder in the staging site. Copies have the same
 * characters, so they share font subsets; `ownFonts` adds a different Chinese character to each
 * title, so each has its own subsets, as briefs with different text do.
 */
async function copies(count: number, tag: string, ownFonts = false): Promise<CompiledBrief[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const title = ownFonts ? `${base.meta.title}${String.fromCodePoint(0x4e00 + i)}` : base.meta.title
      const brief: CompiledBrief = { ...base, slug: `${base.slug}-${tag}-${i}`, meta: { ...base.meta, title } }
      await fs.mkdir(path.join(staging, brief.lang, brief.slug), { recursive: true })
      return brief
    }),
  )
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now()
  await work()
  return performance.now() - start
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

/** N copies printed on one browser, `pages` at once. */
async function pooled(count: number, pages = concurrency, ownFonts = false) {
  const briefs = await copies(count, `pool${count}x${pages}${ownFonts ? 'own' : ''}`, ownFonts)
  const perPdf: number[] = []
  let passes = 0
  let pagesAtOnce = 0
  const { result: wall, peak } = await withPeakRss(async () => {
    const pool = await BrowserPool.create({ concurrency: pages })
    pagesAtOnce = pool.concurrency
    try {
      // Note: one worker per pooled page, so each PDF's time is its own work, not time in the queue.
      let next = 0
      const worker = async () => {
        for (let brief = briefs[next++]; brief; brief = briefs[next++]) {
          const current = brief
          perPdf.push(
            await timed(async () => {
              const printed = await printBrief({ pool, staging, config, theme, fonts }, current)
              passes += printed.passes
            }),
          )
        }
      }
      return await timed(async () => {
        await Promise.all(Array.from({ length: pool.concurrency }, worker))
      })
    } finally {
      await pool.close()
    }
  })
  return { count, wall, perPdf, peak, concurrency: pagesAtOnce, passes }
}

async function naive(count: number) {
  const briefs = await copies(count, 'naive')
  const perPdf: number[] = []
  const { result: wall, peak } = await withPeakRss(() =>
    timed(async () => {
      for (const brief of briefs) {
        perPdf.push(
          await timed(async () => {
            const pool = await BrowserPool.create({ concurrency: 1 })
            try {
              await printBrief({ pool, staging, config, theme, fonts }, brief).then(() => undefined)
            } finally {
              await pool.close()
            }
          }),
        )
      }
    }),
  )
  return { count, wall, perPdf, peak }
}

const report = (name: string, r: { count: number; wall: number; perPdf: number[]; peak: number }) =>
  `${name.padEnd(26)} ${String(r.count).padStart(3)} PDFs  ${(r.count / (r.wall / 1000)).toFixed(2).padStart(6)} PDFs/s  ` +
  `median ${median(r.perPdf).toFixed(0).padStart(5)} ms per PDF  ${(r.wall / r.count).toFixed(0).padStart(5)} ms wall/N  peak RSS ${mb(r.peak)}`

console.log(
  `briefkit bench: the sample brief (${base.lang}/${base.slug}), ${os.availableParallelism()} cores, Node ${process.version}`,
)
const warm = await pooled(1)
console.log(report('warm-up (pooled, 1)', warm))
const pool = await pooled(n)
console.log(
  report(`pooled, ${pool.concurrency} page${pool.concurrency === 1 ? '' : 's'} at once`, pool) +
    `  (${pool.passes} passes for ${pool.count} PDFs)`,
)
// Note: the same one page at a time, to show what the default's extra pages give.
if (pool.concurrency !== 1) {
  const single = await pooled(n, 1)
  console.log(`${report('pooled, 1 page at once', single)}  (${single.passes} passes for ${single.count} PDFs)`)
}
const own = await pooled(n, concurrency, true)
console.log(report(`pooled, own font files`, own))
const slow = await naive(naiveN)
console.log(report('browser per document', slow))
const poolRate = pool.count / pool.wall
const naiveRate = slow.count / slow.wall
console.log(`throughput ratio (pooled / browser per document): ${(poolRate / naiveRate).toFixed(1)}×`)
if (values.n && n >= 20) {
  const big = await pooled(n * 3)
  console.log(report(`pooled, N=${n * 3}`, big))
  console.log(`peak RSS at N=${n * 3} vs N=${n}: ${(big.peak / pool.peak).toFixed(2)}×`)
}
// A cold build of the sample (pages, search index, PDFs; `force` ignores the build cache) beside
// builds with nothing changed, which take everything from the cache and rewrite nothing.
const rebuildOut = path.join(path.dirname(staging), 'rebuild')
const cold = await timed(async () => {
  await build({ contentDir: content, outDir: rebuildOut, force: true })
})
const warmRebuilds: number[] = []
for (let i = 0; i < 5; i++)
  warmRebuilds.push(
    await timed(async () => {
      await build({ contentDir: content, outDir: rebuildOut })
    }),
  )
const warmRebuild = median(warmRebuilds)
console.log(
  `cold build ${cold.toFixed(0)} ms, no-change rebuild ${warmRebuild.toFixed(0)} ms (median of 5): ${((warmRebuild / cold) * 100).toFixed(1)}% of cold`,
)
await fs.rm(path.dirname(staging), { recursive: true, force: true })
