// npm run bench -- --corpus N [--runs K] [--pdf | --no-pdf] [--dir DIR] [--seed S] [--cold empty|force] [--pandoc-max M] [--md-to-pdf-max M]
//
// Builds a corpus of N distinct briefs (bench/corpus.ts, each in Chinese and English) with the real
// `bin/briefkit.js build` as a whole process: cold (an empty build cache, as a first build or a CI
// runner without one has; with `--cold force`, `--force` over the cache of the run before, which
// rewrites every entry in place), with nothing changed, and with one
// brief's text edited (a sentence added to one argument), K times each but the cold build. Each run is
// measured from outside (wall time, user+sys CPU of the process and its children, peak RSS of node and
// its Chromium summed over the process tree every 50 ms) and from inside (`BRIEFKIT_TIMINGS`: the time
// of each stage). In the same run, Pandoc (`pandoc --citeproc`, a process per edition, sequential) and
// md-to-pdf (4 files a call, so that none times out) on the same texts, one markdown file per edition
// (the first M editions with `--pandoc-max M`, `--md-to-pdf-max M`: all with 0; md-to-pdf's default 40).
// PDFs are printed for N ≤ 100 unless `--no-pdf`. Needs `npm run build` first (it runs lib/).
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { cacheDirFor } from '../src/core/cache.ts'
import type { StageTimes } from '../src/reporting/timings.ts'
import { bytes, duration, markdownTable, median, stageShares } from './corpus-report.ts'
import { corpusEditions, type EditionText, mdToPdfText, pandocText } from './editions.ts'
import { sampleRss } from './rss.ts'

const { values } = parseArgs({
  allowNegative: true,
  options: {
    corpus: { type: 'string', default: '20' },
    runs: { type: 'string', default: '3' },
    pdf: { type: 'boolean' },
    dir: { type: 'string' },
    seed: { type: 'string', default: '1' },
    cold: { type: 'string', default: 'empty' },
    'md-to-pdf-max': { type: 'string', default: '40' },
    'pandoc-max': { type: 'string', default: '0' },
  },
})
const n = Number(values.corpus)
const runs = Math.max(1, Number(values.runs))
const pdf = values.pdf ?? n <= 100
const root = path.resolve(import.meta.dirname, '..')
const work = path.resolve(values.dir ?? path.join(os.tmpdir(), `briefkit-corpus-bench-${n}`))
const content = path.join(work, 'content')
const out = path.join(work, 'dist')
const cslDir = process.env['BRIEFKIT_CSL_DIR'] ?? '/usr/share/citation-style-language'
const launch = JSON.stringify({ executablePath: chromium(), args: ['--no-sandbox', '--disable-gpu'] })

/** How one process went, seen from outside and (for briefkit) from inside. */
interface Measured {
  wall: number
  /** user+sys of the process and the children it waited for, when /usr/bin/time is there. */
  cpu: number | undefined
  peakRss: number
  times?: StageTimes
}

/** Run a command to its end, sampling its process tree's memory; throws when it fails. */
async function measure(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Measured> {
  const timeFile = path.join(work, 'time.txt')
  const withTime = fs.existsSync('/usr/bin/time')
  const [cmd, ...rest] = withTime
    ? ['/usr/bin/time', '-f', '%U %S', '-o', timeFile, command, ...args]
    : [command, ...args]
  const started = performance.now()
  const child = spawn(cmd as string, rest, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
  const sampler = sampleRss(child.pid ?? 0)
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const wall = performance.now() - started
  const peakRss = sampler.stop()
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}:\n${stderr.slice(-2000)}`)
  const cpu = withTime
    ? fs
        .readFileSync(timeFile, 'utf8')
        .trim()
        .split('\n')
        .at(-1)
        ?.split(' ')
        .reduce((sum, s) => sum + 1000 * Number(s), 0)
    : undefined
  return { wall, cpu, peakRss }
}

/** `bin/briefkit.js build` of the corpus, with its stage times. */
async function briefkit(extra: readonly string[]): Promise<Measured> {
  const timings = path.join(work, 'timings.json')
  const args = [path.join(root, 'bin', 'briefkit.js'), 'build', '--content', content, '--out', out]
  const run = await measure(process.execPath, [...args, pdf ? '--pdf' : '--no-pdf', ...extra], {
    BRIEFKIT_TIMINGS: timings,
    SOURCE_DATE_EPOCH: process.env['SOURCE_DATE_EPOCH'] ?? '1764000000',
  })
  return { ...run, times: JSON.parse(fs.readFileSync(timings, 'utf8')) as StageTimes }
}

/** A command on PATH or named by an environment variable, or undefined. */
function findTool(envVar: string, name: string, fallbacks: readonly string[] = []): string | undefined {
  const named = process.env[envVar]
  if (named) return named
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim()
  return onPath || fallbacks.find((f) => fs.existsSync(f))
}

function chromium(): string {
  return process.env['BRIEFKIT_CHROME'] ?? findTool('CHROME_PATH', 'chromium') ?? '/usr/bin/chromium'
}

/**
 * The CSL style for a language as close to briefkit's default as Pandoc reads (see src/citations/styles.ts):
 * Chinese gets Debian's GB/T 7714-2015 numeric, briefkit's own (csl/) using CSL 1.1's `<institution>`,
 * which Pandoc 2.17's citeproc refuses.
 */
function styleFile(lang: string): string {
  const id = lang.startsWith('zh') ? 'china-national-standard-gb-t-7714-2015-numeric' : 'chicago-author-date'
  return path.join(cslDir, 'styles', `${id}.csl`)
}

const log = (line: string) => process.stderr.write(`${line}\n`)

// 1. The corpus, written anew (the same seed writes the same briefs), and an empty out dir.
// Note: only a folder this bench made (its marker file) is emptied; any other is refused.
const marker = path.join(work, '.corpus-bench')
if (fs.existsSync(work) && fs.readdirSync(work).length > 0 && !fs.existsSync(marker))
  throw new Error(`${work} is not empty and was not made by this bench: name another with --dir`)
fs.rmSync(work, { recursive: true, force: true })
fs.mkdirSync(work, { recursive: true })
fs.writeFileSync(marker, '')
const corpus = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    path.join(root, 'bench', 'corpus.ts'),
    '--briefs',
    String(n),
    '--out',
    content,
    '--seed',
    values.seed as string,
  ],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  },
)
if (corpus.status !== 0) throw new Error(`bench/corpus.ts exited ${corpus.status}`)
if (!fs.existsSync(path.join(root, 'lib', 'cli', 'run.js')))
  throw new Error('lib/ is missing: run `npm run build` first')
const editions = corpusEditions(content)
log(
  `corpus: ${n} briefs, ${editions.length} editions in ${content}; PDFs: ${pdf ? 'yes' : 'no'}; ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)}`,
)

// 2. briefkit: cold, nothing changed, one brief edited.
// Note: an empty cache is what a first build (or a CI runner without one) meets. `--force` over a full
// one also replaces every entry, which frees the old file's blocks: in a profile of a cold N = 300 build
// on this machine (ext4 mounted with `discard`, under load) the renames took 27 s of 141 s.
const coldForced = values.cold === 'force'
if (!coldForced && values.cold !== 'empty') throw new Error('--cold is `empty` (the default) or `force`')
if (!coldForced) fs.rmSync(cacheDirFor(content, undefined), { recursive: true, force: true })
log(`briefkit: cold build (${coldForced ? '--force' : 'empty cache'})…`)
const cold = await briefkit(coldForced ? ['--force'] : [])
const unchanged: Measured[] = []
for (let i = 0; i < runs; i++) {
  log(`briefkit: no-change build ${i + 1}/${runs}…`)
  unchanged.push(await briefkit([]))
}
const edited: Measured[] = []
const firstBrief = editions[0]?.name.replace(/-[a-z]+$/, '') ?? ''
const argsDir = path.join(content, firstBrief, 'arguments')
const editedFile = path.join(argsDir, fs.readdirSync(argsDir).sort()[0] ?? '')
for (let i = 0; i < runs; i++) {
  log(`briefkit: one brief edited ${i + 1}/${runs}…`)
  // Note: words of the corpus's own sentence frames: an edit that brings new characters would also
  // make new font subsets, which is another case than editing text.
  fs.appendFileSync(editedFile, '\n这一分歧决定了政策的节奏。\n')
  edited.push(await briefkit([]))
}
const pdfs = pdf ? editions.length : 0

// 3. Pandoc, a process per edition (its citations with the style briefkit uses for the language).
const pandoc = findTool('BRIEFKIT_PANDOC', 'pandoc')
const pandocDir = path.join(work, 'pandoc')
fs.mkdirSync(pandocDir)
const pandocRuns: Measured[] = []
if (pandoc) {
  const documents = editions.slice(0, Number(values['pandoc-max']) || editions.length)
  log(`pandoc: ${documents.length} documents, one process each…`)
  for (const edition of documents) {
    const input = path.join(pandocDir, `${edition.name}.md`)
    fs.writeFileSync(input, pandocText(edition))
    const args = ['--citeproc', '--csl', styleFile(edition.lang), '--bibliography', edition.bibliography]
    pandocRuns.push(await measure(pandoc, [...args, '-s', '--quiet', '-o', input.replace(/\.md$/, '.html'), input]))
  }
}

// 4. md-to-pdf on the same texts, 4 files a call (all in one call overloads two cores until it times out).
const mdToPdf = pdf
  ? findTool('BRIEFKIT_MD_TO_PDF', 'md-to-pdf', ['/opt/md-to-pdf/node_modules/.bin/md-to-pdf'])
  : undefined
const mdToPdfDir = path.join(work, 'md-to-pdf')
fs.mkdirSync(mdToPdfDir)
const sample = editions.slice(0, Number(values['md-to-pdf-max']) || editions.length)
const mdToPdfCalls: Measured[] = []
const files = sample.map((edition: EditionText) => {
  const file = path.join(mdToPdfDir, `${edition.name}.md`)
  fs.writeFileSync(file, mdToPdfText(edition))
  return file
})
if (mdToPdf) {
  log(`md-to-pdf: ${sample.length} documents, 4 a call…`)
  for (let i = 0; i < files.length; i += 4) {
    mdToPdfCalls.push(await measure(mdToPdf, ['--launch-options', launch, ...files.slice(i, i + 4)]))
  }
}

// 5. The figures.
const docs = editions.length
const med = (xs: Measured[], pick: (m: Measured) => number) => median(xs.map(pick))
/** The run of median wall time, whole (its CPU, memory and stages with it). */
const medianRun = (xs: Measured[]): Measured => xs.find((m) => m.wall === med(xs, (x) => x.wall)) ?? cold
const pdfStage = cold.times?.stages.pdfs ?? 0
const htmlWall = cold.wall - (pdf ? pdfStage : 0)
const pandocTotal = pandocRuns.reduce((sum, r) => sum + r.wall, 0)
const pandocPerDoc = pandocTotal / Math.max(1, pandocRuns.length)
const mdToPdfTotal = mdToPdfCalls.reduce((sum, r) => sum + r.wall, 0)
const cpu = (m: Measured) => (m.cpu === undefined ? '-' : duration(m.cpu))
const date = new Date().toISOString().slice(0, 10)
const label = `N=${n}${pdf ? ', PDFs' : ', no PDFs'}`

const buildRows = [
  [coldForced ? 'cold (`--force`)' : 'cold (empty cache)', cold],
  [`nothing changed (median of ${runs})`, medianRun(unchanged)],
  [`one brief edited (median of ${runs})`, medianRun(edited)],
] as const
const builds = markdownTable(
  [
    'briefkit build',
    'wall',
    '% of cold',
    'per brief',
    'per edition',
    'user+sys (% of cold)',
    'peak RSS (node + Chromium)',
    'stages',
  ],
  buildRows.map(([name, m]) => [
    `${label}: ${name}`,
    duration(m.wall),
    `${((100 * m.wall) / cold.wall).toFixed(1)}%`,
    duration(m.wall / n),
    duration(m.wall / docs),
    m.cpu === undefined || cold.cpu === undefined ? cpu(m) : `${cpu(m)} (${((100 * m.cpu) / cold.cpu).toFixed(1)}%)`,
    bytes(m.peakRss),
    m.times ? stageShares(m.times) : '-',
  ]),
)
const compileStage = cold.times?.stages.compile ?? 0
const versus = markdownTable(
  ['per document', 'briefkit', 'other tool', 'briefkit ÷ other'],
  [
    [
      `HTML: cold build without the PDF stage / \`pandoc --citeproc -s\` (median; ${pandocRuns.length} processes)`,
      duration(htmlWall / docs),
      pandoc ? duration(med(pandocRuns, (m) => m.wall)) : 'not run',
      pandoc ? `${(htmlWall / docs / med(pandocRuns, (m) => m.wall)).toFixed(2)}×` : '-',
    ],
    [
      'compile stage (citations within it) / all Pandoc processes ÷ documents',
      `${duration(compileStage / docs)} (${duration((cold.times?.stages.citations ?? 0) / docs)})`,
      pandoc ? duration(pandocPerDoc) : 'not run',
      pandoc ? `${(compileStage / docs / pandocPerDoc).toFixed(2)}×` : '-',
    ],
    [
      `PDF: PDF stage ÷ PDFs / md-to-pdf, 4 a call (${sample.length} documents)`,
      pdf ? duration(pdfStage / pdfs) : 'no PDFs',
      mdToPdf ? duration(mdToPdfTotal / sample.length) : 'not run',
      pdf && mdToPdf ? `${(mdToPdfTotal / sample.length / (pdfStage / pdfs)).toFixed(1)}× the PDFs per second` : '-',
    ],
  ],
)
console.log(`\n### Corpus bench, ${label} (${date}, ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)})\n`)
console.log(builds)
console.log('')
console.log(versus)
console.log('')
if (pandoc)
  console.log(
    `Pandoc peak RSS ${bytes(Math.max(...pandocRuns.map((m) => m.peakRss)))}; total ${duration(pandocTotal)}.`,
  )
if (mdToPdf)
  console.log(
    `md-to-pdf peak RSS ${bytes(Math.max(...mdToPdfCalls.map((m) => m.peakRss)))}; total ${duration(mdToPdfTotal)}.`,
  )
if (!pandoc)
  console.log(
    'Pandoc not found: install it (`apt-get install pandoc`) or set BRIEFKIT_PANDOC, then run again; per document:\n' +
      `  pandoc --citeproc --csl <style> --bibliography <brief>/references.bib -s -o x.html x.md`,
  )
if (pdf && !mdToPdf)
  console.log(
    'md-to-pdf not found: `npm install --prefix /opt/md-to-pdf md-to-pdf` and set BRIEFKIT_MD_TO_PDF, or run, 4 files a call:\n' +
      `  md-to-pdf --launch-options '${launch}' ${path.join(mdToPdfDir, '*.md')}`,
  )
console.log(
  `\nReproduce: npm run build && npm run bench -- --corpus ${n} --runs ${runs}${values.pdf === undefined ? '' : pdf ? ' --pdf' : ' --no-pdf'}`,
)
