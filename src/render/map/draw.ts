import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { toHtml } from 'hast-util-to-html'
import type { ArgumentMap } from '../../core/argument-map.ts'
import { type BuildCache, cacheKey } from '../../core/cache.ts'
import type { ThemeFont } from '../../theme/theme.ts'
import { fontFamilyList } from '../text/font-family.ts'
import { loadMeasure } from '../text/measure.ts'
import { toDot } from './dot.ts'
import { mapFigure, mapLabel } from './figure.ts'
import { layoutDot } from './layout.ts'
import { sizeNodes } from './nodes.ts'
import { mapSvg } from './svg.ts'
import type { MapWords } from './words.ts'

/** Options of drawMap. */
export interface DrawMapOptions {
  /** The theme's fonts: labels are measured with them, and the SVG names their families. */
  fonts: readonly ThemeFont[]
  /** The language of the page the map is in. */
  lang: string
  /** The theme's words for the map in that language. */
  words: MapWords
  /**
   * Prefix of the ids in the map (its `<title>` and `<desc>`), unique in the page.
   * @default 'argument-map-svg'
   */
  id?: string
  /** Keeps each drawing by everything it is drawn from, so an unchanged map is not laid out again. */
  cache?: BuildCache | undefined
}

/**
 * A brief's argument map as HTML for its page: an inline `<svg>` laid out by Graphviz's `dot`
 * (loaded on first use) with every label wrapped and measured in the theme's fonts, its key and
 * the same map as a list. No script; the same map gives the same bytes.
 */
export async function drawMap(map: ArgumentMap, options: DrawMapOptions): Promise<string> {
  const { cache } = options
  if (!cache) return draw(map, options)
  const key = drawingKey(map, options)
  const cached = cache.readJson('maps', key, (value): value is string => typeof value === 'string')
  if (cached !== undefined) return cached
  const html = await draw(map, options)
  cache.writeJson('maps', key, html)
  return html
}

async function draw(map: ArgumentMap, options: DrawMapOptions): Promise<string> {
  const id = options.id ?? 'argument-map-svg'
  const fontFamily = fontFamilyList(options.fonts, options.lang)
  const measure = await loadMeasure(options.fonts)
  const sized = sizeNodes(map, measure, fontFamily)
  const layout = await layoutDot(toDot(map, sized))
  const svg = mapSvg(map, sized, layout, { id, lang: options.lang, fontFamily, ...mapLabel(map, options.words) })
  return toHtml(mapFigure(map, options.words, svg))
}

/**
 * A drawing's cache key: the map, its page's language and words, the id, each font (its file's size
 * and time: labels are measured with it) and the Graphviz and harfbuzz that lay it out and measure it.
 */
function drawingKey(map: ArgumentMap, options: DrawMapOptions): string {
  return cacheKey([
    JSON.stringify(map),
    options.lang,
    options.id ?? '',
    JSON.stringify(options.words),
    ...options.fonts.map((font) => `${JSON.stringify(font)} ${fileStamp(font.file)}`),
    fileStamp(fileURLToPath(import.meta.resolve('@hpcc-js/wasm-graphviz'))),
    fileStamp(fileURLToPath(import.meta.resolve('harfbuzzjs'))),
  ])
}

function fileStamp(file: string): string {
  const { size, mtimeMs } = fs.statSync(file)
  return `${file} ${size} ${mtimeMs}`
}
