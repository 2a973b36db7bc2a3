import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as cheerio from 'cheerio'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/resolve.ts'
import type { ArgumentMap } from '../../src/core/argument-map.ts'
import { BuildCache } from '../../src/core/cache.ts'
import { citedWorks, evidenceCountText } from '../../src/render/html/cited-works.ts'
import { renderKindPages } from '../../src/render/html/listing-pages.ts'
import { renderSourcesPages, sourcesPagePath } from '../../src/render/html/sources-page.ts'
import { loadTheme, packagedTemplatesDir } from '../../src/theme/theme.ts'
import { briefWithMap, mapFixture } from '../helpers/argument-maps.ts'

const sample = path.resolve(import.meta.dirname, '..', '..', 'content')
const config = loadConfig(sample).config
if (!config) throw new Error("the sample's site.yaml did not load")
const theme = loadTheme(path.join(packagedTemplatesDir, 'default'))

/** A second brief, older, citing one work of the first (the same key and URL) behind its one claim. */
function secondBrief(lang: 'en' | 'zh') {
  const map: ArgumentMap = {
    nodes: [
      {
        id: 'thesis',
        kind: 'thesis',
        label: lang === 'en' ? 'Grids can absorb mining.' : '电网可以消纳挖矿负荷。',
        href: '#summary',
      },
      {
        id: 'claim-grid',
        kind: 'claim',
        label: lang === 'en' ? 'Mining loads are flexible.' : '挖矿负荷可调节。',
        href: '#policy',
        argumentKind: 'policy',
        argument: 'grid',
        stance: 'pro',
      },
      { id: 'work-ccaf2025mining', kind: 'evidence', label: 'Neumueller et al. 2025', href: '#ref-ccaf2025mining' },
      { id: 'work-aaa2020', kind: 'evidence', label: 'Aaronson 2020: Load flexibility', href: '#ref-aaa2020' },
    ],
    edges: [
      { from: 'claim-grid', to: 'thesis', relation: 'support' },
      { from: 'work-ccaf2025mining', to: 'claim-grid', relation: 'support' },
      { from: 'work-aaa2020', to: 'claim-grid', relation: 'support' },
    ],
  }
  return briefWithMap(map, {
    lang,
    slug: 'grids',
    title: lang === 'en' ? 'Grids and Mining' : '电网与挖矿',
    date: '2025-01-01',
  })
}

function briefs(lang: 'en' | 'zh') {
  const first = briefWithMap(mapFixture(lang), {
    lang,
    slug: 'mining-not-viable',
    title: lang === 'en' ? 'Why Mining Is Not Viable' : '虚拟货币为什么不能挖矿',
    numeric: lang === 'zh',
  })
  return [first, secondBrief(lang)]
}

describe('citedWorks', () => {
  it('lists a work two briefs cite once, first, with the claims in each brief that rest on it', () => {
    const works = citedWorks(briefs('en'), 'en')
    expect(works).toHaveLength(12)
    const [top] = works
    expect(top?.id).toBe('work-ccaf2025mining')
    expect(top?.citedIn.map((c) => [c.brief.slug, c.href, c.supports.map((n) => n.id)])).toEqual([
      ['mining-not-viable', '#ref-ccaf2025mining', ['claim-environment', 'claim-centralization']],
      ['grids', '#ref-ccaf2025mining', ['claim-grid']],
    ])
    // Note: then by the number of claims, then alphabetically: every other work backs one claim.
    expect(works.slice(1).map((w) => w.citedIn.reduce((n, c) => n + c.supports.length, 0))).toEqual(Array(11).fill(1))
    expect(works[1]?.text).toMatch(/^Aaronson 2020/)
  })

  it("drops the brief's numbers and links back to its citations from each entry", () => {
    const works = citedWorks(briefs('zh'), 'zh')
    for (const work of works) {
      expect(work.html).not.toMatch(/csl-left-margin|backlinks|#cite-/)
      expect(work.text).not.toMatch(/^\[\d+\]/)
    }
  })

  it("gives an entry whose authors a style wrote as `———` (the entry before's) its authors back", () => {
    const [brief] = briefs('en')
    if (!brief) throw new Error('no brief')
    const entry = (id: string, html: string) => ({ id, html, lang: undefined, item: undefined, citedAt: ['cite-1'] })
    const references = [
      entry(
        'tfr2023',
        '<div class="csl-entry">European Parliament and Council of the European Union. 2023a. <i>Regulation (EU) 2023/1113</i>.</div>',
      ),
      entry('mica2023', '<div class="csl-entry">———. 2023b. <i>Regulation (EU) 2023/1114</i>.</div>'),
      entry('mica2024', '<div class="csl-entry">———. 2024. <i>Guidance</i>.</div>'),
      entry('smith', '<div class="csl-entry">Smith, J. R. 2020. <i>A Book</i>.</div>'),
      entry('smith2', '<div class="csl-entry">———. 2021. <i>Another Book</i>.</div>'),
    ]
    const texts = citedWorks([{ ...brief, references }], 'en').map((w) => w.text)
    expect(texts.sort()).toEqual([
      'European Parliament and Council of the European Union. 2023a. Regulation (EU) 2023/1113.',
      'European Parliament and Council of the European Union. 2023b. Regulation (EU) 2023/1114.',
      'European Parliament and Council of the European Union. 2024. Guidance.',
      'Smith, J. R. 2020. A Book.',
      'Smith, J. R. 2021. Another Book.',
    ])
    // Note: with a cache, the same works; an edited reference (other authors) gets its own entries, never the kept ones.
    const cache = new BuildCache(fs.mkdtempSync(path.join(os.tmpdir(), 'briefkit-sources-')), () => undefined)
    const withCache = () => citedWorks([{ ...brief, references }], 'en', cache)
    expect(withCache()).toEqual(citedWorks([{ ...brief, references }], 'en'))
    expect(withCache()).toEqual(citedWorks([{ ...brief, references }], 'en'))
    references[3] = entry('smith', '<div class="csl-entry">Jones, K. 2020. <i>A Book</i>.</div>')
    expect(withCache().map((w) => w.text)).toContain('Jones, K. 2021. Another Book.')
  })

  it('keeps two works with the same key but different titles apart, each with an id of its own', () => {
    const [first, second] = briefs('en')
    if (!first || !second) throw new Error('no briefs')
    const other = {
      ...second,
      references: second.references.map((r) =>
        r.id === 'ccaf2025mining'
          ? { ...r, item: { id: r.id, type: 'book', title: 'Another work' } as typeof r.item }
          : r,
      ),
    }
    const works = citedWorks([first, other], 'en').filter((w) => w.id.startsWith('work-ccaf2025mining'))
    expect(works.map((w) => w.id).sort()).toEqual(['work-ccaf2025mining', 'work-ccaf2025mining-2'])
  })
})

describe('evidenceCountText', () => {
  it("counts the works behind each argument in the theme's words, and says nothing without a map", () => {
    const [brief] = briefs('en')
    if (!brief) throw new Error('no brief')
    const en = theme.strings('en')
    const zh = theme.strings('zh')
    expect(evidenceCountText(brief, 'policy', en)).toBe('4 sources')
    expect(evidenceCountText(brief, 'economics-2', en)).toBe('1 source')
    expect(evidenceCountText(brief, 'environment', zh)).toBe('3 项来源')
    const bare = { ...brief, argumentMap: { nodes: [], edges: [] } }
    expect(evidenceCountText(bare, 'policy', en)).toBeUndefined()
  })
})

describe.each(['en', 'zh'] as const)('the %s sources page', (lang) => {
  it('shows each work once with its briefs and claims, linked to their places, most used first', async () => {
    const pages = await renderSourcesPages(briefs(lang), config, theme)
    expect(pages.map((p) => p.path)).toEqual(config.languages.map(sourcesPagePath))
    const page = pages.find((p) => p.path === sourcesPagePath(lang))
    const $ = cheerio.load(page?.html ?? '')
    expect($('h1').text()).toBe(theme.strings(lang)['sources'])
    expect($('.sources-page .intro').text()).toBe(theme.strings(lang)['sourcesIntro'])
    const entries = $('.source-list > li.source')
    expect(entries).toHaveLength(12)
    const top = entries.first()
    expect(top.attr('id')).toBe('work-ccaf2025mining')
    expect(
      top
        .find('.source-briefs > li > a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual([
      `../../${lang}/mining-not-viable/index.html#ref-ccaf2025mining`,
      `../../${lang}/grids/index.html#ref-ccaf2025mining`,
    ])
    const claims = mapFixture(lang).nodes.filter((n) => n.id === 'claim-environment' || n.id === 'claim-centralization')
    expect(
      top
        .find('.source-claims a')
        .map((_, a) => [[$(a).text(), $(a).attr('href')]])
        .get(),
    ).toEqual([
      ...claims.map((n) => [n.label, `../../${lang}/mining-not-viable/index.html${n.href}`]),
      [lang === 'en' ? 'Mining loads are flexible.' : '挖矿负荷可调节。', `../../${lang}/grids/index.html#policy`],
    ])
    expect(page?.html).not.toMatch(/csl-left-margin|class="backlinks"/)
    expect($(`.site-footer a[href="../../${lang}/sources/index.html"]`).text()).toBe(theme.strings(lang)['sources'])
  })

  it('is there, saying so, for a language without briefs', async () => {
    const pages = await renderSourcesPages([], config, theme)
    const $ = cheerio.load(pages.find((p) => p.path === sourcesPagePath(lang))?.html ?? '')
    expect($('.source-list > li')).toHaveLength(0)
    expect($('main p').last().text()).toBe(theme.strings(lang)['noSources'])
  })
})

describe('kind pages', () => {
  it("show each claim's evidence count when its brief has a map, and none when it has not", async () => {
    const [mapped, other] = briefs('zh')
    if (!mapped || !other) throw new Error('no briefs')
    const bare = { ...other, argumentMap: { nodes: [], edges: [] } }
    const pages = await renderKindPages([mapped, bare], config, theme)
    const count = (kind: string) =>
      cheerio
        .load(pages.find((p) => p.path === `zh/kinds/${kind}/index.html`)?.html ?? '')('.argument-card .meta')
        .map((_, meta) => cheerio.load(meta)('.source-count').text())
        .get()
    expect(count('policy')).toEqual(['4 项来源', ''])
    expect(count('economics')).toEqual(['2 项来源', '1 项来源'])
  })
})
