import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import findCacheDirectory from 'find-cache-dir'

const version = (
  JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version

/**
 * briefkit's version and a stamp of its code (each source file's size and time), so that outputs
 * made by other code, an upgrade or a change to briefkit itself, are never taken for current.
 */
const codeStamp = (() => {
  const src = fileURLToPath(new URL('..', import.meta.url))
  const hash = createHash('sha256').update(version)
  for (const entry of fs.readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const { size, mtimeMs } = fs.statSync(file)
    hash.update(`${path.relative(src, file)} ${size} ${mtimeMs}\n`)
  }
  return hash.digest('hex')
})()

/** A cache key: a hash of everything an output is made from, and of briefkit's code. */
export function cacheKey(parts: readonly string[]): string {
  const hash = createHash('sha256').update(`briefkit ${codeStamp}\n`)
  for (const part of parts) hash.update(`${part.length}:${part}`)
  return hash.digest('hex')
}

/**
 * Where a site's build cache lives: `cache:` in site.yaml, else `node_modules/.cache/briefkit`
 * of the project holding the content, else the system's temporary folder. Each content folder
 * gets its own folder inside, so two sites never share entries.
 */
export function cacheDirFor(contentDir: string, configured: string | undefined): string {
  const root =
    configured ?? findCacheDirectory({ name: 'briefkit', cwd: contentDir }) ?? path.join(os.tmpdir(), 'briefkit-cache')
  return path.join(root, createHash('sha256').update(path.resolve(contentDir)).digest('hex').slice(0, 16))
}

// Note: the suffix of a file entry's checksum, kept beside it.
const checksum = '.sha256'

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/**
 * Each kind of cache entry, and the part of a build that uses it: a build that ran a part removes
 * the entries of its kinds that it did not use (see `prune`).
 */
export const cacheKinds = {
  /** Compiled briefs (pipeline/compile-cached.ts). */
  briefs: 'compile',
  /** Parsed markdown trees (content/parse.ts). */
  mdast: 'compile',
  /** The site's woff2 font subsets (site/fonts.ts): every build that writes pages makes them. */
  webfonts: 'compile',
  /** The characters each page shows, by its HTML, for the web fonts (site/fonts.ts). */
  shown: 'compile',
  /** The ids of each page a link names with a `#fragment`, by its HTML (lint/links.ts). */
  ids: 'compile',
  /** Argument maps as drawn for a page, by everything they are drawn from (render/map/draw.ts). */
  maps: 'compile',
  /** Brief, print and card pages as their layouts rendered them, by layout, context and templates (render/html/layout.ts). */
  pages: 'compile',
  /** Each brief's references as the sources page lists them, by their HTML (render/html/cited-works.ts). */
  sources: 'compile',
  /** The search index of the pages (site/search.ts). */
  search: 'index',
  /** Printed PDFs (render/pdf/print-briefs.ts). */
  pdfs: 'print',
  /** Painted social preview images (render/pdf/cards.ts). */
  cards: 'print',
  /** Where each section of a PDF was last printed. */
  layout: 'print',
  /** What the print fonts can draw. */
  coverage: 'print',
  /**
   * The print fonts' TrueType subsets, by font file, characters and subsetter, and which ones each PDF and
   * card embeds, so that those of one taken from the cache are kept for when it is printed again (render/pdf/fonts.ts).
   */
  subsets: 'print',
  /** The characters of each print page, for the glyph check. */
  characters: 'print',
} as const

/** A kind of cache entry. */
export type CacheKind = keyof typeof cacheKinds
/** A part of a build that keeps entries in the cache. */
export type CacheStage = (typeof cacheKinds)[CacheKind]

/** How long the cache of a content folder no build uses is kept. */
const unusedFor = 30 * 24 * 60 * 60 * 1000

/**
 * A build's cache: entries by kind (`cacheKinds`) and key, in files on disk. An entry that
 * cannot be read as what it should be is discarded with a warning, never trusted. The cache keeps
 * what the latest build used: `prune` removes the rest.
 */
export class BuildCache {
  private readonly used = new Set<string>()

  /**
   * @param fresh Read nothing (`--force`): every output is made anew, and the cache refilled.
   */
  constructor(
    readonly dir: string,
    private readonly warn: (message: string) => void,
    private readonly fresh = false,
  ) {}

  /** A JSON entry, or undefined when there is none or it is damaged (then it is removed). */
  readJson<T>(kind: CacheKind, key: string, valid: (value: unknown) => value is T): T | undefined {
    const file = this.entry(kind, `${key}.json`)
    if (this.fresh) return undefined
    let text: string
    try {
      text = fs.readFileSync(file, 'utf8')
    } catch {
      return undefined
    }
    try {
      const value: unknown = JSON.parse(text)
      if (valid(value)) return value
    } catch {
      // Note: handled below, as for any other unusable entry.
    }
    this.discard(file)
    return undefined
  }

  /** Store a JSON entry. */
  writeJson(kind: CacheKind, key: string, value: unknown): void {
    this.write(this.entry(kind, `${key}.json`), JSON.stringify(value))
  }

  /**
   * The path of a file entry when it exists, its bytes are those it was stored with (their
   * SHA-256 is kept beside it) and `valid` accepts them; one changed since, or damaged, is removed.
   * Copy it, never link it (see `reuseFile`).
   */
  readFile(kind: CacheKind, name: string, valid: (data: Buffer) => boolean): string | undefined {
    const file = this.entry(kind, name)
    const sum = this.entry(kind, `${name}${checksum}`)
    if (this.fresh || !fs.existsSync(file)) return undefined
    const data = fs.readFileSync(file)
    const stored = fs.existsSync(sum) ? fs.readFileSync(sum, 'utf8').trim() : undefined
    if (stored !== sha256(data)) {
      this.discard(file, 'is damaged (its bytes are not those it was stored with)', sum)
      return undefined
    }
    if (valid(data)) return file
    this.discard(file, 'is damaged', sum)
    return undefined
  }

  /** Store a file entry, and its checksum beside it; returns its path. */
  writeFile(kind: CacheKind, name: string, data: string | Uint8Array): string {
    const file = this.entry(kind, name)
    this.write(file, data)
    // Note: after the entry, so that an entry written half-way has no checksum and is never trusted.
    this.write(
      this.entry(kind, `${name}${checksum}`),
      `${sha256(typeof data === 'string' ? Buffer.from(data) : data)}\n`,
    )
    return file
  }

  /** A folder entry's path (marked used); whether it is complete is the caller's to know. */
  folder(kind: CacheKind, name: string): string {
    return this.entry(kind, name)
  }

  /** Keep a JSON entry this build did not read (`prune` spares it). */
  keep(kind: CacheKind, key: string): void {
    this.entry(kind, `${key}.json`)
  }

  /** Keep a file entry this build did not read, and its checksum (`prune` spares them). */
  keepFile(kind: CacheKind, name: string): void {
    this.entry(kind, name)
    this.entry(kind, `${name}${checksum}`)
  }

  /**
   * Remove every entry of the kinds these parts of a build use that this build did not use, and the
   * caches of content folders no build has used for a month (their folders' times say when one last did).
   */
  prune(stages: readonly CacheStage[]): void {
    const kinds = Object.entries(cacheKinds)
      .filter(([, stage]) => stages.includes(stage))
      .map(([kind]) => kind)
    const now = new Date()
    if (fs.existsSync(this.dir)) fs.utimesSync(this.dir, now, now)
    const root = path.dirname(this.dir)
    for (const other of fs.existsSync(root) ? fs.readdirSync(root, { withFileTypes: true }) : []) {
      const dir = path.join(root, other.name)
      // Note: only folders named as cacheDirFor names them: `cache:` may point into a folder with other things.
      if (!other.isDirectory() || dir === this.dir || !/^[0-9a-f]{16}$/.test(other.name)) continue
      if (fs.statSync(dir).mtimeMs < now.getTime() - unusedFor) fs.rmSync(dir, { recursive: true, force: true })
    }
    for (const kind of kinds) {
      const dir = path.join(this.dir, kind)
      if (!fs.existsSync(dir)) continue
      for (const name of fs.readdirSync(dir)) {
        const file = path.join(dir, name)
        if (!this.used.has(file)) fs.rmSync(file, { recursive: true, force: true })
      }
    }
  }

  private entry(kind: CacheKind, name: string): string {
    const file = path.join(this.dir, kind, name)
    this.used.add(file)
    return file
  }

  private discard(file: string, problem = 'is damaged', ...beside: string[]): void {
    this.warn(`the cache entry ${file} ${problem}; it was removed and its output is made anew`)
    for (const f of [file, ...beside]) fs.rmSync(f, { recursive: true, force: true })
  }

  // Note: written beside and renamed, so a build that stops half-way never leaves half an entry.
  private write(file: string, data: string | Uint8Array): void {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const temporary = `${file}.${process.pid}.tmp`
    fs.writeFileSync(temporary, data)
    fs.renameSync(temporary, file)
  }
}
