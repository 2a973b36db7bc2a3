import path from 'node:path'
import * as cheerio from 'cheerio'
import { describe, expect, it } from 'vitest'
import type { ResolvedConfig } from '../../src/config/resolve.ts'
import type { CompiledBrief } from '../../src/core/compiled.ts'
import type { OutputFile } from '../../src/core/output.ts'
import { feeds, sitemap } from '../../src/site/discovery.ts'
import { loadTheme, packagedTemplatesDir } from '../../src/theme/theme.ts'

const text = (file: OutputFile | undefined) => (file && 'content' in file ? String(file.content) : '')
const config = { baseUrl: 'https://x.org/', languages: ['zh', 'en'], title: 'Briefs' } as unknown as ResolvedConfig

describe('sitemap', () => {
  it('percent-encodes every <loc> and hreflang href (regression: a raw newline in <loc>)', () => {
    const pages = ['zh/碳 排放/index.html', 'en/a\nb/index.html']
    const xml = text(sitemap(config, pages, (page) => [page], []))
    const $ = cheerio.load(xml, { xml: true })
    const urls = [
      ...$('loc')
        .map((_, el) => $(el).text())
        .get(),
      ...$('xhtml\\:link')
        .map((_, el) => $(el).attr('href'))
        .get(),
    ]
    expect(urls).toEqual([
      'https://x.org/zh/%E7%A2%B3%20%E6%8E%92%E6%94%BE/',
      'https://x.org/en/a%0Ab/',
      'https://x.org/zh/%E7%A2%B3%20%E6%8E%92%E6%94%BE/',
      'https://x.org/en/a%0Ab/',
    ])
    for (const url of urls) expect(url).toMatch(/^[\x21-\x7e]+$/)
  })

  it("gives each brief's page its `updated:` date as <lastmod>, else its `date:`, in both languages", () => {
    const brief = (lang: string, slug: string, date: string, updated?: string) =>
      ({ lang, slug, meta: { date, ...(updated ? { updated } : {}) } }) as unknown as CompiledBrief
    const briefs = [
      brief('zh', 'heat', '2026-01-02', '2026-10-20'),
      brief('en', 'heat', '2026-01-03', '2026-10-21'),
      brief('zh', 'trees', '2025-06-01'),
      brief('en', 'trees', '2025-06-02'),
    ]
    const pages = [
      'zh/index.html',
      'zh/heat/index.html',
      'en/heat/index.html',
      'zh/trees/index.html',
      'en/trees/index.html',
      'zh/kinds/policy/index.html',
    ]
    const $ = cheerio.load(text(sitemap(config, pages, () => [], briefs)), { xml: true })
    const lastmods = Object.fromEntries(
      $('url')
        .map((_, url) => [[$(url).find('loc').text(), $(url).find('lastmod').text()]])
        .get() as Array<[string, string]>,
    )
    expect(lastmods).toEqual({
      'https://x.org/zh/': '',
      'https://x.org/zh/heat/': '2026-10-20',
      'https://x.org/en/heat/': '2026-10-21',
      'https://x.org/zh/trees/': '2025-06-01',
      'https://x.org/en/trees/': '2025-06-02',
      'https://x.org/zh/kinds/policy/': '',
    })
    // Note: the sitemap schema wants <lastmod> right after <loc>.
    expect($('url').eq(1).children().first().next().is('lastmod')).toBe(true)
  })
})

describe('feeds', () => {
  it('link each entry by its percent-encoded URL, in valid XML even with control characters in its text', () => {
    const brief = {
      lang: 'en',
      slug: 'a b',
      summaryText: 'Text',
      arguments: [],
      meta: { title: 'A\u0001 <b>title</b>', date: '2026-01-02', authors: [{ name: 'Ada' }] },
    } as unknown as CompiledBrief
    const [, en] = feeds([brief], config, loadTheme(path.join(packagedTemplatesDir, 'default')))
    const xml = text(en)
    expect(xml).toContain('<link href="https://x.org/en/a%20b/"/>')
    expect(xml).toContain('<title>A title</title>')
    expect(xml).not.toMatch(/[\u0000-\u0008]/)
  })
})
