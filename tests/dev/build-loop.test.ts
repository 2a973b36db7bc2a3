import { describe, expect, it } from 'vitest'
import { createBuildLoop } from '../../src/dev/build-loop.ts'
import type { Pass } from '../../src/dev/rebuild.ts'
import type { RebuildSet } from '../../src/dev/rebuild-set.ts'

const brief = (slug: string): RebuildSet => ({ kind: 'briefs', briefs: [{ slug }] })
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A loop whose passes take `ms` and succeed unless told otherwise, recording what ran and how many at once. */
function recordingLoop(options: { ms: number; pdfDelay?: number; ok?: (pass: Pass) => boolean }) {
  const runs: Array<[Pass, RebuildSet]> = []
  let active = 0
  let most = 0
  const loop = createBuildLoop({
    pdfDelay: options.pdfDelay,
    run: async (pass, set) => {
      runs.push([pass, set])
      most = Math.max(most, ++active)
      await sleep(options.ms)
      active--
      return options.ok?.(pass) ?? true
    },
  })
  return { loop, runs, most: () => most }
}

describe('the build loop', () => {
  it('never runs two passes at once, and merges changes during a pass into one follow-up', async () => {
    const { loop, runs, most } = recordingLoop({ ms: 40 })
    loop.request(brief('a'))
    await sleep(5)
    loop.request(brief('b'))
    loop.request(brief('c'))
    await loop.idle()
    expect(most()).toBe(1)
    expect(runs).toEqual([
      ['html', brief('a')],
      ['html', { kind: 'briefs', briefs: [{ slug: 'b' }, { slug: 'c' }] }],
    ])
  })

  it('runs the PDF pass once edits have settled after a successful HTML pass, never alongside one', async () => {
    const { loop, runs, most } = recordingLoop({ ms: 20, pdfDelay: 60 })
    loop.request(brief('a'))
    await sleep(40)
    loop.request(brief('b'))
    await sleep(200)
    expect(runs.map(([pass]) => pass)).toEqual(['html', 'html', 'pdf'])
    expect(most()).toBe(1)
    await loop.close()
  })

  it('runs a waiting PDF pass at once when a PDF is asked for, after the HTML pass it follows', async () => {
    const { loop, runs } = recordingLoop({ ms: 20, pdfDelay: 60_000 })
    loop.request(brief('a'))
    const started = performance.now()
    await loop.pdfNow()
    expect(runs.map(([pass]) => pass)).toEqual(['html', 'pdf'])
    expect(performance.now() - started).toBeLessThan(10_000)
    await loop.pdfNow()
    expect(runs.map(([pass]) => pass)).toEqual(['html', 'pdf'])
    await loop.close()
  })

  it('runs no PDF pass after a failed HTML pass, nor when PDFs are off, nor after close', async () => {
    const failing = recordingLoop({ ms: 5, pdfDelay: 20, ok: () => false })
    failing.loop.request(brief('a'))
    await sleep(80)
    expect(failing.runs.map(([pass]) => pass)).toEqual(['html'])
    const off = recordingLoop({ ms: 5 })
    off.loop.request(brief('a'))
    await sleep(50)
    expect(off.runs.map(([pass]) => pass)).toEqual(['html'])
    const closed = recordingLoop({ ms: 5, pdfDelay: 20 })
    closed.loop.request(brief('a'))
    await closed.loop.idle()
    await closed.loop.close()
    await sleep(50)
    expect(closed.runs.map(([pass]) => pass)).toEqual(['html'])
  })

  it('close waits for the running pass', async () => {
    const { loop, runs } = recordingLoop({ ms: 50 })
    loop.request(brief('a'))
    loop.request(brief('b'))
    const started = performance.now()
    await loop.close()
    expect(performance.now() - started).toBeGreaterThan(30)
    expect(runs.length).toBe(1)
  })
})
