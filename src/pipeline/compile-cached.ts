import path from 'node:path'
import type { VFile } from 'vfile'
import { readLocale } from '../citations/styles.ts'
import type { ResolvedConfig } from '../config/resolve.ts'
import type { BriefSource } from '../content/load-brief.ts'
import { type BuildCache, cacheKey } from '../core/cache.ts'
import type { CompiledBrief } from '../core/compiled.ts'
import { resolveInside } from '../core/confined.ts'
import { type CompileOptions, compileBrief, fileHash } from './compile-brief.ts'
import { briefStyle } from './style.ts'

/** A message compiling left on one of the brief's files, kept to be told again on a cache hit. */
interface CachedMessage {
  path: string
  reason: string
  line: number | undefined
  column: number | undefined
  fatal: boolean | undefined
  ruleId: string | undefined
  note: string | undefined
}

interface Entry {
  brief: CompiledBrief
  messages: CachedMessage[]
}

/**
 * Compile a brief, or take it from the cache when nothing it is compiled from changed: its files
 * (brief.md, arguments, conclusion, bibliography, chart specs and data), its citation style and locales, site.yaml, the
 * theme's words and briefkit's code. The warnings compiling gave are kept with it and told
 * again. A brief with errors is never cached.
 */
export function compileCached(
  source: BriefSource,
  files: readonly VFile[],
  config: ResolvedConfig,
  siteFile: VFile,
  options: CompileOptions,
  cache: BuildCache,
): { brief: CompiledBrief | undefined; cached: boolean } {
  const key = briefKey(source, files, config, siteFile, options)
  const hit = cache.readJson('briefs', key, isEntry)
  // Note: an image is reused only while its path still leads to itself inside the content folder (not since replaced by a symlink).
  if (
    hit?.brief.assets.every((asset) => {
      const now = resolveInside(config.contentDir, asset.from)
      return now.ok && now.path === asset.from
    }) &&
    hit.brief.inputs.every((input) => fileHash(input.path) === input.hash)
  ) {
    for (const m of hit.messages) tell(files, m)
    return { brief: hit.brief, cached: true }
  }
  const before = new Map(files.map((f) => [f, f.messages.length]))
  const brief = compileBrief(source, config, options)
  if (brief) {
    const messages = files.flatMap((f) =>
      f.messages.slice(before.get(f) ?? 0).map((m) => ({
        path: f.path,
        reason: m.reason,
        line: m.line,
        column: m.column,
        fatal: m.fatal ?? undefined,
        ruleId: m.ruleId,
        note: m.note,
      })),
    )
    cache.writeJson('briefs', key, { brief, messages } satisfies Entry)
  }
  return { brief, cached: false }
}

/** The cache key of a compiled brief: a hash of everything compiling it reads. */
export function briefKey(
  source: BriefSource,
  files: readonly VFile[],
  config: ResolvedConfig,
  siteFile: VFile,
  options: CompileOptions,
): string {
  const { spec, style } = briefStyle(source, config)
  const lang = source.brief.meta.lang
  return cacheKey([
    JSON.stringify(options),
    // Note: the levels, not only site.yaml: a draft (check) warns where a build refuses, and a warning is cached.
    JSON.stringify(config.lint),
    String(siteFile.value ?? ''),
    ...files.flatMap((f) => [path.relative(config.contentDir, f.path), String(f.value ?? '')]),
    spec,
    style?.xml ?? '',
    readLocale(lang) ?? '',
    readLocale('en') ?? '',
  ])
}

function tell(files: readonly VFile[], m: CachedMessage): void {
  const file = files.find((f) => f.path === m.path)
  if (!file) return
  const place = m.line === undefined ? undefined : { line: m.line, column: m.column ?? 1 }
  const message = file.message(m.reason, { place, ...(m.ruleId ? { ruleId: m.ruleId } : {}), source: 'briefkit' })
  message.fatal = m.fatal
  if (m.note) message.note = m.note
}

// Note: entries are written by this version only (the version is in the key); the check catches
// files that were cut short or edited by hand.
function isEntry(value: unknown): value is Entry {
  const entry = value as Partial<Entry> | null
  return (
    typeof entry === 'object' &&
    entry !== null &&
    Array.isArray(entry.messages) &&
    typeof entry.brief?.slug === 'string' &&
    Array.isArray(entry.brief.arguments) &&
    Array.isArray(entry.brief.assets)
  )
}
