import type { Font } from 'harfbuzzjs'
import { readFontFile } from '../../core/font-file.ts'
import type { ThemeFont } from '../../theme/theme.ts'

/** How wide a text is, in px, set in a CSS font family list at a weight and size. */
export type MeasureText = (text: string, fontFamily: string, fontWeight: number, fontSize: number) => number

/** The part of a text item vega measures: its font as vega's text marks carry it. */
export interface TextItem {
  font?: string
  fontWeight?: string | number
  fontSize?: number
}

interface LoadedFont {
  family: string
  weight: number
  font: Font
  upem: number
}

type Harfbuzz = typeof import('harfbuzzjs')

// Note: a font file is parsed once per process; a site's pages and charts share it.
const loaded = new Map<string, Promise<{ font: Font; upem: number }>>()

/**
 * A text measure with the theme's own fonts through harfbuzz, as a browser would set the text:
 * each character in the first font of the family list (at the nearest weight) that has it,
 * each run of one font shaped on its own. Loads harfbuzz and the fonts on first use.
 */
export async function loadMeasure(fonts: readonly ThemeFont[]): Promise<MeasureText> {
  const hb = await import('harfbuzzjs')
  const faces: LoadedFont[] = await Promise.all(
    fonts
      .filter((font) => font.style === 'normal')
      .map(async (font) => ({ family: font.family, weight: font.weight, ...(await loadFont(hb, font.file)) })),
  )
  const widths = new Map<string, number>()
  return (text, fontFamily, fontWeight, fontSize) => {
    const key = `${fontFamily}\u0000${fontWeight}\u0000${text}`
    let width = widths.get(key)
    if (width === undefined) {
      width = measureUnits(hb, text, choose(faces, fontFamily, fontWeight))
      widths.set(key, width)
    }
    return width * fontSize
  }
}

/** The weight of a vega text item as a number (vega writes `bold`, `normal` or a number). */
export function weightOf(item: TextItem): number {
  const weight = item.fontWeight
  if (weight === 'bold' || weight === 'bolder') return 700
  if (weight === undefined || weight === 'normal' || weight === 'lighter') return 400
  return Number(weight) || 400
}

function loadFont(hb: Harfbuzz, file: string): Promise<{ font: Font; upem: number }> {
  let font = loaded.get(file)
  if (!font) {
    font = readFontFile(file).then((data) => {
      const face = new hb.Face(new hb.Blob(data))
      return { font: new hb.Font(face), upem: face.upem }
    })
    loaded.set(file, font)
  }
  return font
}

/** The theme's fonts to try, in the order of the CSS family list, each family at its nearest weight. */
function choose(faces: readonly LoadedFont[], fontFamily: string, weight: number): LoadedFont[] {
  const families = fontFamily.split(',').map((name) => name.trim().replace(/^["']|["']$/g, ''))
  const listed = families.flatMap((family) => faces.filter((face) => face.family === family))
  // Note: a generic family (`sans-serif`) or an unknown one falls back to all of the theme's fonts.
  const candidates = [...listed, ...faces.filter((face) => !listed.includes(face))]
  const byFamily = new Map<string, LoadedFont>()
  for (const face of candidates) {
    const best = byFamily.get(face.family)
    if (!best || Math.abs(face.weight - weight) < Math.abs(best.weight - weight)) byFamily.set(face.family, face)
  }
  return [...byFamily.values()]
}

/** The width of `text` in ems: split into runs by the font that has each character, each run shaped. */
function measureUnits(hb: Harfbuzz, text: string, faces: readonly LoadedFont[]): number {
  let total = 0
  let run = ''
  let runFace: LoadedFont | undefined
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    const face = faces.find((f) => f.font.nominalGlyph(code) !== undefined) ?? runFace ?? faces[0]
    if (face !== runFace && run) {
      total += shapeRun(hb, run, runFace)
      run = ''
    }
    runFace = face
    run += char
  }
  return total + shapeRun(hb, run, runFace)
}

// Note: one buffer, emptied before each run. A buffer per run lives in harfbuzz's WASM memory until
// JavaScript's garbage collector finalizes its wrapper, and a WASM memory never shrinks: a cold build of
// a thousand briefs' argument maps grew it by hundreds of megabytes.
let shared: { hb: Harfbuzz; buffer: InstanceType<Harfbuzz['Buffer']> } | undefined

function shapeRun(hb: Harfbuzz, text: string, face: LoadedFont | undefined): number {
  // Note: with no font at all, vega's own estimate (0.8 em a character) is all there is.
  if (!face) return 0.8 * [...text].length
  if (!text) return 0
  if (shared?.hb !== hb) shared = { hb, buffer: new hb.Buffer() }
  const { buffer } = shared
  buffer.reset()
  buffer.addText(text)
  buffer.guessSegmentProperties()
  hb.shape(face.font, buffer)
  let advance = 0
  for (const position of buffer.getGlyphPositions()) advance += position.xAdvance
  return advance / face.upem
}
