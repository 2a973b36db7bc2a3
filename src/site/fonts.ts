import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import { fromHtml } from 'hast-util-from-html'
import { toString as hastText } from 'hast-util-to-string'
import subsetFont from 'subset-font'
import { type BuildCache, cacheKey } from '../core/cache.ts'
import { cssString } from '../core/css.ts'
import type { OutputFile } from '../core/output.ts'
import { fontsStylesheetPath } from '../core/paths.ts'
import type { ThemeFont } from '../theme/theme.ts'

// Note: ASCII is always kept, for what the stylesheets add (counters, `attr(href)`) and what a reader
// types in the search box.
const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('')

// Note: attributes whose text a reader sees (alt text when an image fails, tooltips, placeholders).
const shownAttributes = /\s(?:alt|title|placeholder|data-placeholder)="([^"]*)"/g

/**
 * The characters a site shows: the text of every page, the attributes a reader sees and `more`
 * (the theme's words), each once, sorted: the same site gives the same string.
 */
export function siteCharacters(pages: ReadonlyArray<{ html: string }>, more: readonly string[] = []): string {
  const chars = new Set(ascii)
  const add = (text: string) => {
    for (const char of text) chars.add(char)
  }
  for (const { html } of pages) {
    const tree = fromHtml(html)
    add(hastText({ type: 'root', children: tree.children }))
    for (const match of html.matchAll(shownAttributes)) add(hastText(fromHtml(match[1] ?? '', { fragment: true })))
  }
  for (const text of more) add(text)
  return [...chars].sort().join('')
}

/**
 * The site's web fonts: a woff2 subset of each theme font with the characters `text` uses
 * (`assets/fonts/<family>-<weight>-<hash>.woff2`, named by their bytes so a browser may keep them),
 * and `assets/fonts.css` with their `@font-face` rules. A subset is made from the same file the PDF
 * embeds, so the site and the PDF look alike on every machine; the cache keeps it by the font file
 * and the characters, so a build whose pages use no new character subsets nothing.
 */
export async function webFonts(fonts: readonly ThemeFont[], text: string, cache: BuildCache): Promise<OutputFile[]> {
  if (fonts.length === 0) return []
  const chars = [...new Set(ascii + text)].sort().join('')
  const subsets = await Promise.all(
    fonts.map(async (font) => {
      const data = await subsetOf(font, chars, cache)
      const hash = createHash('sha256').update(data).digest('hex').slice(0, 12)
      return { font, path: `assets/fonts/${fontSlug(font)}-${hash}.woff2`, data }
    }),
  )
  const css = subsets
    .map(
      ({ font, path }) =>
        `@font-face { font-family: ${cssString(font.family)}; font-weight: ${font.weight}; font-style: ${font.style}; ` +
        `font-display: swap; src: url(${cssString(path.slice('assets/'.length))}) format("woff2"); }\n`,
    )
    .join('')
  return [{ path: fontsStylesheetPath, content: css }, ...subsets.map(({ path, data }) => ({ path, content: data }))]
}

/** A woff2 subset of one font with `chars`, from the cache when it holds one. */
async function subsetOf(font: ThemeFont, chars: string, cache: BuildCache): Promise<Uint8Array> {
  const { size, mtimeMs } = await fs.stat(font.file)
  const name = `${cacheKey([font.file, String(size), String(mtimeMs), chars])}.woff2`
  const cached = cache.readFile('webfonts', name, isWoff2)
  if (cached) return fs.readFile(cached)
  const data = await subsetFont(await fs.readFile(font.file), chars, { targetFormat: 'woff2' })
  cache.writeFile('webfonts', name, data)
  return data
}

// Note: every woff2 file starts with its signature, `wOF2`.
function isWoff2(data: Uint8Array): boolean {
  return Buffer.from(data.subarray(0, 4)).toString('latin1') === 'wOF2'
}

/** `noto-sans-sc-700`, `noto-serif-400-italic`. */
function fontSlug(font: ThemeFont): string {
  const family = font.family
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `${family || 'font'}-${font.weight}${font.style === 'italic' ? '-italic' : ''}`
}
