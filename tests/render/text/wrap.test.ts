import { describe, expect, it } from 'vitest'
import { breakPieces, wrapText } from '../../../src/render/text/wrap.ts'

// Note: a measure where every character is 10 px wide, so the expected lines can be counted by hand.
const width = (line: string) => [...line].length * 10

describe('breakPieces', () => {
  it('breaks Chinese between characters, keeping closing marks with the character before and opening marks with the one after', () => {
    expect(breakPieces('挖矿，“原罪”。')).toEqual(['挖', '矿，', '“原', '罪”。'])
  })

  it('breaks other text between words, keeping a number with its unit sign', () => {
    expect(breakPieces('Pool share (51%) overstates')).toEqual(['Pool ', 'share ', '(51%) ', 'overstates'])
  })
})

describe('wrapText', () => {
  it('never starts a line of a long Chinese label with a closing mark', () => {
    const label =
      '从经济逻辑看，虚拟货币挖矿的“暴利”本质上是不可持续的，其边际收益递减规律早已显现。矿机折旧、电价上涨与减半，共同压缩了利润。'
    // Note: every width from 3 to 12 characters puts some mark at a line's end.
    for (let chars = 3; chars <= 12; chars++) {
      const { lines } = wrapText(label, width, { maxWidth: chars * 10, maxLines: 99 })
      expect(lines.join('')).toBe(label)
      for (const line of lines.slice(1)) expect(line).not.toMatch(/^[，。、；：”」）]/)
      for (const line of lines.slice(0, -1)) expect(line).not.toMatch(/[“「（]$/)
      for (const line of lines) expect(width(line)).toBeLessThanOrEqual(chars * 10)
    }
  })

  it('breaks English between words and keeps each line within the width', () => {
    const { lines, truncated } = wrapText('A rising price offsets the halving of the block reward', width, {
      maxWidth: 200,
    })
    expect(lines).toEqual(['A rising price', 'offsets the halving', 'of the block reward'])
    expect(truncated).toBe(false)
  })

  it('ends the last line with an ellipsis when the text needs more lines than allowed', () => {
    const { lines, truncated } = wrapText('one two three four five six seven eight nine ten', width, {
      maxWidth: 100,
      maxLines: 2,
    })
    expect(truncated).toBe(true)
    expect(lines).toEqual(['one two', 'three…'])
    expect(wrapText('这是一个很长的标签，需要截断。', width, { maxWidth: 50, maxLines: 2 }).lines).toEqual([
      '这是一个很',
      '长的标签…',
    ])
  })

  it('cuts a word wider than the line between characters', () => {
    expect(wrapText('https://example.org/long', width, { maxWidth: 100 }).lines).toEqual([
      'https://ex',
      'ample.org/',
      'long',
    ])
  })
})
