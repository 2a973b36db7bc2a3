import { afterEach, describe, expect, it } from 'vitest'
import { formatTimings, otherTime, recordTimings, type StageTimes, stages, timed } from '../../src/reporting/timings.ts'

const times = (total: number, some: Partial<StageTimes['stages']>): StageTimes => ({
  total,
  stages: { ...Object.fromEntries(stages.map((s) => [s, 0])), ...some } as StageTimes['stages'],
})

describe('timed', () => {
  let recording: ReturnType<typeof recordTimings> | undefined
  afterEach(() => {
    recording?.finish()
    recording = undefined
  })

  it('calls through and records nothing when no recording runs', () => {
    expect(timed('load', () => 42)).toBe(42)
    recording = recordTimings()
    expect(Object.values(recording.finish().stages).every((ms) => ms === 0)).toBe(true)
  })

  it('adds the time of a synchronous call to its stage', () => {
    recording = recordTimings()
    timed('compile', () => {
      const until = performance.now() + 5
      while (performance.now() < until) {}
    })
    const result = recording.finish()
    expect(result.stages.compile).toBeGreaterThan(0)
    expect(result.stages.load).toBe(0)
    expect(result.total).toBeGreaterThanOrEqual(result.stages.compile)
  })

  it('counts a promise until it settles, and returns its value', async () => {
    recording = recordTimings()
    const value = await timed('search', () => new Promise<string>((resolve) => setTimeout(() => resolve('done'), 20)))
    expect(value).toBe('done')
    expect(recording.finish().stages.search).toBeGreaterThan(0)
  })

  it('counts a call that throws, and rethrows', async () => {
    recording = recordTimings()
    expect(() =>
      timed('write', () => {
        throw new Error('disk full')
      }),
    ).toThrow('disk full')
    await expect(timed('pdfs', () => Promise.reject(new Error('no browser')))).rejects.toThrow('no browser')
    const result = recording.finish()
    expect(result.stages.write).toBeGreaterThan(0)
    expect(result.stages.pdfs).toBeGreaterThan(0)
  })

  it('stops adding once the recording is finished', () => {
    recording = recordTimings()
    const result = recording.finish()
    timed('load', () => 1)
    expect(result.stages.load).toBe(0)
  })
})

describe('formatTimings', () => {
  it('shows parts under their stage and leaves them out of `other`', () => {
    const t = times(1000, { load: 100, compile: 500, citations: 300, pages: 200 })
    expect(otherTime(t)).toBe(200)
    const table = formatTimings(t)
    expect(table).toMatch(/^ {2}compile +500 ms +50\.0%$/m)
    expect(table).toMatch(/^ {4}citations +300 ms +30\.0%$/m)
    expect(table).toMatch(/^ {2}other +200 ms +20\.0%$/m)
    expect(table).toMatch(/^ {2}total +1000 ms +100\.0%$/m)
  })

  it('never shows a negative rest', () => {
    expect(otherTime(times(10, { compile: 12 }))).toBe(0)
  })
})
