import fs from 'node:fs'
import path from 'node:path'
import * as cheerio from 'cheerio'
import { beforeAll, describe, expect, it } from 'vitest'
import { brokenLinks, loadPage } from '../helpers/html.ts'
import { copySite, runCli } from '../helpers/sites.ts'

// A brief with a translation in `content/<slug>/<lang>/`, sharing the parent's bibliography.
describe('a brief with a translation', () => {
  const site = copySite('bilingual')
  let result: Awaited<ReturnType<typeof runCli>>

  beforeAll(async () => {
    result = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
  })

  it('builds both editions from one bibliography, without warnings', () => {
    expect(result.code).toBe(0)
    expect(result.stderr).not.toMatch(/warning|error/)
  })

  it('renders each edition in its language and its default style', () => {
    const zh = loadPage(site.out, 'zh/trees/index.html')
    expect(zh('html').attr('lang')).toBe('zh')
    zh('.citation-preview').remove()
    expect(zh('#summary .summary-text').text()).toBe('行道树能以低成本为城市降温\u2060[1]。')
    const en = loadPage(site.out, 'en/trees/index.html')
    expect(en('html').attr('lang')).toBe('en')
    expect(en('.brief-body').text()).toContain('(Lee 2019)')
    expect(en('section.argument h2').text()).toBe('The evidence is strong')
  })

  it("lists each edition on its language's home page, the default language's at the root, with working links", () => {
    const hrefs = (page: string) => {
      const $ = loadPage(site.out, page)
      return $('.brief-card h2 a')
        .map((_, el) => $(el).attr('href'))
        .get()
    }
    expect(hrefs('zh/index.html')).toEqual(['../zh/trees/index.html'])
    expect(hrefs('en/index.html')).toEqual(['../en/trees/index.html'])
    expect(hrefs('index.html')).toEqual(['zh/trees/index.html'])
    expect(brokenLinks(site.out)).toEqual([])
  })

  it('links the editions to each other: a language switcher and hreflang pairs', () => {
    const zh = loadPage(site.out, 'zh/trees/index.html')
    expect(zh('.languages a').attr('href')).toBe('../../en/trees/index.html')
    expect(zh('.languages [aria-current=page]').text()).toBe('中文')
    expect(
      zh('link[rel=alternate][hreflang]')
        .map((_, l) => `${zh(l).attr('hreflang')} ${zh(l).attr('href')}`)
        .get(),
    ).toEqual(['zh https://test.example.org/zh/trees/', 'en https://test.example.org/en/trees/'])
    expect(zh('link[rel=canonical]').attr('href')).toBe('https://test.example.org/zh/trees/')
  })

  it('writes a sitemap with absolute URLs and hreflang pairs, robots.txt and an Atom feed per language', () => {
    const sitemap = cheerio.load(fs.readFileSync(path.join(site.out, 'sitemap.xml'), 'utf8'), { xml: true })
    const locs = sitemap('url > loc')
      .map((_, l) => sitemap(l).text())
      .get()
    expect(locs).toContain('https://test.example.org/zh/trees/')
    expect(locs).toContain('https://test.example.org/en/kinds/environment/')
    expect(locs.every((l) => l.startsWith('https://test.example.org/'))).toBe(true)
    expect(
      sitemap('url')
        .filter((_, u) => sitemap(u).find('loc').text() === 'https://test.example.org/zh/trees/')
        .find('xhtml\\:link').length,
    ).toBe(2)
    expect(fs.readFileSync(path.join(site.out, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: https://test.example.org/sitemap.xml',
    )
    const feed = cheerio.load(fs.readFileSync(path.join(site.out, 'en', 'feed.xml'), 'utf8'), { xml: true })
    expect(feed('feed').attr('xml:lang')).toBe('en')
    expect(feed('entry > title').text()).toBe('Plant Trees First')
    expect(feed('entry > link').attr('href')).toBe('https://test.example.org/en/trees/')
    expect(feed('entry > summary').text()).toContain('Street trees cool cities cheaply')
  })

  it("writes a 404 page in both languages' words, with links from the site's root", () => {
    const page = loadPage(site.out, '404.html')
    expect(page('section[lang=zh] h1').text()).toBe('找不到这个页面')
    expect(page('section[lang=en] h1').text()).toBe('Page not found')
    expect(page('section[lang=en] a').attr('href')).toBe('/en/index.html')
  })
})
