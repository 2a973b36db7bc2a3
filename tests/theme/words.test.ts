import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadTheme, packagedTemplatesDir } from '../../src/theme/theme.ts'
import { titleWords, titleWordsHtml } from '../../src/theme/words.ts'

const titles = [
  '虚拟货币为什么不能挖矿',
  '政策、环境、经济、技术与社会价值五重视角',
  '算力集中与去中心化的悖论',
  '比特币挖矿为何难以为继：能源、环境与金融风险',
  '2022年中国比特币挖矿耗电121.36太瓦时',
  '“双碳”目标下的《巴黎协定》与 Bitcoin 挖矿',
]

describe('titleWords', () => {
  it('regression (issue 16, `虚拟货币为什/么不能挖矿`): cuts the sample title into its words, none between 什 and 么', () => {
    expect(titleWords('虚拟货币为什么不能挖矿', 'zh')).toEqual(['虚拟', '货币', '为什么', '不能', '挖矿'])
  })

  it('keeps the words ICU splits into single characters or affixes whole (`比特币`, `挖矿`, `去中心化`)', () => {
    expect(titleWords('算力集中与去中心化的悖论', 'zh')).toEqual(['算力', '集中', '与', '去中心化', '的悖论'])
    expect(titleWords('比特币挖矿为何难以为继', 'zh')).toEqual(['比特币挖矿', '为何', '难以', '为继'])
  })

  it('keeps punctuation with its word and numbers with their units', () => {
    expect(titleWords('政策、环境、经济', 'zh')).toEqual(['政策、', '环境、', '经济'])
    expect(titleWords('“双碳”目标下的《巴黎协定》', 'zh')).toEqual(['“双碳”', '目标', '下的', '《巴黎', '协定》'])
    expect(titleWords('2022年中国比特币挖矿耗电121.36太瓦时', 'zh')).toEqual([
      '2022年',
      '中国',
      '比特币挖矿耗电',
      '121.36太瓦时',
    ])
  })

  it('loses and adds no character', () => {
    for (const title of titles) expect(titleWords(title, 'zh').join('')).toBe(title)
  })

  it('leaves text that is not Chinese, or not on a Chinese page, whole', () => {
    expect(titleWords('Why Cryptocurrency Mining Is Not Viable', 'zh')).toEqual([
      'Why Cryptocurrency Mining Is Not Viable',
    ])
    expect(titleWords('虚拟货币为什么不能挖矿', 'en')).toEqual(['虚拟货币为什么不能挖矿'])
    expect(titleWords('虚拟货币为什么不能挖矿', 'zh-Hant')).toHaveLength(5)
    expect(titleWords('', 'zh')).toEqual([])
  })
})

describe('titleWordsHtml', () => {
  it('puts a <wbr> between the words of a Chinese title and escapes its text', () => {
    expect(titleWordsHtml('虚拟货币为什么不能挖矿', 'zh')).toBe('虚拟<wbr>货币<wbr>为什么<wbr>不能<wbr>挖矿')
    expect(titleWordsHtml('挖矿<script>&amp;', 'zh')).toBe('挖矿<wbr>&lt;script>&amp;amp;')
    expect(titleWordsHtml('A <b>title</b> & more', 'en')).toBe('A &lt;b>title&lt;/b> &amp; more')
  })
})

describe('the `words` filter', () => {
  const engine = loadTheme(path.join(packagedTemplatesDir, 'default')).engine

  it('prints a title with its word breaks, escaped once, with no `| raw`', async () => {
    const html = await engine.parseAndRender('<h1>{{ title | words: lang }}</h1>', {
      title: '虚拟货币<b>为什么</b>',
      lang: 'zh',
    })
    expect(html).toBe('<h1>虚拟<wbr>货币<wbr>&lt;b><wbr>为什么<wbr>&lt;/b></h1>')
    expect(await engine.parseAndRender('{{ title | words: lang }}', { title: 'A & B', lang: 'en' })).toBe('A &amp; B')
    expect(await engine.parseAndRender('{{ missing | words: lang }}', { lang: 'zh' })).toBe('')
  })
})
