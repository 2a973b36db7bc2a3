import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as hb from 'harfbuzzjs'
import { fromHtml } from 'hast-util-from-html'
import { toString as hastText } from 'hast-util-to-string'
import { describe, expect, it, vi } from 'vitest'
import { BuildCache } from '../../src/core/cache.ts'
import { renderSite } from '../../src/orchestrate/render-site.ts'
import { pageCharacters, siteCharacters, webFonts } from '../../src/site/fonts.ts'
import { loadTheme, packagedTemplatesDir } from '../../src/theme/theme.ts'
import { compileContent, copySite } from '../helpers/sites.ts'

// Note: the real subset-font, counted, so a test can tell a subset made from one read from the cache.
const subsetCalls = vi.hoisted(() => ({ count: 0 }))
vi.mock('subset-font', async (importOriginal) => {
  const real = (await importOriginal<{ default: typeof import('subset-font') }>()).default
  return {
    default: (...args: Parameters<typeof real>) => {
      subsetCalls.count++
      return real(...args)
    },
  }
})

const { default: subsetFont } = await import('subset-font')
const theme = loadTheme(path.join(packagedTemplatesDir, 'default'))
const scratchCache = () => new BuildCache(fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-webfonts-')), () => undefined)

/** The code points a woff2 font has (read back through a TrueType subset of all of them). */
async function codePoints(woff2: Uint8Array): Promise<Set<number>> {
  const all = Array.from({ length: 0x10000 }, (_, i) => String.fromCodePoint(i)).join('')
  const ttf = await subsetFont(Buffer.from(woff2), all, { targetFormat: 'truetype' })
  return new Set(new hb.Face(new hb.Blob(ttf)).collectUnicodes())
}

function bytes(file: { path: string } & ({ content: string | Uint8Array } | { from: string })): Uint8Array {
  if ('from' in file) return fs.readFileSync(file.from)
  return typeof file.content === 'string' ? Buffer.from(file.content) : file.content
}

describe('siteCharacters', () => {
  it("takes the pages' text, the attributes a reader sees and the theme's words, each once", () => {
    const chars = siteCharacters(
      [
        { html: '<html><body><p class="x">工作量&amp;证明</p><img alt="矿机" src="a.png"></body></html>' },
        { html: '<p title="耗电">工作</p><div data-placeholder="搜索"></div>' },
      ],
      ['摘要'],
    )
    for (const char of '工作量证明&矿机耗电搜索摘要') expect(chars, char).toContain(char)
    expect(chars).toContain('A')
    expect(new Set(chars).size).toBe([...chars].length)
    expect(chars).not.toContain('类')
  })

  it('gives the same characters with a cache, and a changed page its new ones (never the stale ones)', () => {
    const cache = scratchCache()
    const pages = [{ html: '<p title="耗电">工作量</p>' }, { html: '<p>证明</p><img alt="矿机">' }]
    const first = siteCharacters(pages, ['摘要'], cache)
    expect(first).toBe(siteCharacters(pages, ['摘要']))
    expect(siteCharacters(pages, ['摘要'], cache)).toBe(first)
    const edited = [pages[0] ?? { html: '' }, { html: '<p>证据</p><img alt="电网">' }]
    const again = siteCharacters(edited, ['摘要'], cache)
    expect(again).toBe(siteCharacters(edited, ['摘要']))
    for (const char of '据网') expect(again, char).toContain(char)
    for (const char of '明矿机') expect(again, char).not.toContain(char)
  })
})

describe('pageCharacters', () => {
  // Note: what a page shows, read as a browser would (parse5, through hast): the oracle the quick
  // reading without a tree must agree with.
  const shownByTree = (html: string) => {
    const chars = new Set(hastText({ type: 'root', children: fromHtml(html).children }))
    for (const match of html.matchAll(/\s(?:alt|title|placeholder|data-placeholder)="([^"]*)"/g))
      for (const char of hastText(fromHtml(match[1] ?? '', { fragment: true }))) chars.add(char)
    return chars
  }

  it('reads the same characters as a parsed page, on every page of two real sites', async () => {
    for (const name of ['bilingual', 'figures']) {
      const { config, theme: siteTheme, briefs } = compileContent(copySite(name).content, false)
      if (!config || !siteTheme) throw new Error(`the ${name} site did not compile`)
      const { pages } = await renderSite(briefs, { config, theme: siteTheme }, new Set(briefs))
      expect(pages.length).toBeGreaterThan(5)
      for (const page of pages) {
        const quick = new Set(pageCharacters(page.html))
        expect([...quick].sort().join(''), page.path).toBe([...shownByTree(page.html)].sort().join(''))
      }
    }
  })

  it('decodes references, and leaves out tags, comments and attributes no reader sees', () => {
    const chars = new Set(
      pageCharacters('<p class="甲">&#x4E59;&#19993;&nbsp;&amp;&unknown;<!-- 丁 --></p><img alt="戊&lt;">'),
    )
    for (const char of '乙丙\u00a0&戊<') expect(chars, char).toContain(char)
    for (const char of '甲丁') expect(chars, char).not.toContain(char)
  })
})

describe('webFonts', () => {
  it("subsets each theme font to woff2 with the text's characters, and writes one stylesheet naming them", async () => {
    const files = await webFonts(theme.fonts, '工作量证明 Proof', scratchCache())
    const stylesheet = files.find((f) => f.path === 'assets/fonts.css')
    const css = stylesheet ? Buffer.from(bytes(stylesheet)).toString('utf8') : ''
    const fonts = files.filter((f) => f.path.endsWith('.woff2'))
    expect(fonts.map((f) => f.path)).toEqual([
      expect.stringMatching(/^assets\/fonts\/noto-sans-400-[0-9a-f]{12}\.woff2$/),
      expect.stringMatching(/^assets\/fonts\/noto-sans-700-[0-9a-f]{12}\.woff2$/),
      expect.stringMatching(/^assets\/fonts\/noto-sans-sc-400-[0-9a-f]{12}\.woff2$/),
      expect.stringMatching(/^assets\/fonts\/noto-sans-sc-700-[0-9a-f]{12}\.woff2$/),
    ])
    for (const font of fonts) {
      expect(Buffer.from(bytes(font).subarray(0, 4)).toString('latin1')).toBe('wOF2')
      expect(css).toContain(`url("${font.path.slice('assets/'.length)}") format("woff2")`)
    }
    expect(css).toMatch(
      /@font-face \{ font-family: "Noto Sans SC"; font-weight: 700; font-style: normal; font-display: swap; src: url\("fonts\/noto-sans-sc-700-/,
    )
    const chinese = await codePoints(bytes(fonts[2] ?? { path: '', content: '' }))
    for (const char of '工作量证明Pf') expect(chinese.has(char.codePointAt(0) ?? 0), char).toBe(true)
    expect(chinese.has('类'.codePointAt(0) ?? 0)).toBe(false)
    // Note: a small subset: the whole Noto Sans SC is 17 MB.
    expect(bytes(fonts[2] ?? { path: '', content: '' }).length).toBeLessThan(50_000)
  })

  it('takes subsets from the cache when the fonts and characters are the same, and only then', async () => {
    const fonts = theme.fonts.filter((f) => f.family === 'Noto Sans')
    const cache = scratchCache()
    subsetCalls.count = 0
    const first = await webFonts(fonts, 'cache me', cache)
    expect(subsetCalls.count).toBe(2)
    const second = await webFonts(fonts, 'cache me', cache)
    expect(subsetCalls.count).toBe(2)
    expect(second.map(bytes)).toEqual(first.map(bytes))
    await webFonts(fonts, 'cache mé', cache)
    expect(subsetCalls.count).toBe(4)
    await webFonts(fonts, 'cache me', new BuildCache(cache.dir, () => undefined, true))
    expect(subsetCalls.count).toBe(6)
  })

  it('when quick, takes the woff2 subsets from the cache, else makes TrueType ones', async () => {
    const fonts = theme.fonts.filter((f) => f.family === 'Noto Sans')
    const cache = scratchCache()
    const woff2 = await webFonts(fonts, 'café', cache)
    subsetCalls.count = 0
    expect((await webFonts(fonts, 'café', cache, { quick: true })).map(bytes)).toEqual(woff2.map(bytes))
    expect(subsetCalls.count).toBe(0)
    const quick = await webFonts(fonts, 'café naïve', cache, { quick: true })
    expect(subsetCalls.count).toBe(2)
    expect(quick.map((f) => f.path)).toEqual([
      'assets/fonts.css',
      expect.stringMatching(/^assets\/fonts\/noto-sans-400-[0-9a-f]{12}\.ttf$/),
      expect.stringMatching(/^assets\/fonts\/noto-sans-700-[0-9a-f]{12}\.ttf$/),
    ])
    expect(Buffer.from(bytes(quick[0] ?? { path: '', content: '' })).toString()).toContain('format("truetype")')
    const ttf = await codePoints(bytes(quick[1] ?? { path: '', content: '' }))
    for (const char of 'ï') expect(ttf.has(char.codePointAt(0) ?? 0), char).toBe(true)
    subsetCalls.count = 0
    await webFonts(fonts, 'café naïve', cache, { quick: true })
    expect(subsetCalls.count).toBe(0)
  })

  it('makes nothing for a theme without fonts', async () => {
    expect(await webFonts([], 'text', scratchCache())).toEqual([])
  })
})
