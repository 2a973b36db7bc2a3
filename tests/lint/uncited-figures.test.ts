import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import type { LintLevel } from '../../src/config/lint-levels.ts'
import { parseMarkdown } from '../../src/content/parse.ts'
import { firstFigure } from '../../src/lint/figures.ts'
import { lintUncitedFigures } from '../../src/lint/uncited-figures.ts'
import { transformMarkdown } from '../../src/pipeline/markdown.ts'

/** The `uncited-figure` messages of one markdown unit, citations transformed as a build does. */
function lintFigures(markdown: string, lang = 'en', level?: LintLevel) {
  const file = new VFile({ path: 'x.md', value: markdown })
  const tree = parseMarkdown(file)
  transformMarkdown(tree, file, { citationKeys: undefined, contentDir: '.', pdf: false })
  lintUncitedFigures({ lint: level ? { 'uncited-figure': level } : {} }, { tree, file }, lang)
  return file.messages.filter((m) => m.ruleId === 'uncited-figure')
}

const found = (markdown: string, lang = 'en') =>
  lintFigures(markdown, lang).map((m) => `${m.line}:${m.column} ${/`([^`]+)`/.exec(m.reason)?.[1]}`)

describe('firstFigure', () => {
  it.each([
    ['Retail sales rose by 5%.', '5%'],
    ['It rose 5 % a year.', '5 %'],
    ['It rose 5 percent.', '5 percent'],
    ['A machine cost US$11,100.', 'US$11,100'],
    ['It cost $5 billion.', '$5 billion'],
    ['It cost €40.', '€40'],
    ['Mining used 138 TWh in 2024.', '138 TWh'],
    ['Its power draw is about 3,250 watts.', '3,250 watts'],
    ['The hash rate was 809.65 EH/s.', '809.65 EH/s'],
    ['Crypto used 120 billion to 240 billion kilowatt-hours.', '240 billion kilowatt-hours'],
    ['It emits 5 million tonnes of CO2.', '5 million tonnes'],
    ['耗电约 138 太瓦时。', '138 太瓦时'],
    ['跌至约 15517 美元。', '15517 美元'],
    ['矿机价格下跌约 85%。', '85%'],
    ['耗电 1200 亿至 2400 亿千瓦时。', '2400 亿千瓦时'],
    ['功耗约 3250 瓦。', '3250 瓦'],
    ['排放 5 万吨。', '5 万吨'],
    ['币价下跌近八成。', '八成'],
    ['占百分之五。', '百分之五'],
    ['上涨 2 个百分点。', '2 个百分点'],
  ])('finds the figure in %j', (text, figure) => {
    expect(firstFigure(text)?.text).toBe(figure)
  })

  it.each([
    'In 2022 the rules changed.',
    '2022 年，政策收紧。',
    '2025 年 3 月 20 日的数据。',
    'On 20 March 2025, five reasons were given.',
    '每 2016 个区块调整一次难度。',
    'It adjusts every 2,016 blocks.',
    'See section 3.2 and the 2nd chapter.',
    'The Antminer S19 Pro is a machine.',
    'COVID-19 changed that.',
    'A service life of 2–3 years.',
    '使用寿命仅 2–3 年。',
    '挖矿成为众矢之的，整治已经完成。',
    '格局一成不变。',
    '排名从第 5 升至第 3。',
    'The 51% attack is a risk.',
    '面临“51% 攻击”风险。',
  ])('finds no figure in %j', (text) => {
    expect(firstFigure(text)).toBeUndefined()
  })
})

describe('lintUncitedFigures', () => {
  it('flags an uncited figure in English and in Chinese, at its line and column', () => {
    expect(found('Intro [@a].\n\nThe policy raised retail sales by 5%.\n')).toEqual(['3:35 5%'])
    expect(found('The price fell from US$11,100.\nMining used 138 TWh.\n')).toEqual(['1:21 US$11,100', '2:13 138 TWh'])
    expect(found('比特币挖矿耗电约 138 太瓦时。价格跌至约 15517 美元。\n', 'zh')).toEqual([
      '1:10 138 太瓦时',
      '1:24 15517 美元',
    ])
    expect(found('矿机价格一年内跌去约 85%。\n', 'zh')).toEqual(['1:12 85%'])
  })

  it('reports with a message and a hint naming the figure', () => {
    const [message] = lintFigures('It fell by about 85%.\n')
    expect(message?.reason).toBe('The figure `85%` has no citation in its sentence or the one before')
    expect(message?.note).toBe('Cite the source right after the figure or at the end of the sentence: `…85% [@key].`')
    expect(message?.fatal).toBe(false)
  })

  it('takes a citation in the sentence, before its full stop, or right after it as citing the figure', () => {
    expect(found('矿机价格一年内跌去约 85%[@a]。\n', 'zh')).toEqual([])
    expect(found('It fell by about 85% [@a] in a year.\n')).toEqual([])
    expect(found('It fell by about 85% [@a].\n')).toEqual([])
    expect(found('It fell by about 85%. [@a] Then it rose.\n')).toEqual([])
    expect(found('据 @a 的估计，耗电约 138 太瓦时。\n', 'zh')).toEqual([])
  })

  it('takes a citation in the sentence before as citing the figure, but not two sentences before', () => {
    expect(found('Mining is costly [@a]. It used 138 TWh in 2024.\n')).toEqual([])
    expect(found('挖矿代价高昂[@a]。2024 年耗电约 138 太瓦时。\n', 'zh')).toEqual([])
    expect(found('Mining is costly [@a]. It is old. It used 138 TWh.\n')).toEqual(['1:43 138 TWh'])
  })

  it('does not take a citation in another paragraph or list item as citing the figure', () => {
    expect(found('Mining is costly [@a].\n\nIt used 138 TWh.\n')).toEqual(['3:9 138 TWh'])
    expect(found('- Costly [@a].\n- It used 138 TWh.\n')).toEqual(['2:11 138 TWh'])
  })

  it('reads years, dates and counts of things as no figures', () => {
    expect(found('In 2022 five reasons were given, on 20 March.\n')).toEqual([])
    expect(found('2025 年 3 月 20 日，每 2016 个区块调整一次难度。\n', 'zh')).toEqual([])
  })

  it('leaves alone numbers in citations, link URLs, autolinks and inline code', () => {
    expect(found('As shown [@a, p. 5].\n')).toEqual([])
    expect(found('See [the report](https://example.org/5%25/138-TWh) and www.example.org/5%.\n')).toEqual([])
    expect(found('Set `limit = 5%` and `$5`.\n')).toEqual([])
  })

  it('flags a figure in link text, in a list item, a quote and a callout, but not in a heading or code', () => {
    expect(found('- It used [138 TWh](https://example.org).\n\n> It rose 5%.\n')).toEqual(['1:12 138 TWh', '3:11 5%'])
    expect(found(':::note[Note 5%]\nThe original said 70%.\n:::\n')).toEqual(['2:19 70%'])
    expect(found('## A 5% rise\n\n```\nrate = 5%\n```\n')).toEqual([])
  })

  it('maps the column through escapes and a list item’s indent', () => {
    expect(found('- An \\*escaped\\* item,\n  then 138 TWh.\n')).toEqual(['2:8 138 TWh'])
  })

  it('finds the column of a figure after a citation, whose text has no position of its own', () => {
    expect(found('挖矿代价高昂[@a]。矿机很旧。\n耗电约 138 太瓦时。\n', 'zh')).toEqual(['2:5 138 太瓦时'])
  })

  it('reads a table cell as a block, cited in its row, its column’s header, or the paragraph before or after the table', () => {
    const table = (rows: string) => `| Item | Use |\n| --- | --- |\n${rows}`
    expect(found(table('| Mining | 138 TWh |\n'))).toEqual(['3:12 138 TWh'])
    expect(found(table('| Mining [@a] | 138 TWh |\n'))).toEqual([])
    expect(found('| Item | Use [@a] |\n| --- | --- |\n| Mining | 138 TWh |\n')).toEqual([])
    expect(found(`As measured [@a].[^1]\n\n[^1]: At noon.\n\n${table('| Mining | 138 TWh |\n')}`)).toEqual([])
    expect(found(`${table('| Mining | 138 TWh |\n')}\nSource: [@a].\n`)).toEqual([])
  })

  it('takes a footnote reference as a citation only when its footnote cites', () => {
    expect(found('It used 138 TWh.[^1]\n\n[^1]: See [@a].\n')).toEqual([])
    expect(found('It used 138 TWh.[^1]\n\n[^1]: An estimate.\n')).toEqual(['1:9 138 TWh'])
  })

  it('joins the lines of a paragraph into its sentences', () => {
    expect(found('Mining used about\n138 TWh of electricity [@a].\n')).toEqual([])
  })

  it('splits sentences by the default rules when ICU refuses the brief’s language tag', () => {
    expect(found('It rose 5%.\n', 'en-12')).toEqual(['1:9 5%'])
  })

  it('lists at most 100 in a file, then says the rest are left out', () => {
    const messages = lintFigures('It rose 5%.\n\n'.repeat(105))
    expect(messages).toHaveLength(101)
    expect(messages.at(-1)?.reason).toBe('More `uncited-figure` problems in this file are not listed')
  })

  it('speaks at the level site.yaml sets: off, or error', () => {
    expect(lintFigures('It rose 5%.\n', 'en', 'off')).toEqual([])
    expect(lintFigures('It rose 5%.\n', 'en', 'error').map((m) => m.fatal)).toEqual([true])
  })
})
