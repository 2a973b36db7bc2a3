import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { ResolvedConfig } from '../../config/resolve.ts'
import { type BuildCache, cacheKey } from '../../core/cache.ts'
import type { CompiledBrief } from '../../core/compiled.ts'
import type { Theme } from '../../theme/theme.ts'
import type { Page } from '../html/pages.ts'

/** What a PDF's cache key is made of: the site and the theme. */
type Site = { config: ResolvedConfig; theme: Theme }

/**
 * The briefs whose PDF the cache holds for exactly their print page, fonts and paper: what a build
 * without printing can still publish.
 */
export async function cachedPdfs(
  briefs: ReadonlyArray<{ brief: CompiledBrief; page: Page }>,
  site: Site,
  cache: BuildCache,
): Promise<Set<CompiledBrief>> {
  const found = new Set<CompiledBrief>()
  for (const { brief, page } of briefs) if ((await cachedPdf(page, site, cache)).cached) found.add(brief)
  return found
}

/** A print page's cache key, and the cached PDF printed from it, when there is one. */
export async function cachedPdf(page: Page, site: Site, cache: BuildCache) {
  const key = await printKey(page, site)
  return { key, cached: cache.readFile('pdfs', `${key}.pdf`, isPdf) }
}

/** Everything a brief's PDF is printed from: its print page, the theme's stylesheets, fonts, paper, when it lists its contents, and dates. */
async function printKey(page: Page, { config, theme }: Site): Promise<string> {
  const fonts = theme.fonts.map((f) => `${f.family} ${f.weight} ${f.style} ${f.file}`).join('\n')
  return cacheKey([
    page.html,
    await themeCss(theme),
    fonts,
    config.paper,
    String(config.contentsFrom),
    process.env['SOURCE_DATE_EPOCH'] ?? '',
  ])
}

/**
 * The stylesheets of the theme's assets (a theme's own before those of the theme it extends) by
 * name and text: every one a print page may link (print.css, print-figures.css), but the social
 * card's, which only the card links; with `only`, just those named.
 */
export async function themeCss(theme: Theme, only?: readonly string[]): Promise<string> {
  const files = new Map<string, string>()
  for (const dir of theme.dirs) {
    const assets = path.join(dir, 'assets')
    if (!existsSync(assets)) continue
    for (const name of (await fs.readdir(assets)).filter((n) => n.endsWith('.css')).sort()) {
      const wanted = only ? only.includes(name) : name !== cardCss
      if (wanted && !files.has(name)) files.set(name, path.join(assets, name))
    }
  }
  const texts = await Promise.all([...files].map(async ([name, file]) => `${name}\n${await fs.readFile(file, 'utf8')}`))
  return texts.join('\n')
}

// Note: a change to the card's look must not print every PDF again.
const cardCss = 'card.css'

// Note: a PDF cut short (a build killed while writing it) lacks its end-of-file marker.
function isPdf(data: Buffer): boolean {
  return data.subarray(0, 5).toString('latin1') === '%PDF-' && data.subarray(-1024).toString('latin1').includes('%%EOF')
}

/** The theme's print stylesheet, whose generated content needs glyphs too. */
export async function printCss(theme: Theme): Promise<string> {
  const file = theme.dirs.map((d) => path.join(d, 'assets', 'print.css')).find((f) => existsSync(f))
  return file ? fs.readFile(file, 'utf8') : ''
}
