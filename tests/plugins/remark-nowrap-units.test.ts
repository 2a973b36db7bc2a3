import path from 'node:path'
import type { Emphasis, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../src/content/parse.ts'
import { markdownToHtml, transformMarkdown } from '../../src/pipeline/markdown.ts'
import { checkFixtures, fixturesDir, runUnit } from '../helpers/fixtures.ts'

const dir = path.join(fixturesDir, 'remark-nowrap-units')

/** The transformed tree and HTML of one markdown string in a brief of language `lang`. */
function run(markdown: string, lang = 'zh') {
  const file = new VFile({ path: 'x.md', value: markdown })
  const tree = transformMarkdown(parseMarkdown(file), file, {
    citationKeys: undefined,
    contentDir: '.',
    pdf: false,
    lang,
  })
  const html = markdownToHtml(structuredClone(tree), file, {
    idPrefix: '',
    footnoteLabel: 'Notes',
    footnoteBackLabel: 'Back',
  })
  return { tree, html }
}

/** What is kept on one line. */
const kept = (markdown: string, lang = 'zh') =>
  [...run(markdown, lang).html.matchAll(/<span class="nowrap">([^<]*)<\/span>/g)].map((m) => m[1])

describe('remarkNowrapUnits', () => {
  it('matches every fixture', () => {
    const inLanguage = (input: string) =>
      path.basename(path.dirname(input)) === 'english'
        ? runUnit(input, 'chicago-author-date', 'en')
        : runUnit(input, 'china-national-standard-gb-t-7714-2015-numeric', 'zh')
    expect(checkFixtures(dir, inLanguage)).toEqual(['chinese', 'english', 'left-alone'])
  })

  it.each([
    ['耗电约 138 太瓦时。', '138 太瓦时'],
    ['约 121.36 太瓦时', '121.36 太瓦时'],
    ['跌至约 15517 美元，', '15517 美元'],
    ['约 68,906 美元', '68,906 美元'],
    ['2022 年一年内', '2022 年'],
    ['于2022年一年内', '2022年'],
    ['约 2400 亿千瓦时', '2400 亿千瓦时'],
    ['约 1200 亿至', '1200 亿'],
    ['2016 个区块', '2016 个'],
    ['仅 2–3 年', '2–3 年'],
    ['20 多年', '20 多年'],
    ['3 个百分点', '3 个百分点'],
    ['发布于 2021-02-03。', '2021-02-03'],
    ['2021–2022 年', '2021–2022 年'],
  ])('keeps `%s` together as `%s`', (markdown, run) => {
    expect(kept(markdown)).toEqual([run])
  })

  it('keeps each part of a date written in words on its own', () => {
    expect(kept('2021 年 2 月 3 日')).toEqual(['2021 年', '2 月', '3 日'])
  })

  it('leaves a percentage with no unit alone: Chromium never breaks inside `85%`, and `约` is a word of its own', () => {
    expect(kept('矿机价格跌去约 85%。')).toEqual([])
  })

  it('keeps dates and year ranges whole in every language, but not units in English', () => {
    expect(kept('On 2021-02-03, over 2021–2022 and 2021–22, 138 TWh and 15517 美元.', 'en')).toEqual([
      '2021-02-03',
      '2021–2022',
      '2021–22',
    ])
    expect(kept('功耗约 3250 W，算力约 110 TH/s。')).toEqual([])
  })

  it('leaves code, URLs, autolinks and citations alone', () => {
    const markdown = [
      '`2022 年` 与 [2022 年的报告](https://example.org/2022-01-05) 见 https://example.org/2021-02-03',
      '与 www.gov.cn/guowuyuan/2021-05/21，S19 与 COVID-19 年，1.5.2 个，[@smith2020heat, p. 2022]。',
      '',
      '```',
      '138 太瓦时',
      '```',
    ].join('\n')
    const { html } = run(markdown)
    expect(kept(markdown)).toEqual(['2022 年'])
    expect(html).toContain('<a href="https://example.org/2022-01-05"><span class="nowrap">2022 年</span>的报告</a>')
    expect(html).toContain('<code>2022 年</code>')
    expect(html).toContain('<pre><code>138 太瓦时\n</code></pre>')
  })

  it('only splits text: the characters and their places in the source stay as they were', () => {
    const markdown = '耗电约 138 太瓦时，\n约占 0.5%。&amp; 2022 年'
    const { tree } = run(markdown)
    const spans: Emphasis[] = []
    visit(tree as Root, 'emphasis', (node) => {
      spans.push(node)
    })
    expect(spans.map((s) => [s.position?.start.offset, s.position?.end.offset])).toEqual([
      [4, 11],
      [27, 33],
    ])
    expect(spans.map((s) => markdown.slice(s.position?.start.offset, s.position?.end.offset))).toEqual([
      '138 太瓦时',
      '2022 年',
    ])
    const texts: string[] = []
    visit(tree as Root, 'text', (node) => {
      texts.push(node.value)
      const { start, end } = node.position ?? {}
      if (start?.offset !== undefined && end?.offset !== undefined && !node.value.includes('&')) {
        expect(markdown.slice(start.offset, end.offset).replace('\n', '')).toBe(node.value)
      }
    })
    expect(texts.join('')).toBe('耗电约 138 太瓦时，约占 0.5%。& 2022 年')
  })

  it('does nothing in English units, nor in a Chinese brief to `lang: zh`-less text', () => {
    expect(kept('耗电约 138 太瓦时', 'en')).toEqual([])
    expect(kept('耗电约 138 太瓦时', 'zh-Hant')).toEqual(['138 太瓦时'])
  })
})
