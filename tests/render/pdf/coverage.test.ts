import { describe, expect, it } from 'vitest'
import { inRanges, missingCharacters } from '../../../src/render/pdf/coverage.ts'

describe('glyph coverage', () => {
  it('looks up edges, gaps, and overlapping or adjacent ranges given in any order', () => {
    const covers = inRanges([
      [0x50, 0x5f],
      [0x10, 0x1f],
      [0x18, 0x2f],
      [0x30, 0x30],
      [0x60, 0x60],
    ])
    const points = [0x0f, 0x10, 0x1f, 0x2f, 0x30, 0x31, 0x4f, 0x50, 0x60, 0x61]
    expect(points.map(covers)).toEqual([false, true, true, true, true, false, false, true, true, false])
    expect(inRanges([])(0x41)).toBe(false)
  })

  it('names each missing character once, in order of first appearance', () => {
    expect(missingCharacters('丁a丁b丂a', inRanges([[0x61, 0x61]]))).toEqual(['丁', 'b', '丂'])
  })

  it('ignores spaces and invisible joiners', () => {
    expect(missingCharacters(' \n\u2060\u200b', () => false)).toEqual([])
  })
})
