import fs from 'node:fs'
import path from 'node:path'
import * as cheerio from 'cheerio'
import * as hb from 'harfbuzzjs'
import { fromHtml } from 'hast-util-from-html'
import { toString as hastText } from 'hast-util-to-string'
import subsetFont from 'subset-font'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/orchestrate/build.ts'
import { renderPrintPages, renderSite, withWebFonts } from '../../src/orchestrate/render-site.ts'
import { mapFixture } from '../helpers/argument-maps.ts'
import { compileContent, copySite } from '../helpers/sites.ts'

async function rendered(withPdf: boolean) {
  const site = copySite('unseen')
  const { config, theme, briefs, cache } = compileContent(site.content, false)
  if (!config || !theme || !cache) throw new Error('the unseen site did not compile')
  const withPdfs = new Set(withPdf ? briefs : [])
  return { briefs, config, theme, cache, ...(await renderSite(briefs, { config, theme }, withPdfs)) }
}

describe('renderSite', () => {
  it('renders every page and the files beside them, each page also a file', async () => {
    const { pages, files } = await rendered(true)
    expect(pages.map((p) => p.path).sort()).toEqual(
      ['404.html', 'en/index.html', 'en/sources/index.html', 'en/urban-trees/index.html', 'index.html']
        .concat(pages.filter((p) => p.path.startsWith('en/kinds/')).map((p) => p.path))
        .sort(),
    )
    const paths = new Set(files.map((f) => f.path))
    for (const page of pages) expect(paths).toContain(page.path)
    for (const file of [
      'sitemap.xml',
      'robots.txt',
      'en/feed.xml',
      '.briefkit-output',
      'en/urban-trees/urban-trees.bib',
    ]) {
      expect(paths).toContain(file)
    }
  })

  it("fills every label slot with the theme's words", async () => {
    const { pages } = await rendered(true)
    const brief = pages.find((p) => p.path === 'en/urban-trees/index.html')?.html ?? ''
    expect(pages.filter((p) => p.html.includes('\uE000')).map((p) => p.path)).toEqual([])
    expect(brief).toMatch(/id="intro-footnote-label"[^>]*>Notes</)
  })

  it("links a brief's PDF only when it has one", async () => {
    const link = (html: string) => html.includes('urban-trees.pdf')
    const page = (r: Awaited<ReturnType<typeof rendered>>) =>
      r.pages.find((p) => p.path === 'en/urban-trees/index.html')?.html ?? ''
    expect(link(page(await rendered(true)))).toBe(true)
    expect(link(page(await rendered(false)))).toBe(false)
  })
})

describe('renderSite and the argument map', () => {
  it('writes a brief\'s map as Argdown and AIF beside its page, linked from "Cite this brief", only when the map has nodes', async () => {
    const { briefs, config, theme } = await rendered(false)
    const mapped = briefs.map((brief) => ({ ...brief, argumentMap: mapFixture('en') }))
    const site = await renderSite(mapped, { config, theme }, new Set())
    const paths = site.files.map((f) => f.path)
    expect(paths).toEqual(
      expect.arrayContaining(['en/urban-trees/urban-trees.argdown', 'en/urban-trees/urban-trees.aif.json']),
    )
    const $ = cheerio.load(site.pages.find((p) => p.path === 'en/urban-trees/index.html')?.html ?? '')
    expect(
      $('.cite-this-files a')
        .map((_, a) => `${$(a).text()} ${$(a).attr('href')}`)
        .get(),
    ).toEqual([
      'BibTeX urban-trees.bib',
      'RIS urban-trees.ris',
      'Argdown urban-trees.argdown',
      'AIF (JSON) urban-trees.aif.json',
    ])

    const unmapped = briefs.map((brief) => ({ ...brief, argumentMap: { nodes: [], edges: [] } }))
    const bare = await renderSite(unmapped, { config, theme }, new Set())
    expect(bare.files.map((f) => f.path).filter((p) => /\.(argdown|aif\.json)$/.test(p))).toEqual([])
    expect(bare.pages.find((p) => p.path === 'en/urban-trees/index.html')?.html).not.toMatch(/Argdown|aif\.json/)
  })

  it('lists the sources page among the pages and in the sitemap, and links it from every page', async () => {
    const { pages, files } = await rendered(false)
    expect(pages.map((p) => p.path)).toContain('en/sources/index.html')
    const sitemap = files.find((f) => f.path === 'sitemap.xml')
    expect(String(sitemap && 'content' in sitemap ? sitemap.content : '')).toContain('<loc>https://')
    expect(String(sitemap && 'content' in sitemap ? sitemap.content : '')).toMatch(/<loc>[^<]*\/en\/sources\/<\/loc>/)
    for (const page of pages.filter((p) => p.path !== '404.html'))
      expect(page.html, page.path).toMatch(/<a href="(\.\.\/)*en\/sources\/index\.html">Sources<\/a>/)
  })
})

describe('withWebFonts', () => {
  it('adds the stylesheet every page links and a font of each theme font with every character of the pages', async () => {
    const { config, theme, cache, pages, files } = await rendered(false)
    for (const page of pages)
      expect(page.html, page.path).toMatch(/<link rel="stylesheet" href="[^"]*assets\/fonts\.css">/)
    const site = await withWebFonts({ pages, files }, { config, theme, cache }, true)
    expect(site.pages).toBe(pages)
    const added = site.files.slice(files.length)
    expect(added.map((f) => f.path)).toEqual([
      'assets/fonts.css',
      ...theme.fonts.map((f) =>
        expect.stringMatching(new RegExp(`^assets/fonts/noto-sans-(sc-)?${f.weight}-\\w+\\.(ttf|woff2)$`)),
      ),
    ])
    const text = pages
      .map((p) => fromHtml(p.html))
      .map((tree) => hastText(tree))
      .join('')
    const latin = added[1]
    const data = latin && 'content' in latin ? Buffer.from(latin.content) : Buffer.alloc(0)
    const kept = new Set(
      new hb.Face(new hb.Blob(await subsetFont(data, text, { targetFormat: 'truetype' }))).collectUnicodes(),
    )
    const missing = [...new Set(text)].filter(
      (c) => /[\p{L}\p{N}]/u.test(c) && (c.codePointAt(0) ?? 0) < 0x2e80 && !kept.has(c.codePointAt(0) ?? 0),
    )
    expect(missing).toEqual([])
  })
})

describe('renderSite with a build cache', () => {
  it('keeps brief pages on disk, in the cache, and the site copies them from there', async () => {
    const site = copySite('unseen')
    const { config, theme, briefs, cache } = compileContent(site.content, false)
    if (!config || !theme || !cache) throw new Error('the unseen site did not compile')
    const plain = await renderSite(briefs, { config, theme }, new Set())
    const kept = await renderSite(briefs, { config, theme }, new Set(), { cache })
    const page = 'en/urban-trees/index.html'
    const file = kept.files.find((f) => f.path === page)
    if (!file || !('from' in file)) throw new Error(`${page} is not copied from a file`)
    expect(path.relative(cache.dir, file.from).startsWith(`pages${path.sep}`)).toBe(true)
    expect(fs.readFileSync(file.from, 'utf8')).toBe(plain.pages.find((p) => p.path === page)?.html)
    expect(kept.pages.map((p) => [p.path, p.html])).toEqual(plain.pages.map((p) => [p.path, p.html]))
  })
})

describe('renderPrintPages', () => {
  it('renders the print page of each brief beside its page', async () => {
    const site = copySite('unseen')
    const { config, theme, briefs } = compileContent(site.content, true)
    if (!config || !theme) throw new Error('the unseen site did not compile')
    const printPages = await renderPrintPages(briefs, config, theme)
    expect(printPages.map((p) => p.page.path)).toEqual(['en/urban-trees/print.html'])
    expect(printPages[0]?.brief).toBe(briefs[0])
  })
})

// Rebuilds take drawn maps, pages' characters and ids from the build cache: what they write must
// be what a build that reads nothing (`force`) writes for the same content.
describe('a rebuild from the cache', () => {
  /** Every file of an out dir and its bytes, by path. */
  const filesOf = (dir: string) =>
    new Map(
      (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
        .filter((e) => e.isFile())
        .map((e) => {
          const file = path.join(e.parentPath, e.name)
          return [path.relative(dir, file), fs.readFileSync(file).toString('base64')]
        }),
    )

  it('writes what a forced build writes, with no change and after an edit to a claim (map, fonts, ids)', async () => {
    const site = copySite('map-en')
    const argument = path.join(site.content, 'congestion-charge', 'arguments', '04-fairness.md')
    const forced = async (name: string) => {
      const out = path.join(site.root, name)
      await build({ contentDir: site.content, outDir: out, pdf: false, force: true })
      return filesOf(out)
    }
    await build({ contentDir: site.content, outDir: site.out, pdf: false })
    const rebuilt = await build({ contentDir: site.content, outDir: site.out, pdf: false })
    expect(rebuilt.briefsCached).toBe(1)
    expect(filesOf(site.out)).toEqual(await forced('forced-1'))
    const before = filesOf(site.out)

    // Note: a new claim (drawn in the map), a character no page had, and a heading id a link could name.
    fs.writeFileSync(
      argument,
      fs
        .readFileSync(argument, 'utf8')
        .replace('falls hardest on low-paid shift workers', 'falls hardest on low-paid night workers')
        .concat('\n### Moles 鼹鼠\n\nNight workers drive; 鼹鼠 do not.\n'),
    )
    const edited = await build({ contentDir: site.content, outDir: site.out, pdf: false })
    expect(edited.briefsCached).toBe(0)
    const after = filesOf(site.out)
    expect(after).toEqual(await forced('forced-2'))
    const page = 'en/congestion-charge/index.html'
    expect(after.get(page)).not.toBe(before.get(page))
    expect(Buffer.from(after.get(page) ?? '', 'base64').toString()).toContain('low-paid night workers')
    expect(after.get('assets/fonts.css')).not.toBe(before.get('assets/fonts.css'))
  }, 120_000)
})
