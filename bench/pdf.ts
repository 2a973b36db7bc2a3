// npm run bench -- [--n 20] [--naive-n N] [--concurrency C]: PDFs of the sample brief, pooled (one browser, a pool of
// pages) beside the naive way (a browser launched per document, as md-to-pdf does), in one run; then
// a cold build of the sample beside a rebuild with nothing changed.
// npx tsx bench/pdf.ts --corpus DIR [--concurrency C] [--reprint]: instead, the PDF pass of a cold build of DIR (made by
// bench/corpus.ts) per PDF, per page and by phase, beside Chromium printing plain Latin pages in the same run;
// with --reprint, then the pass of a rebuild that prints every PDF again on the same cache (as after an edit to print.css).
import { readdirSync, readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { BuildCache } from '../src/core/cache.ts'
import type { CompiledBrief } from '../src/core/compiled.ts'
import { build } from '../src/orchestrate/build.ts'
import { checkSite, type ReadySite } from '../src/orchestrate/check.ts'
import { compileSiteSync } from '../src/orchestrate/compile-site.ts'
import { resolveRunOptions } from '../src/orchestrate/options.ts'
import { defaultConcurrency } from '../src/render/pdf/concurrency.ts'
import { PrintFonts } from '../src/render/pdf/fonts.ts'
import { PhaseTimes } from '../src/render/pdf/phase-times.ts'
import { BrowserPool } from '../src/render/pdf/pool.ts'
import { printBrief, printBriefs } from '../src/render/pdf/print-briefs.ts'
import { loadTheme } from '../src/theme/theme.ts'
import { withPeakRss } from './rss.ts'

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '20' },
    'naive-n': { type: 'string' },
    concurrency: { type: 'string' },
    corpus: { type: 'string' },
    'no-cards': { type: 'boolean' },
    reprint: { type: 'boolean' },
  },
})
const concurrency = values.concurrency ? Number(values.concurrency) : defaultConcurrency()
if (values.corpus) {
  await corpusPass(path.resolve(values.corpus))
  process.exit(0)
}
const n = Number(values.n)
const naiveN = Number(values['naive-n'] ?? Math.min(n, 10))
const content = path.resolve(import.meta.dirname, '..', 'content')

const staging = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'briefkit-bench-')), 'site')
await build({ contentDir: content, outDir: staging, pdf: false })
const site = compileSiteSync(resolveRunOptions({ contentDir: content }))
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

/**
 * CPU seconds (user + system) of the processes below this one (Chromium and its helpers) while
 * `work` runs, sampled every 50 ms from /proc: a process's last sample counts, so one that ends
 * loses at most 50 ms.
 */
async function withChildrenCpu<T>(work: () => Promise<T>): Promise<{ result: T; cpu: number }> {
  const last = new Map<number, number>()
  const sample = () => {
    const parents = new Map<number, number>()
    const cpu = new Map<number, number>()
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        parents.set(Number(entry), Number(fields[1]))
        cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / 100)
      } catch {
        // Note: a process can end between listing and reading it.
      }
    }
    for (const [pid, seconds] of cpu) {
      let up = parents.get(pid)
      while (up !== undefined && up !== process.pid && up > 1) up = parents.get(up)
      if (up === process.pid) last.set(pid, seconds)
    }
  }
  sample()
  const before = new Map(last)
  const timer = setInterval(sample, 50)
  try {
    const result = await work()
    sample()
    let cpu = 0
    for (const [pid, seconds] of last) cpu += seconds - (before.get(pid) ?? 0)
    return { result, cpu }
  } finally {
    clearInterval(timer)
  }
}

/** Pages of a PDF, counted by its page objects. */
function pageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page\b/g)?.length ?? 0
  )
}

/**
 * The PDF pass of a cold build of a corpus (every PDF and card printed, the cache not read), timed
 * as a whole and by phase, with the CPU it took in Node and in Chromium; with `--reprint`, then a
 * rebuild's pass on the same cache with its PDFs and cards removed, as after an edit to print.css that
 * adds no character: every PDF printed again, its font subsets and section pages read from the cache.
 * Then Chromium printing plain Latin pages (a default font, no pass of briefkit's), as many documents
 * of the corpus's mean length, the same number at once: the floor a PDF pass can come near.
 */
async function corpusPass(contentDir: string): Promise<void> {
  const checked = await checkSite(resolveRunOptions({ contentDir, force: true }))
  const ready = checked.ready
  if (!ready) throw new Error(`${contentDir} did not check`)
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'briefkit-bench-corpus-'))
  try {
    for (const file of ready.rendered.files) {
      await fs.mkdir(path.dirname(path.join(out, file.path)), { recursive: true })
      if ('content' in file) await fs.writeFile(path.join(out, file.path), file.content)
      else await fs.copyFile(file.from, path.join(out, file.path))
    }
    const cold = await printPass(out, ready, ready.cache, ready.printFonts)
    console.log(
      `corpus ${contentDir}: ${cold.n} PDFs (${cold.pages} pages, ${(cold.pages / cold.n).toFixed(1)} a PDF) and ${cold.cards} cards, ` +
        `${concurrency} at once, ${os.availableParallelism()} cores`,
    )
    reportPass('PDF pass', cold)
    if (values.reprint) {
      const { dir } = ready.cache
      await Promise.all(['pdfs', 'cards'].map((kind) => fs.rm(path.join(dir, kind), { recursive: true, force: true })))
      const cache = new BuildCache(dir, (message) => console.warn(message))
      const fonts = ready.printFonts && PrintFonts.lazy(ready.theme.fonts, cache)
      reportPass('reprint pass', await printPass(out, ready, cache, fonts))
    }
    const plain = await plainPages(out, Math.max(1, Math.round(cold.pages / cold.n)), cold.n)
    console.log(
      `plain Latin pages: ${plain.count} documents of ${plain.pages} pages, ${(plain.wall / plain.count).toFixed(0)} ms per PDF, ` +
        `${plain.perPage.toFixed(1)} ms per page; CPU ${plain.nodeCpu.toFixed(1)} s Node + ${plain.chromeCpu.toFixed(1)} s Chromium`,
    )
    console.log(`ratio per page (briefkit / plain): ${(cold.wall / cold.pages / plain.perPage).toFixed(2)}×`)
  } finally {
    await fs.rm(out, { recursive: true, force: true })
  }
}

/** One pass's figures: wall time per PDF and page, CPU, and time by phase. */
function reportPass(name: string, pass: Awaited<ReturnType<typeof printPass>>): void {
  const { n, pages, wall, nodeCpu, chromeCpu, times } = pass
  console.log(
    `${name} ${(wall / 1000).toFixed(2)} s: ${(wall / n).toFixed(0)} ms per PDF, ${(wall / pages).toFixed(1)} ms per page; ` +
      `CPU ${nodeCpu.toFixed(1)} s Node + ${chromeCpu.toFixed(1)} s Chromium = ${(((nodeCpu + chromeCpu) * 1000) / n).toFixed(0)} ms per PDF`,
  )
  const phases = [...times.totals]
    .map(([phase, t]) => `${phase} ${(t.ms / n).toFixed(0)} (×${(t.count / n).toFixed(1)})`)
    .join(', ')
  console.log(`  by phase, ms per PDF (summed over documents printing at once): ${phases}`)
}

/** Print every PDF and card of a checked corpus into `out` with `cache` and `fonts`, timed. */
async function printPass(out: string, ready: ReadySite, cache: BuildCache, fonts: PrintFonts | undefined) {
  const { config, theme } = ready
  const times = new PhaseTimes()
  const cpu0 = process.cpuUsage()
  const start = performance.now()
  const { result, cpu: chromeCpu } = await withChildrenCpu(() =>
    printBriefs(
      out,
      ready.printPages,
      { config, theme, fonts, cache },
      {
        print: true,
        times,
        concurrency,
        cards: values['no-cards']
          ? []
          : ready.printPages.flatMap(({ brief, page, card }) => (card ? [{ brief, page, card }] : [])),
      },
    ),
  )
  const wall = performance.now() - start
  const cpu = process.cpuUsage(cpu0)
  const pdfs = ready.printPages.map(({ brief }) => path.join(out, brief.lang, brief.slug, `${brief.slug}.pdf`))
  const pages = (await Promise.all(pdfs.map(async (f) => pageCount(await fs.readFile(f))))).reduce((a, b) => a + b, 0)
  return {
    n: result.printed,
    cards: result.cardsPainted,
    pages,
    wall,
    nodeCpu: (cpu.user + cpu.system) / 1e6,
    chromeCpu,
    times,
  }
}

/** Latin text to about `pages` A4 pages in Chromium's default font. */
function plainDocument(paragraphs: number): string {
  const words =
    'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua'.split(
      ' ',
    )
  const body = Array.from({ length: paragraphs }, (_, p) => {
    const text = Array.from({ length: 90 }, (_, w) => words[(p * 7 + w * 3) % words.length]).join(' ')
    return `<p>${text}.</p>`
  }).join('\n')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain</title></head><body>${body}</body></html>`
}

/** `count` documents of `pages` plain Latin pages each, printed `concurrency` at once on one browser: load and print. */
async function plainPages(dir: string, pages: number, count: number) {
  const file = path.join(dir, 'plain.html')
  const pool = await BrowserPool.create({ concurrency })
  try {
    const print = () =>
      pool.withPage(async (page) => {
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
        return page.pdf({ format: 'A4', printBackground: true, tagged: true, outline: true })
      })
    // Note: as many paragraphs as make `pages` pages, found by printing.
    const pagesOf = async (paragraphs: number) => {
      await fs.writeFile(file, plainDocument(paragraphs))
      return pageCount(await print())
    }
    let paragraphs = pages * 6
    let got = await pagesOf(paragraphs)
    paragraphs = Math.max(1, Math.floor((paragraphs * (pages - 0.5)) / got))
    for (got = await pagesOf(paragraphs); got < pages; ) got = await pagesOf(++paragraphs)
    while (got > pages && paragraphs > 1) got = await pagesOf(--paragraphs)
    const cpu0 = process.cpuUsage()
    const start = performance.now()
    const { cpu: chromeCpu } = await withChildrenCpu(() => Promise.all(Array.from({ length: count }, print)))
    const wall = performance.now() - start
    const cpu = process.cpuUsage(cpu0)
    return {
      count,
      pages,
      wall,
      perPage: wall / (count * pages),
      nodeCpu: (cpu.user + cpu.system) / 1e6,
      chromeCpu,
    }
  } finally {
    await pool.close()
  }
}
