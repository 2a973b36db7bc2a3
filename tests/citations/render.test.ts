import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { renderCitations } from '../../src/citations/render.ts'
import { loadStyle } from '../../src/citations/styles.ts'
import { loadBibliography } from '../../src/content/bibliography.ts'
import { parseMarkdown } from '../../src/content/parse.ts'
import { markdownToHtml, transformMarkdown } from '../../src/pipeline/markdown.ts'
import { sharedBibliography } from '../helpers/fixtures.ts'

const bibliography = loadBibliography(sharedBibliography)

function render(markdowns: string[], style: string, lang: string, nocite: string[] = []) {
  const files = markdowns.map((value, i) => new VFile({ path: `/tmp/unit-${i}.md`, value }))
  const trees = files.map((file) => {
    const tree = parseMarkdown(file)
    transformMarkdown(tree, file, { citationKeys: new Set(bibliography.items.keys()), contentDir: '/tmp', pdf: false })
    return tree
  })
  const references = renderCitations(files, loadStyle(style), bibliography.items, lang, { nocite })
  const full = files.map((file, i) =>
    markdownToHtml(trees[i]!, file, { idPrefix: `u${i}-`, footnoteLabel: '注释', footnoteBackLabel: '返回' }),
  )
  // Note: `html` is the citations as read, without their ids and hover previews (tested on `full`).
  const html = full.map((h) =>
    h.replace(/<span class="citation-preview"[^>]*>.*?<\/span>/g, '').replace(/ id="cite-\d+"/g, ''),
  )
  return { html, full, references }
}

describe("renderCitations with briefkit's bilingual GB/T 7714 (numeric)", () => {
  const gbt = 'briefkit-gb-t-7714-2015-numeric'

  it('numbers works by first citation across units and lists only cited works, in that order', () => {
    const { html, references } = render(['甲[@wang2022zh]。', '乙[@smith2020heat]，再引[@wang2022zh]。'], gbt, 'zh')
    expect(html[0]).toContain('<a class="citation" href="#ref-wang2022zh" data-cites="wang2022zh"><sup>[1]</sup></a>')
    expect(html[1]).toContain('<sup>[2]</sup>')
    expect(html[1]).toContain('href="#ref-wang2022zh" data-cites="wang2022zh"><sup>[1]</sup>')
    expect(references.map((r) => r.id)).toEqual(['wang2022zh', 'smith2020heat'])
  })

  it('collapses a group of four to a range and links its ends', () => {
    const { html } = render(['四篇[@wang2022zh; @smith2020heat; @lee2019canopy; @khan2021shade]。'], gbt, 'zh')
    expect(html[0]).toMatch(
      /<span class="citation" data-cites="wang2022zh smith2020heat lee2019canopy khan2021shade"><sup>\[<a href="#ref-wang2022zh">1<\/a>[–-]<a href="#ref-khan2021shade">4<\/a>\]<\/sup><\/span>/,
    )
  })

  it('gives a narrative cite the first author and the number', () => {
    const { html } = render(['如@wang2022zh所述，@smith2020heat 亦然。'], gbt, 'zh')
    expect(html[0]).toContain('>王小明等<sup>[1]</sup></a>所述')
    expect(html[0]).toContain('>Smith et al.<sup>[2]</sup></a>')
  })

  it('formats each entry by its own language: 等 for a Chinese article, et al. and capitals for an English one', () => {
    const { references } = render(['[@wang2022zh; @smith2020heat; @nakamoto2008]'], gbt, 'zh')
    expect(references[0]?.html).toContain('王小明, 李华, 张伟, 等. 城市树木与降温[J]. 示例学报')
    expect(references[1]?.html).toContain(
      'SMITH J, DOE J, ROE R, et al. Street trees and urban heat[J]. Journal of Example Studies, 2020, 12(3): 10-20. DOI:',
    )
    expect(references[2]?.html).toContain('[EB/OL]')
    expect(references[2]?.html).toMatch(/\[\d{4}-\d{2}-\d{2}\]\. <a href="https:\/\/bitcoin\.org\/bitcoin\.pdf">/)
  })

  it('sorts a group by number, puts a locator in the brackets, and keeps organisations out of capitals', () => {
    const { html } = render(
      ['先[@wang2022zh]，后[@smith2020heat; @wang2022zh]，页[@smith2020heat, p. 12]。'],
      gbt,
      'zh',
    )
    expect(html[0]).toMatch(/<sup>\[<a href="#ref-wang2022zh">1<\/a>,<a href="#ref-smith2020heat">2<\/a>\]<\/sup>/)
    expect(html[0]).toContain('<sup>[2:12]</sup>')
  })
})

describe('renderCitations with APA', () => {
  it('renders parenthetical cites with locators, narrative cites and a list with DOI links', () => {
    const { html, references } = render(
      ['Heat [@smith2020heat, p. 12]. @lee2019canopy argues. [@smith2020heat; @lee2019canopy]'],
      'apa',
      'en',
    )
    expect(html[0]).toContain('>(Smith et al., 2020, p. 12)</a>')
    expect(html[0]).toContain('>Lee (2019)</a> argues')
    expect(html[0]).toMatch(
      /\(<a href="#ref-lee2019canopy">Lee, 2019<\/a>; <a href="#ref-smith2020heat">Smith et al., 2020<\/a>\)/,
    )
    expect(references.map((r) => r.id)).toEqual(['lee2019canopy', 'smith2020heat'])
    expect(references[1]?.html).toContain(
      '<a href="https://doi.org/10.1234/example.2020.1">https://doi.org/10.1234/example.2020.1</a>',
    )
  })
})

describe('renderCitations with Chicago author-date', () => {
  it('renders locators, prefixes and suppressed authors', () => {
    const { html } = render(
      ['[see @smith2020heat, p. 12]. [-@lee2019canopy]. @khan2021shade says.'],
      'chicago-author-date',
      'en',
    )
    expect(html[0]).toContain('(see Smith et al. 2020, 12)')
    expect(html[0]).toContain('>(2019)</a>')
    expect(html[0]).toContain('>Khan (2021)</a> says')
  })

  it('sorts the reference list alphabetically and links DOIs', () => {
    const { references } = render(['[@smith2020heat; @lee2019canopy]'], 'chicago-author-date', 'en')
    expect(references.map((r) => r.id)).toEqual(['lee2019canopy', 'smith2020heat'])
    expect(references[1]?.html).toContain('<a href="https://doi.org/10.1234/example.2020.1">')
  })
})

describe('links between citations and the reference list', () => {
  it('gives each citation an id and a hidden preview of its entries, and each entry its citations', () => {
    const { full, references } = render(
      ['A [@smith2020heat]. B [@lee2019canopy; @smith2020heat].'],
      'chicago-author-date',
      'en',
    )
    expect(full[0]).toContain(
      '<a class="citation" href="#ref-smith2020heat" data-cites="smith2020heat" id="cite-1">(Smith et al. 2020)<span class="citation-preview" hidden aria-hidden="true">Smith, Jane, John Doe',
    )
    expect(full[0]).toMatch(
      /id="cite-2">.*<span class="citation-preview" hidden aria-hidden="true">Lee, Min\. 2019\..*<br>Smith, Jane/,
    )
    expect(references.find((r) => r.id === 'smith2020heat')?.citedAt).toEqual(['cite-1', 'cite-2'])
    expect(references.find((r) => r.id === 'lee2019canopy')?.citedAt).toEqual(['cite-2'])
  })

  it('lists works named in nocite without citing them', () => {
    const { references } = render(['A [@smith2020heat].'], 'chicago-author-date', 'en', ['khan2021shade'])
    expect(references.map((r) => [r.id, r.citedAt.length])).toEqual([
      ['khan2021shade', 0],
      ['smith2020heat', 1],
    ])
  })
})

describe('reference notes and languages', () => {
  it("shows an entry's note the style leaves out, and gives each entry its language", () => {
    const bib = loadBibliography(sharedBibliography)
    const items = new Map(bib.items)
    items.set('wang2022zh', { ...items.get('wang2022zh')!, note: '未经核实：卷期待核对' })
    const file = new VFile({ path: '/tmp/n.md', value: '[@wang2022zh; @nakamoto2008]' })
    transformMarkdown(parseMarkdown(file), file, {
      citationKeys: new Set(items.keys()),
      contentDir: '/tmp',
      pdf: false,
    })
    const references = renderCitations([file], loadStyle('china-national-standard-gb-t-7714-2015-numeric'), items, 'zh')
    expect(references[0]?.html).toContain('<span class="reference-note">（未经核实：卷期待核对）</span>')
    expect(references.map((r) => r.lang)).toEqual(['zh-CN', 'en-US'])
  })
})
