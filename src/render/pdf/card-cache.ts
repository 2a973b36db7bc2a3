import type { ResolvedConfig } from '../../config/resolve.ts'
import { type BuildCache, cacheKey } from '../../core/cache.ts'
import type { CompiledBrief } from '../../core/compiled.ts'
import type { Theme } from '../../theme/theme.ts'
import { cardSize, type Page } from '../html/pages.ts'
import { themeCss } from './pdf-cache.ts'

/** What a card's cache key is made of: the site and the theme. */
type Site = { config: ResolvedConfig; theme: Theme }

/** The briefs whose social card the cache holds for exactly their card page, stylesheets and fonts. */
export async function cachedCards(
  briefs: ReadonlyArray<{ brief: CompiledBrief; card: Page | undefined }>,
  site: Site,
  cache: BuildCache,
): Promise<Set<CompiledBrief>> {
  const found = new Set<CompiledBrief>()
  for (const { brief, card } of briefs) if (card && (await cachedCard(card, site, cache)).cached) found.add(brief)
  return found
}

/** A card page's cache key, and the cached PNG painted from it, when there is one. */
export async function cachedCard(card: Page, site: Site, cache: BuildCache) {
  const key = await cardKey(card, site)
  return { key, cached: cache.readFile('cards', `${key}.png`, isPng) }
}

/**
 * Everything a card is painted from: its page, the theme's card.css, chinese.css and fonts, the colours of the
 * site's kinds (assets/kinds.css follows their order) and the size. No date: a PNG screenshot holds none.
 */
async function cardKey(card: Page, { config, theme }: Site): Promise<string> {
  const fonts = theme.fonts.map((f) => `${f.family} ${f.weight} ${f.style} ${f.file}`).join('\n')
  const kinds = config.argumentKinds.map((k) => k.id).join('\n')
  return cacheKey([
    card.html,
    await themeCss(theme, ['card.css', 'chinese.css']),
    fonts,
    kinds,
    `${cardSize.width}x${cardSize.height}`,
  ])
}

// Note: a PNG cut short (a build killed while writing it) lacks its last chunk, IEND.
function isPng(data: Buffer): boolean {
  return (
    data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) &&
    data.subarray(-8, -4).toString('latin1') === 'IEND'
  )
}
