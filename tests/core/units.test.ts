import { describe, expect, it } from 'vitest'
import { chineseUnitWords, unbreakableRuns } from '../../src/core/units.ts'

const runs = (text: string, lang: string) => unbreakableRuns(text, lang).map((m) => m[0])

describe('unbreakableRuns', () => {
  it('keeps a Chinese number with its magnitude, unit, measure or count word', () => {
    expect(runs('约 121.36 太瓦时，1200 亿至 2400 亿千瓦时', 'zh')).toEqual([
      '121.36 太瓦时',
      '1200 亿',
      '2400 亿千瓦时',
    ])
    expect(runs('2022 年 11 月，15517 美元', 'zh')).toEqual(['2022 年', '11 月', '15517 美元'])
    // A document number in a GB/T 7714 entry, whose 号 a line must not take from its number.
    expect(runs('银发〔2026〕42号[R]. 北京', 'zh')).toEqual(['42号'])
  })

  it('keeps dates and year ranges whole in every language, and nothing else outside Chinese', () => {
    expect(runs('accessed 2026-11-25, data 2019–2023, 42 kWh', 'en')).toEqual(['2026-11-25', '2019–2023'])
    expect(runs('42 号', 'en')).toEqual([])
  })

  it('leaves a model, a version or a bare number alone', () => {
    expect(runs('S19 Pro、1.5.2 版、第 5 名中的 3', 'zh')).toEqual(['5 名'])
  })
})

describe('chineseUnitWords', () => {
  it('holds Chinese words only', () => {
    expect(chineseUnitWords.every((word) => /^\p{Script=Han}+$/u.test(word))).toBe(true)
    expect(chineseUnitWords).toEqual(expect.arrayContaining(['太瓦时', '亿', '年', '号']))
  })
})
