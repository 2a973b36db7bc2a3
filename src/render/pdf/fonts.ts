import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import subsetFont from 'subset-font'
import type { PrintFont } from '../html/theme.ts'
import { cssString } from '../css.ts'

/** A subset of one print font, ready to be written next to a print page. */
export interface FontSubset {
  font: PrintFont
  /** File name, unique for the font and the characters kept. */
  name: string
  data: Uint8Array
}

// Note: the ASCII letters, digits and signs are always kept, for page numbers and anything the
// print stylesheet adds.
const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('')

/**
 * The theme's print fonts, each file read once. A PDF embeds subsets of them holding only the
 * characters it uses: one font per family and weight instead of dozens of web font slices, which
 * is what makes Chromium load and print quickly. Subsets are remembered by their characters, so
 * documents with the same characters share them.
 */
export class PrintFonts {
  private readonly subsets = new Map<string, Promise<FontSubset[]>>()

  private constructor(private readonly fonts: ReadonlyArray<{ font: PrintFont; data: Buffer }>) {}

  static async load(fonts: readonly PrintFont[]): Promise<PrintFonts> {
    return new PrintFonts(await Promise.all(fonts.map(async (font) => ({ font, data: await fs.readFile(font.file) }))))
  }

  /** Every code point some print font has a glyph for. */
  async coverage(): Promise<Set<number>> {
    const hb = await import('harfbuzzjs')
    const covered = new Set<number>()
    for (const { data } of this.fonts) {
      const face = new hb.Face(new hb.Blob(data))
      for (const cp of face.collectUnicodes()) covered.add(cp)
    }
    return covered
  }

  /** Subsets of every print font with the characters of `text` (and ASCII). */
  subset(text: string): Promise<FontSubset[]> {
    const chars = [...new Set(ascii + text)].sort().join('')
    const key = createHash('sha256').update(chars).digest('hex').slice(0, 16)
    let subsets = this.subsets.get(key)
    if (!subsets) {
      subsets = Promise.all(this.fonts.map(async ({ font, data }) => ({
        font,
        name: `${path.basename(font.file).replace(/\.[^.]+$/, '')}-${key}.ttf`,
        data: await subsetFont(data, chars, { targetFormat: 'truetype' }),
      })))
      this.subsets.set(key, subsets)
    }
    return subsets
  }
}

/** `@font-face` rules for subsets written to `dir` (a URL relative to the stylesheet). */
export function fontFaces(subsets: readonly FontSubset[], dir: string): string {
  return subsets
    .map(({ font, name }) =>
      `@font-face { font-family: ${cssString(font.family)}; font-weight: ${font.weight}; font-style: ${font.style}; ` +
      `src: url(${cssString(`${dir}/${name}`)}) format("truetype"); }\n`)
    .join('')
}
