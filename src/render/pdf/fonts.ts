import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { type BuildCache, cacheKey } from '../../core/cache.ts'
import { subsetCharacters } from '../../core/characters.ts'
import { cssString } from '../../core/css.ts'
import { fontFileStem, readFontFile } from '../../core/font-file.ts'
import type { ThemeFont } from '../../theme/theme.ts'
import { type Coverage, inRanges } from './coverage.ts'

// Note: sets of subsets held in memory with a cache: a few briefs' worth, for those printing at once.
const keptSets = 8

/** A subset of one print font, ready to be written next to a print page. */
export interface FontSubset {
  font: ThemeFont
  /** File name, unique for the font and the characters kept. */
  name: string
  data: Uint8Array
}

/**
 * The theme's fonts as the PDF uses them, each file read once. A PDF embeds subsets of them holding only the
 * characters it uses: one font per family and weight instead of dozens of web font slices, which
 * is what makes Chromium load and print quickly. Subsets are remembered by their characters, so
 * documents with the same characters share them; with a build cache, they are kept there across builds.
 */
export class PrintFonts {
  private readonly sets = new Map<string, Promise<SubsetSet>>()
  private data: Promise<Buffer[]> | undefined
  private stamps: Promise<string[]> | undefined
  private subsetter: Promise<typeof import('subset-font')> | undefined

  private constructor(
    private readonly fonts: readonly ThemeFont[],
    private readonly cache: BuildCache | undefined,
  ) {}

  /**
   * The theme's fonts for printing; their files are read when first needed. With `cache`, each subset
   * is taken from it when it holds one for the same font file, characters and subsetter, else made and stored.
   */
  static lazy(fonts: readonly ThemeFont[], cache?: BuildCache): PrintFonts {
    return new PrintFonts(fonts, cache)
  }

  /** Whether some print font has a glyph for a code point; with a cache, fonts are read once. */
  async coverage(cache?: BuildCache): Promise<Coverage> {
    const stamps = await this.fontStamps()
    const key = cacheKey(stamps)
    const ranges = cache?.readJson('coverage', key, isRanges) ?? toRanges(await this.readCoverage())
    cache?.writeJson('coverage', key, ranges)
    return inRanges(ranges)
  }

  private async readCoverage(): Promise<number[]> {
    const hb = await import('harfbuzzjs')
    const covered = new Set<number>()
    for (const data of await this.files()) {
      const face = new hb.Face(new hb.Blob(data))
      for (const cp of face.collectUnicodes()) covered.add(cp)
    }
    return [...covered].sort((a, b) => a - b)
  }

  private files(): Promise<Buffer[]> {
    this.data ??= Promise.all(this.fonts.map((font) => readFontFile(font.file)))
    return this.data
  }

  // Note: a font file is known by its path, size and time, as for the web fonts, not by a hash of its
  // bytes: a stat costs nothing, while hashing would read 25 MB of fonts in a build whose subsets
  // all come from the cache and need no font read. A reinstall changes the time: subsets made anew, never wrong ones.
  private fontStamps(): Promise<string[]> {
    this.stamps ??= Promise.all(
      this.fonts.map(async (font) => {
        const { size, mtimeMs } = await fs.stat(font.file)
        return `${font.file} ${size} ${mtimeMs}`
      }),
    )
    return this.stamps
  }

  /**
   * Subsets of every print font with the characters of `text` (and ASCII): from the cache when it holds
   * them, else made. `owner` is the cache key of the PDF or card that embeds them: the cache notes them
   * as its, so that a build taking it from the cache keeps them too (`keep`).
   */
  async subset(text: string, owner?: string): Promise<FontSubset[]> {
    const chars = subsetCharacters(text)
    const key = createHash('sha256').update(chars).digest('hex').slice(0, 16)
    let set = this.sets.get(key)
    if (!set) {
      set = this.subsetsOf(chars, key)
      // Note: with a cache, only the latest sets are held (a PDF asks for its set again when its contents
      // move, and a `--force` build reads nothing back from the cache); the rest are in the cache.
      // Holding every set until the process ended held hundreds of MB for a thousand Chinese briefs.
      const [oldest] = this.sets.keys()
      if (this.cache && this.sets.size >= keptSets && oldest !== undefined) this.sets.delete(oldest)
      this.sets.set(key, set)
    }
    const { subsets, entries } = await set
    if (owner) this.cache?.writeJson('subsets', owner, entries)
    return subsets
  }

  /**
   * Keep in the cache the subsets that a PDF or card taken from it embeds (`owner` is its cache key,
   * as given to `subset`): printing it again, after a change to the theme's stylesheet, needs them.
   */
  keep(owner: string): void {
    const entries = this.cache?.readJson('subsets', owner, isNames) ?? []
    for (const entry of entries) this.cache?.keepFile('subsets', entry)
  }

  private async subsetsOf(chars: string, key: string): Promise<SubsetSet> {
    const { cache } = this
    const stamps = cache ? await this.fontStamps() : []
    const entries = cache
      ? this.fonts.map((_, i) => `${cacheKey([stamps[i] ?? '', chars, subsetFormat, subsetterVersions()])}.ttf`)
      : []
    const subsets = await Promise.all(
      this.fonts.map(async (font, i) => {
        const name = `${fontFileStem(font.file)}-${key}.ttf`
        const entry = entries[i]
        const cached = entry ? cache?.readFile('subsets', entry, isFont) : undefined
        if (cached) return { font, name, data: await fs.readFile(cached) }
        const data = await this.make(i, chars)
        if (entry) cache?.writeFile('subsets', entry, data)
        return { font, name, data }
      }),
    )
    return { subsets, entries }
  }

  /** A subset of the `index`th font with `chars`, made by subset-font. */
  private async make(index: number, chars: string): Promise<Uint8Array> {
    // Note: the subsetter loads when a PDF is printed, so `check` does not load it.
    this.subsetter ??= import('subset-font').then((module) => module.default)
    const [files, subsetFont] = await Promise.all([this.files(), this.subsetter])
    return subsetFont(files[index] ?? Buffer.alloc(0), chars, { targetFormat: subsetFormat })
  }
}

/** The subsets of one set of characters, and their cache entries' names (none without a cache). */
interface SubsetSet {
  subsets: FontSubset[]
  entries: string[]
}

const subsetFormat = 'truetype'

let versions: string | undefined

// Note: the versions of subset-font and of the harfbuzz it runs, read once: another subsetter may cut
// other bytes from the same font. (briefkit's own code is in every cache key already.)
function subsetterVersions(): string {
  if (versions) return versions
  const require = createRequire(import.meta.url)
  const subsetter = require.resolve('subset-font/package.json')
  // Note: harfbuzzjs exports no package.json; the WebAssembly subset-font loads is in its dist/.
  const wasm = createRequire(subsetter).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')
  const harfbuzz = path.join(path.dirname(wasm), '..', 'package.json')
  versions = [subsetter, harfbuzz]
    .map((file) => {
      const { name, version } = JSON.parse(readFileSync(file, 'utf8')) as { name: string; version: string }
      return `${name} ${version}`
    })
    .join(', ')
  return versions
}

// Note: a TrueType font starts with the version 1.0 (or `true`, Apple's), an OpenType one with `OTTO`;
// an entry that does not is not a font subset-font made.
function isFont(data: Buffer): boolean {
  const head = data.subarray(0, 4).toString('latin1')
  return head === '\0\x01\0\0' || head === 'OTTO' || head === 'true'
}

function isNames(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((name) => typeof name === 'string' && /^[0-9a-f]{64}\.ttf$/.test(name))
}

/** Sorted code points as `[first, last]` runs. */
function toRanges(points: readonly number[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const cp of points) {
    const last = ranges.at(-1)
    if (last && last[1] === cp - 1) last[1] = cp
    else ranges.push([cp, cp])
  }
  return ranges
}

function isRanges(value: unknown): value is Array<[number, number]> {
  return Array.isArray(value) && value.every((r) => Array.isArray(r) && r.length === 2 && r.every(Number.isInteger))
}

/** `@font-face` rules for subsets written to `dir` (a URL relative to the stylesheet). */
export function fontFaces(subsets: readonly FontSubset[], dir: string): string {
  return subsets
    .map(
      ({ font, name }) =>
        `@font-face { font-family: ${cssString(font.family)}; font-weight: ${font.weight}; font-style: ${font.style}; ` +
        `src: url(${cssString(`${dir}/${name}`)}) format("truetype"); }\n`,
    )
    .join('')
}

const printFontsDir = '.print-fonts'

/**
 * Write font subsets into the staging out dir's shared `.print-fonts` folder and their
 * `@font-face` rules beside a page to print or paint, as `cssName`. Briefs with the same characters
 * share the files, so the browser, which keeps fonts by URL, decodes them once for all of them. Each file is written under
 * a temporary name and renamed, so a page loading it never reads half a file.
 */
export async function writeFontSubsets(
  staging: string,
  pageDir: string,
  subsets: readonly FontSubset[],
  cssName: string,
): Promise<void> {
  const shared = path.join(staging, printFontsDir)
  await fs.mkdir(shared, { recursive: true })
  await Promise.all(
    subsets.map(async ({ name, data }) => {
      const file = path.join(shared, name)
      if (existsSync(file)) return
      const partial = `${file}.${randomUUID()}.partial`
      await fs.writeFile(partial, data)
      await fs.rename(partial, file)
    }),
  )
  const url = path.relative(pageDir, shared).split(path.sep).join('/')
  await fs.writeFile(path.join(pageDir, cssName), fontFaces(subsets, url))
}

/** Remove the font subsets printing and painting wrote into the staging out dir. */
export async function removeFontSubsets(staging: string): Promise<void> {
  await fs.rm(path.join(staging, printFontsDir), { recursive: true, force: true })
}
