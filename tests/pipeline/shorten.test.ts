import { describe, expect, it } from 'vitest'
import { shorten } from '../../src/pipeline/shorten.ts'

describe('shorten', () => {
  it('leaves a short text as it is', () => {
    expect(shorten('  Bitcoin: A Peer-to-Peer Electronic Cash System ', 60)).toBe(
      'Bitcoin: A Peer-to-Peer Electronic Cash System',
    )
  })

  it('cuts English between words, dropping the punctuation left at the cut', () => {
    expect(shorten('Two winters of a grid battery fleet: availability, failures and the evening peak', 40)).toBe(
      'Two winters of a grid battery fleet…',
    )
    expect(shorten('abcdefghij klmnopqrstuvwxyz', 12)).toBe('abcdefghij…')
  })

  it('cuts a word that starts before the middle rather than leave almost nothing', () => {
    expect(shorten('Supercalifragilisticexpialidocious words', 12)).toBe('Supercalifr…')
  })

  it('cuts Chinese between any two characters, never inside a surrogate pair', () => {
    expect(shorten('比特币挖矿的能源消耗与电网稳定性研究报告', 10)).toBe('比特币挖矿的能源消…')
    expect(Array.from(shorten('𠀀𠀁𠀂𠀃𠀄𠀅', 4))).toEqual(['𠀀', '𠀁', '𠀂', '…'])
  })
})
