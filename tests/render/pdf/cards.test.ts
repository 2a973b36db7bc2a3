import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cardPath } from '../../../src/core/paths.ts'
import { build } from '../../../src/orchestrate/build.ts'
import { renderCardPage, renderPrintPage } from '../../../src/render/html/pages.ts'
import { cardPainter } from '../../../src/render/pdf/cards.ts'
import { PrintFonts } from '../../../src/render/pdf/fonts.ts'
import { BrowserPool } from '../../../src/render/pdf/pool.ts'
import { htmlFiles, loadPage } from '../../helpers/html.ts'
import { compileContent, copySite } from '../../helpers/sites.ts'

const baseUrl = 'https://test.example.org/'
const cards = ['zh/trees/trees.card.png', 'en/trees/trees.card.png']

/** A PNG's width and height, from its IHDR chunk (the first, right after the signature). */
function pngSize(file: string): { width: number; height: number } {
  const data = fs.readFileSync(file)
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG')
  expect(data.subarray(12, 16).toString('latin1')).toBe('IHDR')
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) }
}

/** Every `og:image` of every page of a build, by page. */
function ogImages(outDir: string): Array<{ page: string; url: string }> {
  return htmlFiles(outDir).flatMap((page) =>
    loadPage(
      outDir,
      page,
    )('meta[property="og:image"]')
      .map((_, el) => ({ page, url: el.attribs['content'] ?? '' }))
      .get(),
  )
}

/** Rewrite a brief's front matter title. */
function retitle(file: string, title: string): void {
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${title}`))
}

// Real Chromium: the cards are painted by the browser that prints the PDFs.
describe('social cards (og:image)', () => {
  const site = copySite('bilingual')
  const zhBrief = path.join(site.content, 'trees', 'brief.md')

  beforeAll(async () => {
    const result = await build({ contentDir: site.content, outDir: site.out })
    expect({ printed: result.pdfsPrinted, painted: result.cardsPainted }).toEqual({ printed: 2, painted: 2 })
  }, 120_000)

  it('paints a 1200×630 PNG per brief and language, next to its PDF', () => {
    for (const card of cards) {
      expect(fs.existsSync(path.join(site.out, card.replace(/\.card\.png$/, '.pdf'))), card).toBe(true)
      expect(pngSize(path.join(site.out, card)), card).toEqual({ width: 1200, height: 630 })
    }
  })

  it('names it on its brief page: og:image an absolute URL of a file of the build, a large Twitter card', () => {
    for (const card of cards) {
      const $ = loadPage(site.out, card.replace(/[^/]+\.card\.png$/, 'index.html'))
      const url = $('meta[property="og:image"]').attr('content')
      expect(url).toBe(`${baseUrl}${card}`)
      expect($('meta[property="og:image:width"]').attr('content')).toBe('1200')
      expect($('meta[property="og:image:height"]').attr('content')).toBe('630')
      expect($('meta[property="og:image:alt"]').attr('content')).toBe(
        card.startsWith('zh') ? '先种树' : 'Plant Trees First',
      )
      expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image')
      expect($('meta[name="twitter:image"]').attr('content')).toBe(url)
    }
    const home = loadPage(site.out, 'zh/index.html')
    expect(home('meta[property="og:image"]').length).toBe(0)
    expect(home('meta[name="twitter:card"]').attr('content')).toBe('summary')
  })

  it('takes unchanged cards from the cache, and paints again the one whose title changed', async () => {
    const before = cards.map((card) => fs.readFileSync(path.join(site.out, card)))
    const again = await build({ contentDir: site.content, outDir: site.out })
    expect({ reused: again.cardsReused, painted: again.cardsPainted }).toEqual({ reused: 2, painted: 0 })
    expect(cards.map((card) => fs.readFileSync(path.join(site.out, card)))).toEqual(before)

    // Note: as many characters as before, so a title drawn as empty boxes would give the same picture.
    retitle(zhBrief, '再种花')
    const changed = await build({ contentDir: site.content, outDir: site.out })
    expect({ reused: changed.cardsReused, painted: changed.cardsPainted }).toEqual({ reused: 1, painted: 1 })
    expect(fs.readFileSync(path.join(site.out, cards[0] ?? '')).equals(before[0] ?? Buffer.alloc(0))).toBe(false)
    expect(fs.readFileSync(path.join(site.out, cards[1] ?? '')).equals(before[1] ?? Buffer.alloc(0))).toBe(true)
  }, 120_000)

  it('without PDFs, names only the cards the cache holds, each a file of the build', async () => {
    retitle(zhBrief, '先种树再种花')
    const result = await build({ contentDir: site.content, outDir: site.out, pdf: false })
    expect({ reused: result.cardsReused, painted: result.cardsPainted }).toEqual({ reused: 1, painted: 0 })
    expect(fs.existsSync(path.join(site.out, cards[0] ?? ''))).toBe(false)
    const named = ogImages(site.out)
    expect(named.map((n) => n.page)).toEqual(['en/trees/index.html'])
    for (const { url } of named) expect(fs.existsSync(path.join(site.out, url.slice(baseUrl.length)))).toBe(true)
    const zh = loadPage(site.out, 'zh/trees/index.html')
    expect(zh('meta[name="twitter:card"]').attr('content')).toBe('summary')
  }, 120_000)
})

// Real Chromium. Chinese text the card's fonts lack would be drawn as empty boxes (or in whatever
// font the machine has), the same box for every character.
describe('cardPainter', () => {
  const site = copySite('bilingual')
  let pool: BrowserPool

  beforeAll(async () => {
    await build({ contentDir: site.content, outDir: site.out, pdf: false })
    pool = await BrowserPool.create({ concurrency: 1 })
  }, 120_000)
  afterAll(() => pool?.close())

  it("draws a Chinese title in the theme's fonts, subset as for the PDF: never as empty boxes", async () => {
    const { config, theme, briefs, cache } = compileContent(site.content, true)
    const brief = briefs.find((b) => b.lang === 'zh')
    if (!config || !theme || !cache || !brief) throw new Error('the bilingual site did not compile')
    const page = await renderPrintPage(brief, config, theme, { drawCharts: false })
    const paint = cardPainter({ pool, staging: site.out, config, theme, cache, fonts: PrintFonts.lazy(theme.fonts) })
    const file = path.join(site.out, cardPath(brief))
    const painted: Buffer[] = []
    // Note: as many characters each, so titles drawn as empty boxes would give the same picture.
    for (const title of ['先种树', '再种花']) {
      const card = await renderCardPage({ ...brief, meta: { ...brief.meta, title } }, config, theme)
      if (!card) throw new Error('the default theme has a card layout')
      await paint({ brief, page, card, key: title })
      expect(pngSize(file)).toEqual({ width: 1200, height: 630 })
      painted.push(fs.readFileSync(file))
    }
    expect(painted[0]?.equals(painted[1] ?? Buffer.alloc(0))).toBe(false)
    // Note: the card page and its fonts' stylesheet are gone; the subsets stay for the PDFs.
    expect(fs.readdirSync(path.join(site.out, 'zh', 'trees')).filter((f) => /card\.html|\.css$/.test(f))).toEqual([])
  }, 120_000)
})
