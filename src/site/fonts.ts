import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import { decodeNamedCharacterReference } from 'decode-named-character-reference'
import { type BuildCache, cacheKey } from '../core/cache.ts'
import { printableAscii, subsetCharacters } from '../core/characters.ts'
import { cssString } from '../core/css.ts'
import { readFontFile } from '../core/font-file.ts'
import type { OutputFile } from '../core/output.ts'
import { fontsStylesheetPath } from '../core/paths.ts'
import type { ThemeFont } from '../theme/theme.ts'

// Note: attributes whose text a reader sees (alt text when an image fails, tooltips, placeholders).
const shownAttributes = /\s(?:alt|title|placeholder|data-placeholder)="([^"]*)"/g

/**
 * The characters a site shows: the text of every page, the attributes a reader sees and `more`
 * (the theme's words), each once, sorted: the same site gives the same string. With `cache`, each
 * page's characters are kept by its HTML, so only new or changed pages are parsed.
 */
export function siteCharacters(
  pages: ReadonlyArray<{ html: string }>,
  more: readonly string[] = [],
  cache?: BuildCache,
): string {
  const chars = new Set(printableAscii)
  const add = (text: string) => {
    for (const char of text) chars.add(char)
  }
  for (const { html } of pages) add(cache ? cachedCharacters(html, cache) : pageCharacters(html))
  for (const text of more) add(text)
  return [...chars].sort().join('')
}

/**
 * The characters one page shows (its text and the attributes a reader sees), each once, in order:
 * the page without its tags and comments, character references decoded. Read without building a
 * tree, which took most of the web fonts' time in a cold build of a thousand briefs; a `<` in a
 * script could hide some of the script's own text, which no reader sees.
 */
export function pageCharacters(html: string): string {
  const chars = new Set<string>()
  const add = (text: string) => {
    for (const char of decodeReferences(text)) chars.add(char)
  }
  add(html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' '))
  for (const match of html.matchAll(shownAttributes)) add(match[1] ?? '')
  return [...chars].join('')
}

/** Text with its character references (`&amp;`, `&#x4E00;`, `&nbsp;`) as the characters they stand for. */
function decodeReferences(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    const decoded = decodeNamedCharacterReference(name)
    return decoded === false ? whole : decoded
  })
}

function cachedCharacters(html: string, cache: BuildCache): string {
  const key = cacheKey([html])
  const cached = cache.readJson('shown', key, (value): value is string => typeof value === 'string')
  if (cached !== undefined) return cached
  const characters = pageCharacters(html)
  cache.writeJson('shown', key, characters)
  return characters
}

/** Options of `webFonts`. */
export interface WebFontsOptions {
  /**
   * A pass another will follow (`briefkit dev`'s HTML pass): a font whose woff2 subset for these
   * characters is not in the cache gets a TrueType one, ten times quicker to make (compressing a
   * Chinese woff2 takes 1–2 s), with the same glyphs; the following pass makes the woff2.
   * @default false
   */
  quick?: boolean
}

/** A subset's container: woff2 for the site, TrueType while `quick`. */
type Format = 'woff2' | 'truetype'

/**
 * The site's web fonts: a woff2 subset of each theme font with the characters `text` uses
 * (`assets/fonts/<family>-<weight>-<hash>.woff2`, named by their bytes so a browser may keep them),
 * and `assets/fonts.css` with their `@font-face` rules. A subset is made from the same file the PDF
 * embeds, so the site and the PDF look alike on every machine; the cache keeps it by the font file
 * and the characters, so a build whose pages use no new character subsets nothing.
 */
export async function webFonts(
  fonts: readonly ThemeFont[],
  text: string,
  cache: BuildCache,
  options: WebFontsOptions = {},
): Promise<OutputFile[]> {
  if (fonts.length === 0) return []
  const chars = subsetCharacters(text)
  const subsets = await Promise.all(
    fonts.map(async (font) => {
      const { format, data } = await subsetOf(font, chars, cache, options.quick ?? false)
      const hash = createHash('sha256').update(data).digest('hex').slice(0, 12)
      const extension = format === 'woff2' ? 'woff2' : 'ttf'
      return { font, format, path: `assets/fonts/${fontSlug(font)}-${hash}.${extension}`, data }
    }),
  )
  const css = subsets
    .map(
      ({ font, format, path }) =>
        `@font-face { font-family: ${cssString(font.family)}; font-weight: ${font.weight}; font-style: ${font.style}; ` +
        `font-display: swap; src: url(${cssString(path.slice('assets/'.length))}) format("${format}"); }\n`,
    )
    .join('')
  return [{ path: fontsStylesheetPath, content: css }, ...subsets.map(({ path, data }) => ({ path, content: data }))]
}

/** A subset of one font with `chars`: the woff2 from the cache, else made (TrueType when `quick`). */
async function subsetOf(
  font: ThemeFont,
  chars: string,
  cache: BuildCache,
  quick: boolean,
): Promise<{ format: Format; data: Uint8Array }> {
  const { size, mtimeMs } = await fs.stat(font.file)
  const key = cacheKey([font.file, String(size), String(mtimeMs), chars])
  const formats: Format[] = quick ? ['woff2', 'truetype'] : ['woff2']
  for (const format of formats) {
    const cached = cache.readFile('webfonts', `${key}.${format}`, (data) => hasSignature(data, format))
    if (cached) return { format, data: await fs.readFile(cached) }
  }
  const format = formats.at(-1) ?? 'woff2'
  // Note: loaded only when a subset is made, so `check` (which writes no fonts) never loads it.
  const { default: subsetFont } = await import('subset-font')
  const data = await subsetFont(await readFontFile(font.file), chars, { targetFormat: format })
  cache.writeFile('webfonts', `${key}.${format}`, data)
  return { format, data }
}

// Note: a woff2 file starts with `wOF2`, a TrueType one with the version 1.0.
function hasSignature(data: Uint8Array, format: Format): boolean {
  const head = Buffer.from(data.subarray(0, 4)).toString('hex')
  return head === (format === 'woff2' ? '774f4632' : '00010000')
}

/** `noto-sans-sc-700`, `noto-serif-400-italic`. */
function fontSlug(font: ThemeFont): string {
  const family = font.family
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `${family || 'font'}-${font.weight}${font.style === 'italic' ? '-italic' : ''}`
}
