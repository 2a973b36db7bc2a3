import fs from 'node:fs'
import path from 'node:path'
import { Cite } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import { beforeAll, describe, expect, it } from 'vitest'
import { brokenLinks, loadPage } from '../helpers/html.ts'
import { copySite, runCli } from '../helpers/sites.ts'

// Unseen content: a Chinese brief in the default GB/T 7714 style and an English one with `csl: apa`.
describe('citations on unseen content', () => {
  const site = copySite('citations')
  let result: Awaited<ReturnType<typeof runCli>>
  const page = (p: string) => {
    const $ = loadPage(site.out, p)
    $('.citation-preview').remove()
    return $
  }

  beforeAll(async () => {
    result = await runCli(['build', '--no-pdf', '--content', site.content, '--out', site.out])
  })

  it('builds without warnings', () => {
    expect(result.code).toBe(0)
    expect(result.stderr).not.toMatch(/warning|error/)
    expect(brokenLinks(site.out)).toEqual([])
  })

  it('GB/T 7714: [1], a collapsed group of four, 等 and et al. in one list, type codes, nocite', () => {
    const $ = page('zh/policy-zh/index.html')
    expect($('.summary-text').text()).toContain('[1]')
    expect($('.brief-body').text()).toMatch(/\[1[-–]4\]/)
    const entries = $('.reference-list > li')
      .map((_, li) => $(li).text().replace(/\s+/g, ' ').trim())
      .get()
    expect(entries[0]).toMatch(
      /^\[1\]张三, 李四, 王五, 等\. 比特币挖矿的碳排放\[J\]\. 能源研究, 2021, 12\(3\): 45-60\./,
    )
    expect(entries[1]).toMatch(
      /^\[2\]STOLL C, KLAASSEN L, GALLERSDÖRFER U, et al\. The carbon footprint of bitcoin\[J\]\. Joule/,
    )
    expect(entries[3]).toMatch(/\[EB\/OL\]\. \[2025-05-01\]\. https:\/\/ccaf\.io/)
    expect(entries[4]).toMatch(/^\[5\]IPCC\. Climate Change 2021/)
    expect($('#ref-ipcc2021 .backlinks')).toHaveLength(0)
    expect(
      $('#ref-stoll2019carbon .backlinks a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toHaveLength(3)
  })

  it('APA: parenthetical with a locator, narrative, an alphabetical list of cited works with DOI links', () => {
    const $ = page('en/policy-en/index.html')
    expect($('.summary-text').text()).toContain('(Stoll et al., 2019, p. 12)')
    expect($('.brief-body').text()).toContain('As Stoll et al. (2019) show')
    expect(
      $('.reference-list > li')
        .map((_, li) => $(li).attr('id'))
        .get(),
    ).toEqual(['ref-cbeci2024', 'ref-stoll2019carbon'])
    expect($('#ref-stoll2019carbon a[href="https://doi.org/10.1016/j.joule.2019.05.012"]')).toHaveLength(1)
  })

  it("shows a citation's reference on hover or focus, and keeps it a plain link", () => {
    const $ = loadPage(site.out, 'en/policy-en/index.html')
    const citation = $('.summary-text a.citation')
    expect(citation.attr('href')).toBe('#ref-stoll2019carbon')
    expect(citation.find('.citation-preview[hidden]').text()).toMatch(/^Stoll, C\., Klaaßen, L\./)
  })

  it('writes .bib and .ris files beside each page that re-import with the same title, authors and date', () => {
    for (const [lang, slug, title] of [
      ['zh', 'policy-zh', '碳排放与挖矿'],
      ['en', 'policy-en', 'Mining and Carbon'],
    ] as const) {
      for (const ext of ['bib', 'ris']) {
        const [item] = new Cite(fs.readFileSync(path.join(site.out, lang, slug, `${slug}.${ext}`), 'utf8')).data
        expect(item?.['title'], ext).toBe(title)
        expect(item?.['issued'], ext).toEqual({ 'date-parts': [[2025, 6, 1]] })
        const names = ((item?.['author'] ?? []) as Array<Record<string, string>>).map(
          (a) => a['literal'] ?? [a['given'], a['family']].filter(Boolean).join(' '),
        )
        expect(names, ext).toEqual(lang === 'zh' ? ['测试作者', 'Ada Example'] : ['Ada Example'])
      }
    }
    const $ = loadPage(site.out, 'zh/policy-zh/index.html')
    expect($('.cite-this a[href="policy-zh.bib"]')).toHaveLength(1)
    expect($('.cite-this-reference').text()).toContain('碳排放与挖矿[R/OL]')
  })

  it('gives Google Scholar, link previews and search engines their metadata', () => {
    const $ = loadPage(site.out, 'zh/policy-zh/index.html')
    const meta = (name: string) =>
      $(`meta[name="${name}"]`)
        .map((_, m) => $(m).attr('content'))
        .get()
    expect(meta('citation_title')).toEqual(['碳排放与挖矿'])
    expect(meta('citation_author')).toEqual(['测试作者', 'Ada Example'])
    expect(meta('citation_publication_date')).toEqual(['2025/06/01'])
    expect(meta('citation_language')).toEqual(['zh'])
    expect(meta('citation_reference')).toHaveLength(5)
    expect(meta('citation_reference')[1]).toContain('citation_title=The carbon footprint of bitcoin')
    expect($('meta[property="og:title"]').attr('content')).toBe('碳排放与挖矿')
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text())
    expect(jsonLd).toMatchObject({
      '@type': 'Report',
      name: '碳排放与挖矿',
      datePublished: '2025-06-01',
      inLanguage: 'zh',
    })
    expect(jsonLd.author).toEqual([
      { '@type': 'Organization', name: '测试作者' },
      { '@type': 'Person', name: 'Ada Example' },
    ])
    expect(jsonLd.citation).toHaveLength(5)
  })

  it('exits 1 naming an unknown style', async () => {
    const broken = copySite('citations')
    const brief = path.join(broken.content, 'policy-en', 'brief.md')
    fs.writeFileSync(brief, fs.readFileSync(brief, 'utf8').replace('csl: apa', 'csl: apa-7th'))
    const bad = await runCli(['build', '--no-pdf', '--content', broken.content, '--out', broken.out])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(
      /policy-en\/brief\.md:6:6: error: Unknown citation style `apa-7th` \[unknown-style\]\n  hint: Did you mean `apa/,
    )
  })

  it('takes a style per language from site.yaml, and checks it there', async () => {
    const other = copySite('citations')
    const siteFile = path.join(other.content, 'site.yaml')
    fs.appendFileSync(siteFile, 'csl:\n  zh: chicago-author-date\n  en: harvard-cite-them-rite\n')
    const bad = await runCli(['build', '--no-pdf', '--content', other.content, '--out', other.out])
    expect(bad.stderr).toMatch(
      /site\.yaml:6:7: error: Unknown citation style `harvard-cite-them-rite` \[unknown-style\]/,
    )
    fs.writeFileSync(
      siteFile,
      fs.readFileSync(siteFile, 'utf8').replace('harvard-cite-them-rite', 'harvard-cite-them-right'),
    )
    expect((await runCli(['build', '--no-pdf', '--content', other.content, '--out', other.out])).code).toBe(0)
    expect(loadPage(other.out, 'zh/policy-zh/index.html')('.summary-text').text()).toContain('(张等 2021)')
  })
})
