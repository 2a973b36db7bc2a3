import { setImmediate } from 'node:timers/promises'
import type { VFile } from 'vfile'
import { loadConfig, type ResolvedConfig } from '../config/resolve.ts'
import { discoverBriefs } from '../content/discover.ts'
import { BuildCache, cacheDirFor } from '../core/cache.ts'
import type { CompiledBrief } from '../core/compiled.ts'
import { cachedCompiler } from '../pipeline/compile-cached.ts'
import { timed } from '../reporting/timings.ts'
import type { ResolvedRunOptions } from './options.ts'
import { inShard } from './shards.ts'

/** A site read and compiled, before anything is rendered. */
export interface CompiledSite {
  /** Undefined when site.yaml has errors. */
  config: ResolvedConfig | undefined
  briefs: CompiledBrief[]
  /** Where each brief is in the order briefs are found (the order of the whole site's, for a shard's). */
  order: number[]
  /** The files read, carrying their messages (the problems of this stage); of a brief from the cache, those with messages. */
  problems: VFile[]
  /** The build cache, once site.yaml could be read. */
  cache: BuildCache | undefined
  /** How many briefs came from the cache, unchanged. */
  cachedBriefs: number
}

/** What compiling takes from the run's options. */
type CompileRun = Pick<ResolvedRunOptions, 'contentDir' | 'pdf' | 'force' | 'onWarning' | 'lintDefaults'> &
  Partial<Pick<ResolvedRunOptions, 'shard' | 'signal'>>

/**
 * Read, check and compile every brief of a content folder (of its shard, with `shard`). Problems are
 * messages on `problems`. A brief whose sources did not change since the last build comes from the
 * build cache (unless `force`), without being parsed (`cachedCompiler`). Between briefs it lets the process take its events, so a build of a
 * thousand briefs stops at once on Ctrl-C or SIGTERM (`signal`) instead of after compiling them all.
 */
export async function compileSite(run: CompileRun): Promise<CompiledSite> {
  const steps = compiling(run)
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value
    await setImmediate()
    run.signal?.throwIfAborted()
  }
}

/** `compileSite` in one go, holding the process until it is done (for tests and benches). */
export function compileSiteSync(run: CompileRun): CompiledSite {
  const steps = compiling(run)
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value
}

/** Compile the site, pausing (yielding) after each brief. */
function* compiling(run: CompileRun): Generator<void, CompiledSite> {
  const { file: siteFile, config: site } = loadConfig(run.contentDir)
  // Note: the run's levels (a draft's are lower) under site.yaml's; from here on, config.lint names every rule.
  const config = site && { ...site, lint: { ...run.lintDefaults, ...site.lint } }
  const problems: VFile[] = [siteFile]
  if (!config) return { config, briefs: [], order: [], problems, cache: undefined, cachedBriefs: 0 }
  const cache = new BuildCache(cacheDirFor(run.contentDir, config.cacheDir), run.onWarning, run.force)
  const { briefs: locations, problems: found } = timed('load', () => discoverBriefs(config))
  problems.push(...found)
  const compile = cachedCompiler(config, siteFile, { pdf: run.pdf }, cache)
  const briefs: CompiledBrief[] = []
  const order: number[] = []
  let cachedBriefs = 0
  for (const [index, location] of locations.entries()) {
    if (!inShard(location.slug, run.shard)) continue
    const { brief, files, cached } = compile(location)
    problems.push(...files)
    if (brief) {
      briefs.push(brief)
      order.push(index)
    }
    if (cached) cachedBriefs++
    yield
  }
  return { config, briefs, order, problems, cache, cachedBriefs }
}
