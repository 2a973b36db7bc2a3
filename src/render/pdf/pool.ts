import os from 'node:os'
import type { Browser, Page } from 'puppeteer'
import { BriefkitError } from '../../reporting/errors.ts'
import { findChrome } from './chrome.ts'

/** How the browser pool runs. */
export interface PoolOptions {
  /** Pages printing at once. @default one per core, at most 4 (see `defaultConcurrency`) */
  concurrency?: number
  /** Milliseconds one document may take. @default 60000 */
  timeout?: number
}

// Note: without the networking flags Chromium keeps trying to reach Google's hosts from a sandbox.
const chromeArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--font-render-hinting=none',
]

/**
 * Pages printing at once unless told: one per core, at most 4. On two cores (`npm run bench`,
 * N=20, 2026-11-28, six runs) two pages at once printed 22–46% more PDFs per second than one,
 * each PDF taking 1.2–1.45× as long; under heavier load (2026-11-25) the gain was 0–15%, never a
 * loss. Each page adds about 0.3 GB to the peak memory, hence the cap.
 */
export function defaultConcurrency(cores = os.availableParallelism()): number {
  return Math.min(4, Math.max(1, cores))
}

/**
 * One browser for a whole build and a pool of pages on it. Work borrows a page with `withPage`
 * and gives it back in `finally`: a page whose work succeeded is kept for the next document (a
 * fresh page per document made printing about 1.5× slower here), one whose work failed is closed.
 * A browser that crashes is launched again once.
 */
export class BrowserPool {
  private browser: Promise<Browser> | undefined
  private relaunched = false
  private active = 0
  private idle: Page[] = []
  private readonly waiting: Array<() => void> = []
  readonly concurrency: number
  readonly timeout: number

  private constructor(private readonly executablePath: string, options: PoolOptions) {
    this.concurrency = Math.max(1, options.concurrency ?? defaultConcurrency())
    this.timeout = options.timeout ?? 60_000
  }

  /** Find Chrome and make a pool; the browser starts with the first page asked for. */
  static async create(options: PoolOptions = {}): Promise<BrowserPool> {
    const puppeteer = (await import('puppeteer')).default
    return new BrowserPool(findChrome(() => puppeteer.executablePath()), options)
  }

  /**
   * Run `work` with a page (a new one, or one an earlier work left clean), at most `concurrency`
   * at a time. The work must remove any listener it adds to the page. When the browser crashed under
   * it, the work runs once more on a relaunched browser.
   */
  async withPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
    try {
      return await this.attempt(work)
    } catch (error) {
      const browser = await this.browser?.catch(() => undefined)
      if (this.relaunched || browser?.connected !== false) throw error
      return this.attempt(work)
    }
  }

  private async attempt<T>(work: (page: Page) => Promise<T>): Promise<T> {
    await this.acquire()
    let page: Page | undefined
    let reusable = false
    try {
      const browser = await this.connected()
      // Note: a background tab is hidden, so Chromium does not composite and rasterise it for a
      // screen nobody sees; printing does not need that (it cost ~100 ms of CPU per PDF here).
      page = this.idle.pop() ?? (await browser.newPage({ background: true }))
      page.setDefaultTimeout(this.timeout)
      const result = await work(page)
      reusable = true
      return result
    } finally {
      if (page && reusable && !page.isClosed()) this.idle.push(page)
      else await page?.close().catch(() => undefined)
      this.release()
    }
  }

  /** Close the browser. Safe to call more than once. */
  async close(): Promise<void> {
    const browser = this.browser
    this.browser = undefined
    this.idle = []
    await (await browser?.catch(() => undefined))?.close().catch(() => undefined)
  }

  private async connected(): Promise<Browser> {
    if (this.browser) {
      const browser = await this.browser
      if (browser.connected) return browser
      if (this.relaunched) throw new BriefkitError('Chromium crashed twice while printing PDFs', { hint: 'Try again with fewer pages at once, or `--no-pdf`.' })
      this.relaunched = true
    }
    this.idle = []
    this.browser = this.launch()
    return this.browser
  }

  private async launch(): Promise<Browser> {
    const puppeteer = (await import('puppeteer')).default
    try {
      // Note: Puppeteer's own Ctrl-C handler exits at once; a program that listens itself (`briefkit dev`
      // waits for the running build, which closes this browser) keeps Ctrl-C. Chromium dies on exit either way.
      const handleSIGINT = process.listenerCount('SIGINT') === 0
      const handleSIGTERM = process.listenerCount('SIGTERM') === 0
      return await puppeteer.launch({ executablePath: this.executablePath, headless: true, args: chromeArgs, handleSIGINT, handleSIGTERM })
    } catch (error) {
      throw new BriefkitError(`Could not start ${this.executablePath}`, { cause: error, hint: 'Check that this Chrome/Chromium runs, or set BRIEFKIT_CHROME.' })
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++
      return Promise.resolve()
    }
    return new Promise((resolve) => this.waiting.push(() => { this.active++; resolve() }))
  }

  private release(): void {
    this.active--
    this.waiting.shift()?.()
  }
}
