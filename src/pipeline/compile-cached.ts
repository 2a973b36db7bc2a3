import { VFile } from 'vfile'
import type { ResolvedConfig } from '../config/resolve.ts'
import { briefState, fileState, textState } from '../content/brief-state.ts'
import type { BriefLocation } from '../content/discover.ts'
import { type BriefSource, loadBrief } from '../content/load-brief.ts'
import { cachedParser, mdastKey } from '../content/parse.ts'
import { type BuildCache, cacheKey } from '../core/cache.ts'
import type { CompiledBrief } from '../core/compiled.ts'
import { resolveInside } from '../core/confined.ts'
import { hasErrors } from '../reporting/messages.ts'
import { timed } from '../reporting/timings.ts'
import { type CompileOptions, compileBrief, fileHash } from './compile-brief.ts'
import { type StyleMeta, styleKey } from './style.ts'

/** A message loading or compiling left on one of the brief's files, kept to be told again on a cache hit. */
interface CachedMessage {
  reason: string
  line: number | undefined
  column: number | undefined
  fatal: boolean | undefined
  ruleId: string | undefined
  note: string | undefined
}

interface Entry {
  brief: CompiledBrief
  /** Each file that got messages, in the order they were read, with its messages in their order. */
  files: Array<{ path: string; messages: CachedMessage[] }>
  /** Files read that the key does not cover (a bibliography brief.md names), by `fileState`. */
  reads: Array<{ path: string; state: string }>
  /** The citation style and locales it was compiled with (`styleKey`). */
  style: string
  /** The cache keys of its markdown trees, kept while the brief is (a later edit parses only what changed). */
  trees: string[]
}

/** One edition of a brief as a build gets it. */
export interface CachedCompile {
  /** Undefined when it has errors, or brief.md could not be read. */
  brief: CompiledBrief | undefined
  /** Its files, carrying the messages of loading and compiling (from the cache: only those with messages). */
  files: VFile[]
  /** Whether it came from the cache. */
  cached: boolean
}

/**
 * A build's compiler of briefs through the cache. A brief is looked up by what it is read from
 * before anything is parsed (`briefState`: brief.md, the arguments, conclusion.md, the bibliography;
 * with site.yaml, the lint levels and `options`); a hit is taken while the bibliography brief.md
 * names, its chart specs and data, its images, and its citation style and locales are unchanged.
 * A hit tells again every message loading and compiling gave; a brief with errors is never cached.
 */
export function cachedCompiler(
  config: ResolvedConfig,
  siteFile: VFile,
  options: CompileOptions,
  cache: BuildCache,
): (location: BriefLocation) => CachedCompile {
  const parse = cachedParser(cache)
  // Note: briefs share a few styles; each is read and hashed once a build.
  const styles = new Map<string, string>()
  const styleOf = (meta: StyleMeta, dir: string) => {
    const id = `${meta.lang}\n${meta.csl === undefined ? '' : `${meta.csl}\n${dir}`}`
    const known = styles.get(id)
    if (known !== undefined) return known
    const key = styleKey(meta, dir, config)
    styles.set(id, key)
    return key
  }
  const settings = compileSettings(config, siteFile, options)
  return (location) => {
    const state = timed('load', () => briefState(location, config.contentDir))
    const key = cacheKey([...settings, ...state.parts])
    const hit = timed('compile', () => {
      const entry = cache.readJson('briefs', key, isEntry)
      return entry && isCurrent(entry, location, config, styleOf) ? entry : undefined
    })
    if (hit) {
      for (const tree of hit.trees) cache.keep('mdast', tree)
      return { brief: hit.brief, files: hit.files.map(told), cached: true }
    }
    const { source, files } = timed('load', () => loadBrief(location, config, parse))
    if (!source) return { brief: undefined, files, cached: false }
    const brief = timed('compile', () => compileBrief(source, config, options))
    if (!brief || hasErrors(files)) return { brief, files, cached: false }
    // Note: not when a file changed while it was read and compiled: the entry would be filed under the old text.
    const now = timed('load', () => briefState(location, config.contentDir))
    if (cacheKey([...settings, ...now.parts]) === key) {
      timed('compile', () => cache.writeJson('briefs', key, entry(brief, source, files, state.paths)))
    }
    return { brief, files, cached: false }
  }

  function entry(brief: CompiledBrief, source: BriefSource, files: readonly VFile[], keyed: Set<string>): Entry {
    return {
      brief,
      files: files.filter((f) => f.messages.length > 0).map(kept),
      reads: files
        .filter((f) => !keyed.has(f.path))
        .map((f) => ({ path: f.path, state: textState(String(f.value ?? '')) })),
      style: styleOf(source.brief.meta, source.location.dir),
      trees: markdownFiles(source).map((f) => mdastKey(String(f.value ?? ''))),
    }
  }
}

/** The cache key of a compiled brief: a hash of what it is read from (`briefState`) and how it is compiled. */
export function briefKey(
  location: BriefLocation,
  config: ResolvedConfig,
  siteFile: VFile,
  options: CompileOptions,
): string {
  return cacheKey([...compileSettings(config, siteFile, options), ...briefState(location, config.contentDir).parts])
}

/** What every brief of a build is compiled with, as parts of its key. */
function compileSettings(config: ResolvedConfig, siteFile: VFile, options: CompileOptions): string[] {
  return [
    JSON.stringify(options),
    // Note: the levels, not only site.yaml: a draft (check) warns where a build refuses, and a warning is cached.
    JSON.stringify(config.lint),
    String(siteFile.value ?? ''),
  ]
}

/** Whether what an entry was compiled from besides its key is unchanged. */
function isCurrent(
  entry: Entry,
  location: BriefLocation,
  config: ResolvedConfig,
  styleOf: (meta: StyleMeta, dir: string) => string,
): boolean {
  return (
    // Note: an image is reused only while its path still leads to itself inside the content folder (not since replaced by a symlink).
    entry.brief.assets.every((asset) => {
      const now = resolveInside(config.contentDir, asset.from)
      return now.ok && now.path === asset.from
    }) &&
    entry.brief.inputs.every((input) => fileHash(input.path) === input.hash) &&
    entry.reads.every((read) => fileState(read.path, config.contentDir) === read.state) &&
    styleOf(entry.brief.meta, location.dir) === entry.style
  )
}

function markdownFiles(source: BriefSource): VFile[] {
  return [
    source.brief.file,
    ...source.arguments.map((doc) => doc.file),
    ...(source.conclusion ? [source.conclusion.file] : []),
  ]
}

function kept(file: VFile): Entry['files'][number] {
  return {
    path: file.path,
    messages: file.messages.map((m) => ({
      reason: m.reason,
      line: m.line,
      column: m.column,
      fatal: m.fatal ?? undefined,
      ruleId: m.ruleId,
      note: m.note,
    })),
  }
}

function told({ path, messages }: Entry['files'][number]): VFile {
  const file = new VFile({ path })
  for (const m of messages) {
    const place = m.line === undefined ? undefined : { line: m.line, column: m.column ?? 1 }
    const message = file.message(m.reason, { place, ...(m.ruleId ? { ruleId: m.ruleId } : {}), source: 'briefkit' })
    message.fatal = m.fatal
    if (m.note) message.note = m.note
  }
  return file
}

// Note: entries are written by this version only (the version is in the key); the check catches
// files that were cut short or edited by hand.
function isEntry(value: unknown): value is Entry {
  const entry = value as Partial<Entry> | null
  return (
    typeof entry === 'object' &&
    entry !== null &&
    Array.isArray(entry.files) &&
    Array.isArray(entry.reads) &&
    Array.isArray(entry.trees) &&
    typeof entry.style === 'string' &&
    typeof entry.brief?.slug === 'string' &&
    typeof entry.brief.meta?.lang === 'string' &&
    Array.isArray(entry.brief.arguments) &&
    Array.isArray(entry.brief.assets) &&
    Array.isArray(entry.brief.inputs)
  )
}
