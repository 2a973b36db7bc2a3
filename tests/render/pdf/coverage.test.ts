import fs from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { fontCoverage, inRanges, missingCharacters } from '../../../src/render/pdf/coverage.ts'

const require = createRequire(import.meta.url)
const css = (spec: string) => fs.readFileSync(require.resolve(spec), 'utf8')

describe('glyph coverage', () => {
  it('reads unicode-range lists, single points and wildcards', () => {
    const ranges = fontCoverage([
      '@font-face { unicode-range: U+0000-00FF, U+4E00; } @font-face { unicode-range: U+30?? }',
    ])
    expect(ranges).toEqual([
      [0, 0xff],
      [0x3000, 0x30ff],
      [0x4e00, 0x4e00],
    ])
    expect(missingCharacters('Aあ一丁', inRanges(ranges))).toEqual(['丁'])
  })

  it("finds the shipped Noto fonts cover the sample's Chinese and Latin text, but not every script", () => {
    const coverage = inRanges(
      fontCoverage([css('@fontsource/noto-sans/400.css'), css('@fontsource/noto-sans-sc/400.css')]),
    )
    expect(missingCharacters('工作量证明 2016，“挖矿”（PoW）—— Antminer S19 Pro’s 85%', coverage)).toEqual([])
    expect(missingCharacters('ᚠ𓀀 ok', coverage)).toEqual(['ᚠ', '𓀀'])
  })

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
