import path from 'node:path'
import { parseArgs } from 'node:util'
import type { BuildResult } from '../orchestrate/build.ts'
import { type ProgressListener, type RunOptions, resolveRunOptions } from '../orchestrate/options.ts'
import { parseShard } from '../orchestrate/shards.ts'
import { BriefkitError, environmentError, isSystemError, UsageError } from '../reporting/errors.ts'
import { collectDiagnostics, countDiagnostics, type Diagnostic, formatDiagnostics } from '../reporting/report.ts'
import { signalExitCode, withStopSignals } from './signals.ts'

const usage = `Usage: briefkit <command> [options]

Commands:
  build         Build the site into the out dir
  check         Check the content without writing anything
  new <slug>    Start a new brief in content/<slug>/ (--lang to choose its language)
  dev           Build, serve on 127.0.0.1 and rebuild on every change, with live reload
  merge SHARD…  Merge the shard folders of \`build --shard\` into one site in the out dir

Options:
  --content DIR   content folder (default: content)
  --out DIR       out dir for build and merge (default: dist)
  --no-pdf        skip PDFs
  --force         ignore the build cache: compile every brief and print every PDF anew
  --shard I/N     build only shard I of N of the briefs, into a shard folder for merge
                  (default out dir: dist-shard-I-of-N; see docs/shards.md)
  --concurrency N PDFs printed at once (default: one per core, at most 4)
  --lang LANG     language of a new brief (default: the site's first)
  --format FMT    how problems are printed: text (default) or json (an array on stdout)
  --timings       print the time each stage of the build took (BRIEFKIT_TIMINGS=FILE writes it as JSON)
  --port N        port for dev (default: 4173; when taken, the next free one)
  --open          open the site in the browser (dev)
  -h, --help      show this help
  -v, --version   show the version

Exit codes: 0 success, 1 errors in content, 2 usage or environment error,
3 a bug in briefkit (please report it); 129, 130, 143 stopped by SIGHUP, SIGINT, SIGTERM.`

/** Run the command line; returns the exit code. Never throws. */
export async function main(
  argv: readonly string[],
  io: { out: (s: string) => void; err: (s: string) => void } = defaultIo,
): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      allowNegative: true,
      options: {
        // Note: no defaults here: resolveRunOptions() fills them, for the CLI and the API alike.
        content: { type: 'string' },
        out: { type: 'string' },
        pdf: { type: 'boolean' },
        lang: { type: 'string' },
        format: { type: 'string', default: 'text' },
        force: { type: 'boolean' },
        concurrency: { type: 'string' },
        shard: { type: 'string' },
        port: { type: 'string' },
        open: { type: 'boolean' },
        timings: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    })
    if (values.version) {
      io.out(await version())
      return 0
    }
    const [command, ...extra] = positionals
    if (values.help || command === undefined || command === 'help') {
      io.out(usage)
      return values.help || command === 'help' ? 0 : 2
    }
    const given: RunOptions = {
      ...(values.content === undefined ? {} : { contentDir: values.content }),
      ...(values.out === undefined ? {} : { outDir: values.out }),
      ...(values.pdf === undefined ? {} : { pdf: values.pdf }),
      ...(values.force === undefined ? {} : { force: values.force }),
      ...(values.concurrency === undefined ? {} : { concurrency: concurrency(values.concurrency) }),
      ...(values.port === undefined ? {} : { port: portNumber(values.port) }),
      ...(values.open === undefined ? {} : { open: values.open }),
      ...(values.shard === undefined ? {} : { shard: parseShard(values.shard) }),
    }
    if (given.shard && command !== 'build')
      throw new UsageError('`--shard` is an option of `build`', {
        hint: 'briefkit build --shard 1/3, then `briefkit merge` the shard folders.',
      })
    if (command === 'new') return await newBrief(extra, resolveRunOptions(given).contentDir, values.lang, io)
    if (extra.length > 0 && command !== 'merge') throw new UsageError(`Unexpected argument \`${extra[0]}\``)
    if (command === 'merge' && extra.length === 0)
      throw new UsageError('`merge` needs the shard folders to merge', {
        hint: 'briefkit merge dist-shard-1-of-3 dist-shard-2-of-3 dist-shard-3-of-3 --out dist',
      })
    if (command === 'dev') {
      const { dev } = await import('./dev.ts')
      return await dev(resolveRunOptions(given), io)
    }
    if (command !== 'build' && command !== 'check' && command !== 'merge')
      throw new UsageError(`Unknown command \`${command}\``, { hint: 'Commands: build, check, new, dev, merge.' })

    if (values.format !== 'text' && values.format !== 'json')
      throw new UsageError(`Unknown format \`${values.format}\``, { hint: 'Formats: text, json.' })
    const started = performance.now()
    const timings = await startTimings(values.timings)
    const progress = progressLine(io)
    const options = resolveRunOptions({
      ...given,
      write: command !== 'check',
      onProgress: progress,
      onWarning: (message) => io.err(`briefkit: warning: ${message}`),
    })
    const out = shownPath(options.outDir)
    // Note: each command imports what it runs here, so `--help` and `new` load no compiler and no printer.
    const { build } = await import('../orchestrate/build.ts')
    const { merge } = await import('../orchestrate/merge.ts')
    const run = await withStopSignals(
      (signal) => (command === 'merge' ? merge({ ...options, shards: extra, signal }) : build({ ...options, signal })),
      (signal) => io.err(`\nbriefkit: ${signal}: stopping…`),
    )
    if (run.stopped) {
      io.err(
        `briefkit: stopped by ${run.stopped}; ${command === 'check' ? 'nothing was written' : `\`${out}\` is as it was`}`,
      )
      return signalExitCode(run.stopped)
    }
    if (run.error !== undefined) throw run.error
    const result = run.result as BuildResult
    timings?.(io)
    if (values.format === 'json') io.out(JSON.stringify(result.diagnostics.map(toJson), null, 2))
    else report(result, io)
    const { errors } = countDiagnostics(result.diagnostics)
    if (errors > 0) return 1
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    io.err(
      command === 'merge'
        ? mergeSummary(result, extra.length, out, seconds)
        : command === 'build'
          ? buildSummary(result, out, seconds)
          : `briefkit: checked ${plural(result.briefs, 'brief')} in ${seconds} s`,
    )
    return 0
  } catch (error) {
    return fail(error, io)
  }
}

/** `briefkit new <slug>`: scaffold a brief, or report why not. */
async function newBrief(
  args: string[],
  contentDir: string,
  lang: string | undefined,
  io: { err: (s: string) => void },
): Promise<number> {
  const [slug, ...extra] = args
  if (!slug)
    throw new UsageError("`new` needs the brief's folder name", { hint: 'briefkit new carbon-tax [--lang en]' })
  if (extra.length > 0) throw new UsageError(`Unexpected argument \`${extra[0]}\``)
  const [{ loadConfig }, { scaffoldBrief }] = await Promise.all([
    import('../config/resolve.ts'),
    import('../content/scaffold.ts'),
  ])
  const { file, config } = loadConfig(contentDir)
  if (!config) {
    io.err(formatDiagnostics(collectDiagnostics([file])))
    return 1
  }
  const written = scaffoldBrief(config, slug, lang ?? config.languages[0])
  io.err(
    `briefkit: wrote ${written.length} files in ${path.relative(process.cwd(), path.dirname(written[0] ?? '')) || '.'}/; fill them in, then run \`briefkit check\``,
  )
  return 0
}

/**
 * With `--timings` or BRIEFKIT_TIMINGS=FILE (what `bench/corpus-bench.ts` reads), record the time of
 * each stage; the function returned prints the table, writes the file, or both.
 */
async function startTimings(print: boolean): Promise<((io: { err: (s: string) => void }) => void) | undefined> {
  const file = process.env['BRIEFKIT_TIMINGS']
  if (!print && !file) return undefined
  const [{ formatTimings, recordTimings }, { writeFileSync }] = await Promise.all([
    import('../reporting/timings.ts'),
    import('node:fs'),
  ])
  const recording = recordTimings()
  return (io) => {
    const times = recording.finish()
    if (print) io.err(formatTimings(times))
    if (file) writeFileSync(file, `${JSON.stringify(times, null, 2)}\n`)
  }
}

function portNumber(text: string): number {
  const port = Number(text)
  if (!/^\d+$/.test(text) || port > 65535)
    throw new UsageError(`\`--port ${text}\` is not a port number`, {
      hint: 'A number from 0 to 65535; 0 picks any free port.',
    })
  return port
}

function concurrency(text: string): number {
  if (!/^[1-9]\d*$/.test(text))
    throw new UsageError(`\`--concurrency ${text}\` is not a whole number above 0`, {
      hint: 'How many PDFs print at once, e.g. `--concurrency 2`.',
    })
  return Number(text)
}

/** A live line on a terminal (`\r`): done/total and the brief being printed; a line per PDF elsewhere (CI logs). */
function progressLine(io: { err: (s: string) => void }): ProgressListener {
  const live = process.stderr.isTTY && io === defaultIo
  const printing = new Set<string>()
  return (done, total, label, state) => {
    if (state === 'printing') printing.add(label)
    else printing.delete(label)
    if (live) {
      const now = printing.size > 0 ? ` · printing ${[...printing].join(', ')}` : ''
      process.stderr.write(`\rbriefkit: PDF ${done}/${total}${now}\x1b[K${done === total ? '\n' : ''}`)
    } else if (state === 'done') {
      io.err(`briefkit: PDF ${done}/${total} ${label}`)
    }
  }
}

/** The line a build ends with: what was written, what came from the cache, warnings, time. */
function buildSummary(result: BuildResult, out: string, seconds: string): string {
  const { warnings } = countDiagnostics(result.diagnostics)
  const pdfs =
    result.pdfs.length > 0 ? ` (${result.pdfsPrinted} printed, ${result.pdfsReused} unchanged from the cache)` : ''
  const briefs = `${plural(result.briefs, 'brief')}${result.briefsCached > 0 ? ` (${result.briefsCached} unchanged from the cache)` : ''}`
  return (
    `briefkit: built ${plural(result.pages.length, 'page')} and ${plural(result.pdfs.length, 'PDF')}${pdfs} from ${briefs} into ${out}/; ` +
    `${result.changed.length} ${result.changed.length === 1 ? 'file' : 'files'} changed, ${warnings > 0 ? `${plural(warnings, 'warning')}, ` : ''}${seconds} s`
  )
}

/** The line a merge ends with: what was written from how many shards, warnings, time. */
function mergeSummary(result: BuildResult, shards: number, out: string, seconds: string): string {
  const { warnings } = countDiagnostics(result.diagnostics)
  return (
    `briefkit: merged ${plural(shards, 'shard')} (${plural(result.briefs, 'brief')}) into ${out}/: ` +
    `${plural(result.pages.length, 'page')} and ${plural(result.pdfs.length, 'PDF')}; ` +
    `${result.changed.length} ${result.changed.length === 1 ? 'file' : 'files'} changed, ${warnings > 0 ? `${plural(warnings, 'warning')}, ` : ''}${seconds} s`
  )
}

/** A folder as the user named it: relative to where briefkit runs when inside it, else absolute. */
function shownPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir)
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** A problem as `--format json` prints it. */
function toJson(d: Diagnostic) {
  return {
    path: d.file,
    line: d.line,
    column: d.column,
    severity: d.severity,
    message: d.message,
    rule: d.ruleId,
    ...(d.hint ? { hint: d.hint } : {}),
  }
}

function report(result: BuildResult, io: { err: (s: string) => void }): void {
  if (result.diagnostics.length === 0) return
  io.err(formatDiagnostics(result.diagnostics))
  const { errors, warnings } = countDiagnostics(result.diagnostics)
  const parts = [
    errors > 0 ? `${errors} ${errors === 1 ? 'error' : 'errors'}` : '',
    warnings > 0 ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : '',
  ]
  io.err(`briefkit: ${parts.filter(Boolean).join(', ')}${errors > 0 ? '; nothing was written' : ''}`)
}

function fail(thrown: unknown, io: { err: (s: string) => void }): number {
  // Note: an answer of the machine that no stage turned into a message (a full disk, a read-only folder) is still the machine's.
  const error = isSystemError(thrown) ? environmentError(thrown, thrown.syscall ?? 'use') : thrown
  if (error instanceof BriefkitError || isParseArgsError(error)) {
    io.err(`briefkit: ${error instanceof Error ? error.message : String(error)}`)
    if (error instanceof BriefkitError && error.hint) io.err(`  hint: ${error.hint}`)
    if (!(error instanceof BriefkitError)) io.err('  hint: run `briefkit --help` for the options.')
    return 2
  }
  io.err(`briefkit: internal error (please report it):\n${error instanceof Error ? error.stack : String(error)}`)
  return 3
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises')
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

const defaultIo = { out: (s: string) => console.log(s), err: (s: string) => console.error(s) }
