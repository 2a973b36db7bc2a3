import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Page as Tab } from 'puppeteer'
import type { ResolvedConfig } from '../../config/resolve.ts'
import type { BuildCache } from '../../core/cache.ts'
import type { CompiledBrief } from '../../core/compiled.ts'
import { reuseFile } from '../../core/output.ts'
import { cardPath } from '../../core/paths.ts'
import { BriefkitError } from '../../reporting/errors.ts'
import type { Theme } from '../../theme/theme.ts'
import { cardSize, type Page } from '../html/pages.ts'
import { cachedCard } from './card-cache.ts'
import { confineRequests, loadPageFonts, openFile } from './confined-page.ts'
import { type PrintFonts, writeFontSubsets } from './fonts.ts'
import { printCss } from './pdf-cache.ts'
import type { BrowserPool } from './pool.ts'

/** A brief's social card: the page it is painted from, and the brief's print page, whose fonts it shares. */
export interface CardSource {
  brief: CompiledBrief
  /** The print page: the card's characters are among its own, so the PDF's font subsets serve the card too. */
  page: Page
  card: Page
}

/** A card to paint, with the cache key it is stored under. */
export interface CardJob extends CardSource {
  key: string
}

/** What painting a card needs: the pool, the staging out dir, the site, its fonts and the cache. */
export interface CardContext {
  pool: BrowserPool
  staging: string
  config: ResolvedConfig
  theme: Theme
  fonts: PrintFonts | undefined
  cache: BuildCache
}

/**
 * Copy each card the cache holds for its unchanged inputs into the staging out dir, next to the
 * brief's PDF (`cardPath`); return how many, and the cards left to paint.
 */
export async function reuseCards(
  staging: string,
  cards: readonly CardSource[],
  site: Pick<CardContext, 'config' | 'theme' | 'cache' | 'fonts'>,
): Promise<{ reused: number; toPaint: CardJob[] }> {
  const toPaint: CardJob[] = []
  let reused = 0
  for (const source of cards) {
    const { key, cached } = await cachedCard(source.card, site, site.cache)
    if (cached) {
      await reuseFile(cached, path.join(staging, cardPath(source.brief)))
      site.fonts?.keep(key)
      reused++
    } else {
      toPaint.push({ ...source, key })
    }
  }
  return { reused, toPaint }
}

const cardFontsCss = 'card-fonts.css'

/**
 * Paint social cards on the pool's pages, any number at once: each card page is loaded at the card's
 * size and scale 1, its text shrunk to fit, and screenshot as a PNG into the staging out dir and
 * the cache. The card page and its fonts' stylesheet are written beside the brief's page and
 * removed afterwards; the font subsets stay for other briefs until `removeFontSubsets`.
 */
export function cardPainter({ pool, staging, theme, fonts, cache }: CardContext): (job: CardJob) => Promise<void> {
  // Note: the pool's pages are hidden tabs, and Chromium takes a screenshot of a hidden tab only
  // when it next draws one, which took from 2 s to over a minute here. Each card's tab is shown
  // while its screenshot is taken, one at a time, so another card's tab never hides it meanwhile.
  let shown: Promise<unknown> = Promise.resolve()
  const shoot = (tab: Tab): Promise<Uint8Array> => {
    const taken = shown.then(async () => {
      await tab.bringToFront()
      return tab.screenshot({ type: 'png', clip: { x: 0, y: 0, ...cardSize } })
    })
    shown = taken.catch(() => undefined)
    return taken
  }
  return async ({ brief, page, card, key }) => {
    const file = path.join(staging, card.path)
    const dir = path.dirname(file)
    let png: Uint8Array
    try {
      if (fonts) {
        const text = page.html + (await printCss(theme)) + card.html + (await cardCss(theme))
        await writeFontSubsets(staging, dir, await fonts.subset(text, key), cardFontsCss)
      }
      await fs.writeFile(file, card.html)
      png = await pool.withPage((tab) => paint(tab, file, staging, pool.timeout, shoot))
    } finally {
      await Promise.all([file, path.join(dir, cardFontsCss)].map((f) => fs.rm(f, { force: true })))
    }
    await fs.writeFile(path.join(staging, cardPath(brief)), png)
    cache.writeFile('cards', `${key}.png`, png)
  }
}

/**
 * Load a card page on a pooled page at the card's size, with its fonts, fit its text and `shoot`
 * it. Only files under `root` (and data: URLs) may load. The page's viewport is put back, since
 * the pool hands the page on to print PDFs.
 */
async function paint(
  tab: Tab,
  file: string,
  root: string,
  timeout: number,
  shoot: (tab: Tab) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const viewport = tab.viewport()
  const release = await confineRequests(tab, root)
  try {
    // Note: the card is written in before the viewport changes, so the print page it replaces is
    // not laid out again at the card's size.
    await openFile(tab, file, root, timeout)
    await tab.setViewport({ ...cardSize, deviceScaleFactor: 1 })
    const failed = await loadPageFonts(tab)
    if (failed.length > 0) {
      throw new BriefkitError(`A font of the card did not load: ${failed.join(', ')} (${path.relative(root, file)})`, {
        hint: "Card fonts must be files of the build: check `fonts` in the theme's theme.yaml and any @font-face in its card.css.",
      })
    }
    await tab.evaluate(fitText)
    return await shoot(tab)
  } finally {
    release()
    if (viewport) await tab.setViewport(viewport)
  }
}

/**
 * Evaluated in the page: while a box marked `data-fit` overflows, every text marked `data-shrink`
 * gets 5% smaller, down to a third of its size, so a long title shrinks rather than being cut off.
 * Note: no named function inside, which a bundler keeping names would wrap in a helper the page lacks.
 */
function fitText(): void {
  const boxes = [...document.querySelectorAll<HTMLElement>('[data-fit]')]
  const texts = [...document.querySelectorAll<HTMLElement>('[data-shrink]')]
  const sizes = texts.map((text) => Number.parseFloat(getComputedStyle(text).fontSize))
  for (let scale = 0.95; scale > 1 / 3; scale *= 0.95) {
    if (!boxes.some((box) => box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1)) return
    texts.forEach((text, i) => {
      text.style.fontSize = `${(sizes[i] ?? 16) * scale}px`
    })
  }
}

/** The theme's card stylesheet, whose generated content needs glyphs too. */
async function cardCss(theme: Theme): Promise<string> {
  const file = theme.dirs.map((d) => path.join(d, 'assets', 'card.css')).find((f) => existsSync(f))
  return file ? fs.readFile(file, 'utf8') : ''
}
