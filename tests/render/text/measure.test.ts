import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadMeasure, type MeasureText, weightOf } from '../../../src/render/text/measure.ts'
import { loadTheme } from '../../../src/theme/theme.ts'

const theme = loadTheme(path.resolve(import.meta.dirname, '../../../templates/default'))
const family = '"Noto Sans", "Noto Sans SC", sans-serif'

describe('loadMeasure', () => {
  let measure: MeasureText
  beforeAll(async () => {
    measure = await loadMeasure(theme.fonts)
  })

  it('sets Chinese in Noto Sans SC at one em a character', () => {
    expect(measure('阿根廷', family, 400, 12)).toBeCloseTo(36, 1)
    expect(measure('比特币挖矿', family, 700, 10)).toBeCloseTo(50, 1)
  })

  it('sets Latin in Noto Sans, and a mixed label run by run', () => {
    const latin = measure('Mining', family, 400, 12)
    expect(latin).toBeGreaterThan(30)
    expect(latin).toBeLessThan(40)
    expect(measure('2021年2月', family, 400, 12)).toBeCloseTo(
      measure('2021', family, 400, 12) + measure('2', family, 400, 12) + 24,
      1,
    )
  })

  it('takes the weight nearest to the one asked', () => {
    expect(measure('Mining', family, 700, 12)).toBeGreaterThan(measure('Mining', family, 400, 12))
    expect(measure('Mining', family, 600, 12)).toBe(measure('Mining', family, 700, 12))
  })

  it("falls back to the theme's fonts for a family it does not have", () => {
    expect(measure('阿根廷', 'sans-serif', 400, 12)).toBeCloseTo(36, 1)
  })

  it("reads vega's font weights", () => {
    expect([weightOf({ fontWeight: 'bold' }), weightOf({}), weightOf({ fontWeight: 300 })]).toEqual([700, 400, 300])
  })
})
