import path from 'node:path'
import { draftLintDefaults, type LintLevel, type LintRule, lintDefaults } from '../config/lint-levels.ts'
import { defaultConcurrency } from '../render/pdf/concurrency.ts'
import { defaultShardDir, type Shard } from './shards.ts'

/** Told as each PDF starts printing and when it is done: how many are done, of how many, and which. */
export type ProgressListener = (done: number, total: number, label: string, state: 'printing' | 'done') => void

/** What a run of build, check or dev may be told. Every field is optional; `resolveRunOptions` fills the rest. */
export interface RunOptions {
  /** @default 'content' */
  contentDir?: string
  /** @default 'dist'; for a shard, `dist-shard-<i>-of-<n>` */
  outDir?: string
  /** Write the site; `false` only checks. @default true */
  write?: boolean
  /**
   * A draft of the site, not one to publish: lint rules that guard publishing (`placeholder-text`)
   * warn instead of refusing, unless site.yaml sets their level. `briefkit dev` runs drafts.
   * @default true when `write` is false (`briefkit check`)
   */
  draft?: boolean
  /**
   * A quick pass whose next pass does the rest (`briefkit dev`): pages link their PDFs, but PDFs
   * come only from the cache, none is printed, and the search index is the previous build's.
   * @default false
   */
  pagesOnly?: boolean
  /** Print a PDF of each brief. @default true */
  pdf?: boolean
  /** PDFs printed at once. @default one per core, at most 4 */
  concurrency?: number
  /** Ignore the build cache: compile every brief and print every PDF anew (and refill the cache). @default false */
  force?: boolean
  /**
   * Build only this machine's share of the briefs, into a shard folder for `merge` (see docs/shards.md).
   * @default undefined: the whole site
   */
  shard?: Shard
  /** Told as each PDF starts printing and when it is done. */
  onProgress?: ProgressListener
  /** Told about a problem that does not stop the build (a damaged cache). */
  onWarning?: (message: string) => void
  /** Stops the run when aborted (Ctrl-C): the browser closes, nothing is written, the out dir stays as it was. */
  signal?: AbortSignal
  /** dev: port on 127.0.0.1; when taken, the next free one of the following nine. 0: any free port. @default 4173 */
  port?: number
  /** dev: open the site in the default browser. @default false */
  open?: boolean
  /** dev: milliseconds after the last successful HTML build before the PDF pass. @default 1500 */
  pdfDelay?: number
  /** dev: milliseconds a burst of file events must be quiet before a build (at least 60). @default 75 */
  debounce?: number
  /** dev: where progress lines go. @default stderr */
  log?: (line: string) => void
}

/** Every option of a run with its value: nothing downstream checks whether one was set. */
export interface ResolvedRunOptions {
  /** Absolute. */
  contentDir: string
  /** Absolute. */
  outDir: string
  write: boolean
  draft: boolean
  /** The level of every lint rule for this run (by `draft`); site.yaml's `lint:` overrides them. */
  lintDefaults: Readonly<Record<LintRule, LintLevel>>
  pagesOnly: boolean
  pdf: boolean
  concurrency: number
  force: boolean
  shard: Shard | undefined
  onProgress: ProgressListener
  onWarning: (message: string) => void
  signal: AbortSignal | undefined
  port: number
  open: boolean
  pdfDelay: number
  debounce: number
  log: (line: string) => void
}

/** The one place where the defaults of build, check and dev are filled in (as Vite's `resolveConfig`). */
export function resolveRunOptions(options: RunOptions = {}): ResolvedRunOptions {
  const write = options.write ?? true
  const draft = options.draft ?? !write
  return {
    contentDir: path.resolve(options.contentDir ?? 'content'),
    outDir: path.resolve(options.outDir ?? (options.shard ? defaultShardDir(options.shard) : 'dist')),
    write,
    draft,
    lintDefaults: draft ? { ...lintDefaults, ...draftLintDefaults } : lintDefaults,
    pagesOnly: options.pagesOnly ?? false,
    pdf: options.pdf ?? true,
    concurrency: options.concurrency ?? defaultConcurrency(),
    force: options.force ?? false,
    shard: options.shard,
    onProgress: options.onProgress ?? (() => undefined),
    onWarning: options.onWarning ?? (() => undefined),
    signal: options.signal,
    port: options.port ?? 4173,
    open: options.open ?? false,
    pdfDelay: options.pdfDelay ?? 1500,
    debounce: options.debounce ?? 75,
    log: options.log ?? ((line) => console.error(line)),
  }
}
