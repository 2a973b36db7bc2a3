import { afterEach, describe, expect, it } from 'vitest'
import { defaultConcurrency } from '../../../src/render/pdf/concurrency.ts'
import { BrowserPool } from '../../../src/render/pdf/pool.ts'

// Real Chromium: the pool's promises about pages, concurrency and crashes.
describe('BrowserPool', () => {
  let pool: BrowserPool | undefined
  afterEach(async () => pool?.close())

  it('prints one page per core by default, at most four', () => {
    expect([1, 2, 3, 8].map((cores) => defaultConcurrency(cores))).toEqual([1, 2, 3, 4])
  })

  it('runs no more than `concurrency` pages at once, on one browser', async () => {
    pool = await BrowserPool.create({ concurrency: 2 })
    let open = 0
    let most = 0
    const browsers = new Set<unknown>()
    await Promise.all(
      Array.from({ length: 5 }, () =>
        pool!.withPage(async (page) => {
          most = Math.max(most, ++open)
          browsers.add(page.browser())
          await page.setContent('<p>x</p>')
          await new Promise((resolve) => setTimeout(resolve, 150))
          open--
        }),
      ),
    )
    expect(most).toBe(2)
    expect(browsers.size).toBe(1)
  })

  it('keeps a page whose work succeeded for the next work', async () => {
    pool = await BrowserPool.create({ concurrency: 1 })
    const first = await pool.withPage(async (page) => page)
    const second = await pool.withPage(async (page) => page)
    expect(second).toBe(first)
    expect(first.isClosed()).toBe(false)
  })

  it('closes the page even when the work fails', async () => {
    pool = await BrowserPool.create({ concurrency: 1 })
    let seen: { isClosed(): boolean } | undefined
    await expect(
      pool.withPage(async (page) => {
        seen = page
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(seen?.isClosed()).toBe(true)
    expect(await pool.withPage(async (page) => page)).not.toBe(seen)
  })

  it('relaunches a crashed browser once, then gives a clear error', async () => {
    pool = await BrowserPool.create({ concurrency: 1 })
    const crash = async (page: import('puppeteer').Page) => {
      page.browser().process()?.kill('SIGKILL')
      await page.goto('about:blank')
    }
    let attempts = 0
    const text = await pool.withPage(async (page) => {
      if (++attempts === 1) await crash(page)
      await page.setContent('<p>again</p>')
      return page.$eval('p', (p) => p.textContent)
    })
    expect({ attempts, text }).toEqual({ attempts: 2, text: 'again' })
    await expect(pool.withPage(crash)).rejects.toThrow()
    await expect(pool.withPage(async () => 'x')).rejects.toThrow(/Chromium stopped twice/)
  })

  it('regression: no browser starts after the pool closed (a build hung for ever when Chromium died mid-PDF)', async () => {
    pool = await BrowserPool.create({ concurrency: 1 })
    const launched = new Set<unknown>()
    let started!: () => void
    const isRunning = new Promise<void>((resolve) => {
      started = resolve
    })
    const running = pool.withPage(async (page) => {
      launched.add(page.browser())
      started()
      page.browser().process()?.kill('SIGKILL')
      await page.goto('about:blank')
    })
    const waiting = pool.withPage(async (page) => launched.add(page.browser()))
    const outcomes = Promise.all([expect(running).rejects.toThrow(/closed/), expect(waiting).rejects.toThrow(/closed/)])
    await isRunning
    await pool.close()
    await outcomes
    await expect(pool.withPage(async () => 'x')).rejects.toThrow(/closed/)
    expect(launched.size).toBe(1)
  })

  it('an aborted signal closes the browser and rejects running work with its reason', async () => {
    const controller = new AbortController()
    pool = await BrowserPool.create({ concurrency: 1, signal: controller.signal })
    let process: import('node:child_process').ChildProcess | null = null
    const running = pool.withPage(async (page) => {
      process = page.browser().process()
      controller.abort(new Error('stop now'))
      await new Promise((resolve) => setTimeout(resolve, 10_000))
    })
    await expect(running).rejects.toThrow('stop now')
    expect(process).not.toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(
      (process as unknown as { exitCode: number | null; signalCode: string | null }).exitCode !== null ||
        (process as unknown as { signalCode: string | null }).signalCode !== null,
    ).toBe(true)
  })
})
