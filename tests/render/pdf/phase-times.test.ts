import { describe, expect, it } from 'vitest'
import { PhaseTimes, timed } from '../../../src/render/pdf/phase-times.ts'

describe('PhaseTimes', () => {
  it('adds up each phase and counts its runs, failed ones too', async () => {
    const times = new PhaseTimes()
    expect(await times.time('print', async () => 1)).toBe(1)
    await times.time('print', () => new Promise((resolve) => setTimeout(resolve, 5)))
    await expect(times.time('load', () => Promise.reject(new Error('no')))).rejects.toThrow('no')
    expect(times.totals.get('print')?.count).toBe(2)
    expect(times.totals.get('print')?.ms).toBeGreaterThan(0)
    expect(times.totals.get('load')?.count).toBe(1)
    expect(times.totals.has('card')).toBe(false)
  })

  it('runs the work untimed without times', async () => {
    expect(await timed(undefined, 'print', async () => 'done')).toBe('done')
  })
})
