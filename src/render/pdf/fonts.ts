import { createHash, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { type BuildCache, cacheKey } from '../../core/cache.ts'
import { subsetCharacters } from '../../core/characters.ts'
import { cssString } from '../../core/css.ts'
import { fontFileStem, readFontFile } from '../../core/font-file.ts'
import type { ThemeFont } from '../../theme/theme.ts'
import { type Coverage, inRanges } from './coverage.ts'

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
 * documents with the same characters share them.
 */
export class PrintFonts {
  private readonly subsets = new Map<string, Promise<FontSubset[]>>()
  private data: Promise<Buffer[]> | undefined

  private constructor(private readonly fonts: readonly ThemeFont[]) {}

  /** The theme's fonts for printing; their files are read when first needed. */
  static lazy(fonts: readonly ThemeFont[]): PrintFonts {
    return new PrintFonts(fonts)
  }

  /** Whether some print font has a glyph for a code point; with a cache, fonts are read once. */
  async coverage(cache?: BuildCache): Promise<Coverage> {
    const stats = await Promise.all(this.fonts.map((f) => fs.stat(f.file)))
    const key = cacheKey(this.fonts.flatMap((f, i) => [f.file, String(stats[i]?.size), String(stats[i]?.mtimeMs)]))
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

  /** Subsets of every print font with the characters of `text` (and ASCII). */
  subset(text: string): Promise<FontSubset[]> {
    const chars = subsetCharacters(text)
    const key = createHash('sha256').update(chars).digest('hex').slice(0, 16)
    let subsets = this.subsets.get(key)
    if (!subsets) {
      // Note: the subsetter loads when a PDF is printed, so `check` does not load it.
      subsets = Promise.all([this.files(), import('subset-font')]).then(([files, { default: subsetFont }]) =>
        Promise.all(
          this.fonts.map(async (font, i) => ({
            font,
            name: `${fontFileStem(font.file)}-${key}.ttf`,
            data: await subsetFont(files[i] ?? Buffer.alloc(0), chars, { targetFormat: 'truetype' }),
          })),
        ),
      )
      this.subsets.set(key, subsets)
    }
    return subsets
  }
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
