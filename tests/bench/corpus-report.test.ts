import { describe, expect, it } from 'vitest'
import { bytes, duration, markdownTable, median, stageShares } from '../../bench/corpus-report.ts'
import { type StageTimes, stages } from '../../src/reporting/timings.ts'

describe('median', () => {
  it('takes the middle value, the lower one of an even count', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2)
    expect(median([])).toBe(0)
  })
})

describe('stageShares', () => {
  it('gives each stage that took time its share, parts inside their stage, and the rest', () => {
    const times: StageTimes = {
      total: 1000,
      stages: {
        ...(Object.fromEntries(stages.map((s) => [s, 0])) as StageTimes['stages']),
        compile: 600,
        citations: 250,
        pdfs: 300,
      },
    }
    expect(stageShares(times)).toBe('compile 60% (citations 25%), pdfs 30%, other 10%')
  })
})

describe('formatting', () => {
  it('writes durations, sizes and markdown tables', () => {
    expect(duration(850.4)).toBe('850 ms')
    expect(duration(12_345)).toBe('12.35 s')
    expect(bytes(1.234e9)).toBe('1.23 GB')
    expect(bytes(456e6)).toBe('456 MB')
    expect(markdownTable(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |')
  })
})
