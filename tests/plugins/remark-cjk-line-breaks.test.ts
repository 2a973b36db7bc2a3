import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkFixtures, fixturesDir, runUnit } from '../helpers/fixtures.ts'

const dir = path.join(fixturesDir, 'remark-cjk-line-breaks')

describe('remarkCjkLineBreaks', () => {
  it('matches every fixture', () => {
    expect(checkFixtures(dir, (input) => runUnit(input)).length).toBe(4)
  })

  it('joins lines between Chinese characters without a space', () => {
    expect(runUnit(path.join(dir, 'join-chinese-lines', 'input.md')).html).toBe(
      '<p>比特币挖矿耗电约占全球用电量的 0.5%，而非 1%。</p>',
    )
  })

  it('keeps line breaks next to Latin text', () => {
    expect(runUnit(path.join(dir, 'keep-latin-spaces', 'input.md')).html).toContain('uses\nabout')
    expect(runUnit(path.join(dir, 'keep-latin-spaces', 'input.md')).html).toContain('中文\nEnglish mixed\n中文。')
  })

  it('reads emphasis that ends in Chinese punctuation (remark-cjk-friendly)', () => {
    expect(runUnit(path.join(dir, 'emphasis-next-to-punctuation', 'input.md')).html).toBe(
      '<p><strong>重点。</strong>后文，以及<em>强调：</em>后文。</p>',
    )
  })
})
