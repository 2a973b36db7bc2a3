import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { ResolvedConfig } from '../config/resolve.ts'
import type { CompiledBrief } from '../core/compiled.ts'
import { BriefkitError } from '../reporting/errors.ts'
import type { ResolvedRunOptions } from './options.ts'
import type { Shard } from './shards.ts'

/** The file in a shard folder that says what the shard holds and what it was made from. */
export const manifestFile = 'manifest.json'

/** Bumped whenever a shard folder's layout changes: `merge` takes only shards of its own format. */
export const manifestFormat = 1

/** What a shard folder holds: its briefs, their files, and hashes of what they were made from. */
export interface ShardManifest {
  format: number
  /** The briefkit version that built the shard. */
  briefkit: string
  shard: Shard
  /** The content folder's absolute path on the machine that built it (paths in the briefs start with it). */
  contentDir: string
  /** A hash of every file of the content folder (site.yaml, briefs, bibliographies, images). */
  content: string
  /** A hash of the theme's files and of the lint levels the briefs were checked at. */
  config: string
  /** Whether the shard printed its briefs' PDFs (without, it holds those the cache had). */
  pdf: boolean
  briefs: ShardBrief[]
}

/** One brief edition of a shard: where it is in the site's order, and its files in the shard folder. */
export interface ShardBrief {
  slug: string
  lang: string
  /** Its place among every brief of the site, as they are found (the order of pages and listings). */
  order: number
  /** The compiled brief, as JSON. */
  brief: string
  /** Its PDF and social card at their paths in the site, when it has them. */
  pdf: string | undefined
  card: string | undefined
  /** The SHA-256 of each of its files in the shard folder. */
  hashes: Record<string, string>
}

const version = (
  JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version

/** The hashes a shard's manifest records, and `merge` compares with its own. */
export function inputHashes(
  config: ResolvedConfig,
  run: Pick<ResolvedRunOptions, 'contentDir' | 'lintDefaults'>,
): Pick<ShardManifest, 'briefkit' | 'content' | 'config'> {
  // Note: a cache folder or a checkout's .git inside the content folder is not content.
  const skip = (file: string) => /(^|\/)(\.git|node_modules)(\/|$)/.test(file)
  const theme = folderHash(config.themeDir, skip)
  return {
    briefkit: version,
    content: folderHash(run.contentDir, skip),
    config: sha256(JSON.stringify({ theme, lint: run.lintDefaults })),
  }
}

/** A hash of a folder's files: each one's path (relative, with `/`) and bytes, in order of path. */
export function folderHash(dir: string, skip: (file: string) => boolean = () => false): string {
  const hash = createHash('sha256')
  const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => ({ entry: e, name: path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/') }))
    .filter(({ name }) => !skip(name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const { entry, name } of files) {
    const full = path.join(dir, name)
    const data = entry.isSymbolicLink() ? `-> ${fs.readlinkSync(full)}` : fs.readFileSync(full)
    hash.update(`${name.length}:${name}${data.length}:`).update(data)
  }
  return hash.digest('hex')
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** A shard folder read back: its manifest and its folder. */
export interface ReadShard {
  dir: string
  manifest: ShardManifest
}

/** Read a shard folder's manifest; a folder without one, or of another format, is a BriefkitError naming it. */
export function readManifest(dir: string): ReadShard {
  const file = path.join(dir, manifestFile)
  let manifest: Partial<ShardManifest>
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ShardManifest>
  } catch (error) {
    throw new BriefkitError(`\`${dir}\` is not a shard folder: its ${manifestFile} cannot be read`, {
      cause: error,
      hint: 'Give the folders `briefkit build --shard i/n` wrote (by default `dist-shard-i-of-n`).',
    })
  }
  if (manifest.format !== manifestFormat || !Array.isArray(manifest.briefs) || !manifest.shard)
    throw new BriefkitError(`\`${dir}\` is a shard of another format than this briefkit's`, {
      hint: `Build every shard and merge them with the same briefkit (this is ${version}).`,
    })
  return { dir, manifest: manifest as ShardManifest }
}

/**
 * Check that shards make one whole site: all built from the same content and config as `expected`
 * (what `merge` sees), all of `n`, each of 1..n once, no brief twice. Each problem is a BriefkitError
 * naming the shard folder.
 */
export function checkShards(
  shards: readonly ReadShard[],
  expected: Pick<ShardManifest, 'briefkit' | 'content' | 'config'>,
): void {
  const first = shards[0]
  if (!first) throw new BriefkitError('`merge` needs the shard folders to merge', { hint: mergeHint })
  const count = first.manifest.shard.count
  const seen = new Map<number, string>()
  const briefs = new Map<string, string>()
  for (const { dir, manifest } of shards) {
    const refuse = (problem: string, hint: string) => {
      throw new BriefkitError(`Shard \`${dir}\` ${problem}`, { hint })
    }
    if (manifest.briefkit !== expected.briefkit)
      refuse(
        `was built by briefkit ${manifest.briefkit}, not ${expected.briefkit}`,
        'Build the shards and merge them with the same briefkit.',
      )
    if (manifest.content !== expected.content)
      refuse(
        'was built from other content than the content folder given to merge',
        'Build every shard and merge from the same commit of the content (a shard left from an earlier run?).',
      )
    if (manifest.config !== expected.config)
      refuse(
        'was built with another theme or lint levels than the content folder given to merge has',
        'Build every shard with the same theme and options.',
      )
    if (manifest.pdf !== first.manifest.pdf)
      refuse(
        `was built ${manifest.pdf ? 'with' : 'without'} PDFs, but \`${first.dir}\` ${first.manifest.pdf ? 'with' : 'without'}`,
        'Build every shard with the same options (`--no-pdf` on all or none).',
      )
    if (manifest.shard.count !== count)
      refuse(
        `is shard ${manifest.shard.index}/${manifest.shard.count}, but \`${first.dir}\` is of ${count}`,
        'Build every shard with the same n in `--shard i/n`.',
      )
    const other = seen.get(manifest.shard.index)
    if (other !== undefined)
      refuse(`is shard ${manifest.shard.index}/${count}, as \`${other}\` is`, 'Give each shard folder once.')
    seen.set(manifest.shard.index, dir)
    for (const brief of manifest.briefs) {
      const key = `${brief.lang}/${brief.slug}`
      const holder = briefs.get(key)
      if (holder !== undefined)
        refuse(`holds the brief \`${key}\`, as \`${holder}\` does`, 'Give each shard folder once.')
      briefs.set(key, dir)
    }
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i))
  if (missing.length > 0)
    throw new BriefkitError(`Shards ${missing.map((i) => `${i}/${count}`).join(', ')} are missing`, {
      hint: `Merge all ${count} shards at once: ${mergeHint}`,
    })
}

const mergeHint = '`briefkit merge dist-shard-1-of-3 dist-shard-2-of-3 dist-shard-3-of-3 --out dist`'

/**
 * A shard's compiled brief, read back and checked against its hash; its paths, which start with the
 * content folder of the machine that built it, made to start with this one's (`contentDir`).
 */
export function readShardBrief({ dir, manifest }: ReadShard, brief: ShardBrief, contentDir: string): CompiledBrief {
  const text = readChecked(dir, brief.brief, brief.hashes)
  const from = manifest.contentDir
  return JSON.parse(text.toString('utf8'), (_key, value: unknown) =>
    typeof value === 'string' && (value === from || value.startsWith(`${from}${path.sep}`))
      ? contentDir + value.slice(from.length)
      : value,
  ) as CompiledBrief
}

/** A file of a shard folder whose bytes are those its manifest records; else a BriefkitError naming it. */
export function readChecked(dir: string, file: string, hashes: Record<string, string>): Buffer {
  const data = fs.readFileSync(path.join(dir, file))
  if (sha256(data) !== hashes[file])
    throw new BriefkitError(`Shard \`${dir}\`: \`${file}\` is not the file its manifest names (damaged or changed)`, {
      hint: 'Build that shard again.',
    })
  return data
}
