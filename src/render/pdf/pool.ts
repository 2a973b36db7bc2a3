import type { Browser, Page } from 'puppeteer'
import { BriefkitError } from '../../reporting/errors.ts'
import { findChrome } from './chrome.ts'
import { defaultConcurrency } from './concurrency.ts'
import type { PhaseTimes } from './phase-times.ts'

/** How the browser pool runs. */
export interface PoolOptions {
  /** Pages printing at once. @default one per core, at most 4 (see `defaultConcurrency`) */
  concurrency?: number
  /** Milliseconds one document may take. @default 60000 */
  timeout?: number
  /** Stops the pool when aborted: the browser is closed and every work rejects with the signal's reason. */
  signal?: AbortSignal
  /** Where to add up the time of each phase of printing (for benchmarks). */
  times?: PhaseTimes
}

/**
 * The flags briefkit starts Chromium with. Note: without the networking flags Chromium keeps trying
 * to reach Google's hosts from a sandbox.
 */
export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
]

/**
 * One browser for a whole build and a pool of pages on it. Work borrows a page with `withPage`
 * and gives it back in `finally`: a page whose work succeeded is kept for the next document (a
 * fresh page per document made printing about 1.5× slower here), one whose work failed is closed.
 * A browser that dies is launched again once for the whole pool, and each work it took down runs
 * once more on the new one. After `close` (or the `signal` aborting) nothing starts: work waiting
 * for a page, or running on the closed browser, rejects at once.
 */
export class BrowserPool {
  private browser: Promise<Browser> | undefined
  private launches = 0
  private closed: Error | undefined
  private active = 0
  private idle: Page[] = []
  private waiting: Array<{ start: () => void; cancel: (error: Error) => void }> = []
  // Note: rejects when the pool closes, so that work stuck on a browser that is gone never holds a build up.
  private readonly stopped: Promise<never>
  private stop: (reason: Error) => void = () => undefined
  readonly concurrency: number
  readonly timeout: number
  readonly times: PhaseTimes | undefined

  private constructor(
    private readonly executablePath: string,
    options: PoolOptions,
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? defaultConcurrency())
    this.timeout = options.timeout ?? 60_000
    this.times = options.times
    this.stopped = new Promise<never>((_resolve, reject) => {
      this.stop = reject
    })
    this.stopped.catch(() => undefined)
    options.signal?.addEventListener('abort', () => void this.close(abortError(options.signal)), { once: true })
  }

  /** Why the pool was closed (see `close`); undefined while it runs. */
  get stoppedBy(): Error | undefined {
    return this.closed
  }

  /** Find Chrome and make a pool; the browser starts with the first page asked for. */
  static async create(options: PoolOptions = {}): Promise<BrowserPool> {
    const puppeteer = (await import('puppeteer')).default
    return new BrowserPool(
      findChrome(() => puppeteer.executablePath()),
      options,
    )
  }

  /**
   * Run `work` with a page (a new one, or one an earlier work left clean), at most `concurrency`
   * at a time. The work must remove any listener it adds to the page. When the browser died under
   * it, the work runs once more on a relaunched browser.
   */
  async withPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
    for (let tries = 1; ; tries++) {
      let ranOn: Browser | undefined
      try {
        return await this.attempt(work, (browser) => {
          ranOn = browser
        })
      } catch (error) {
        if (this.closed) throw this.closed
        // Note: a work that failed on a browser still running failed for itself: no second try.
        if (!ranOn || !(await hasDied(ranOn))) throw error
        if (tries === 2) throw stoppedTwice(error)
      }
    }
  }

  private async attempt<T>(work: (page: Page) => Promise<T>, onBrowser: (browser: Browser) => void): Promise<T> {
    await this.acquire()
    let page: Page | undefined
    let reusable = false
    try {
      const browser = await this.connected()
      onBrowser(browser)
      const run = async () => {
        // Note: a background tab is hidden, so Chromium does not composite and rasterise it for a
        // screen nobody sees; printing does not need that (it cost ~100 ms of CPU per PDF here).
        page = this.idle.pop() ?? (await browser.newPage({ background: true }))
        page.setDefaultTimeout(this.timeout)
        return work(page)
      }
      const result = await Promise.race([run(), this.stopped, gone(browser)])
      reusable = true
      return result
    } catch (error) {
      if (this.closed) throw this.closed
      throw error
    } finally {
      if (page && reusable && !page.isClosed()) this.idle.push(page)
      else await page?.close().catch(() => undefined)
      this.release()
    }
  }

  /**
   * Close the browser; work still waiting or running rejects with `reason`. Safe to call more than
   * once. A browser that does not close within two seconds is killed.
   */
  async close(reason: Error = new BriefkitError('The PDF printer was closed')): Promise<void> {
    this.closed ??= reason
    this.stop(this.closed)
    for (const waiter of this.waiting.splice(0)) waiter.cancel(this.closed)
    const browser = this.browser
    this.browser = undefined
    this.idle = []
    await closeBrowser(await browser?.catch(() => undefined))
  }

  private async connected(): Promise<Browser> {
    if (this.browser) {
      const browser = await this.browser
      if (browser.connected) return browser
      if (this.launches >= 2) throw stoppedTwice(new Error('it was not running when a page was asked for'))
    }
    this.idle = []
    this.browser = this.launch()
    return this.browser
  }

  /** Start Chromium; one that dies while starting counts as a crash, and is started once more if none was yet. */
  private async launch(): Promise<Browser> {
    const puppeteer = (await import('puppeteer')).default
    // Note: signals are briefkit's to handle (the CLI closes this pool, removes its staging folder and
    // exits); a program using the API that listens to none gets Puppeteer's, which kill Chromium on exit.
    const handleSIGINT = process.listenerCount('SIGINT') === 0
    const handleSIGTERM = process.listenerCount('SIGTERM') === 0
    const handleSIGHUP = process.listenerCount('SIGHUP') === 0
    for (;;) {
      this.launches++
      let browser: Browser
      try {
        browser = await puppeteer.launch({
          executablePath: this.executablePath,
          headless: true,
          args: chromeArgs,
          handleSIGINT,
          handleSIGTERM,
          handleSIGHUP,
        })
      } catch (error) {
        if (this.closed) throw this.closed
        if (this.launches < 2) continue
        throw new BriefkitError(`Could not start ${this.executablePath}: ${describe(error)}`, {
          cause: error,
          hint: 'Check that this Chrome/Chromium runs, or set BRIEFKIT_CHROME.',
        })
      }
      gone(browser)
      // Note: a pool closed while Chromium was starting must not leave it running.
      if (this.closed) {
        await closeBrowser(browser)
        throw this.closed
      }
      return browser
    }
  }

  private acquire(): Promise<void> {
    if (this.closed) return Promise.reject(this.closed)
    if (this.active < this.concurrency) {
      this.active++
      return Promise.resolve()
    }
    return new Promise((resolve, reject) =>
      this.waiting.push({
        start: () => {
          this.active++
          resolve()
        },
        cancel: reject,
      }),
    )
  }

  private release(): void {
    this.active--
    this.waiting.shift()?.start()
  }
}

/** Close a browser, killing its process when it does not close within two seconds. */
async function closeBrowser(browser: Browser | undefined): Promise<void> {
  if (!browser) return
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, 2000)
  })
  await Promise.race([browser.close().catch(() => undefined), late])
  clearTimeout(timer)
  browser.process()?.kill('SIGKILL')
}

// Note: a call on a browser that was killed can wait for ever with nothing left to wake it (the
// process then exits 13 with the work unsettled); each work also waits for its browser to go.
const goneByBrowser = new WeakMap<Browser, Promise<never>>()

/** A promise that rejects when the browser disconnects. */
function gone(browser: Browser): Promise<never> {
  let promise = goneByBrowser.get(browser)
  if (!promise) {
    promise = new Promise<never>((_resolve, reject) => {
      const stopped = () => reject(new BriefkitError('Chromium stopped while printing'))
      if (browser.connected) browser.once('disconnected', stopped)
      else stopped()
    })
    promise.catch(() => undefined)
    goneByBrowser.set(browser, promise)
  }
  return promise
}

/**
 * Whether a browser died: it is disconnected, or disconnects within a moment (Puppeteer can fail a
 * call on a killed browser before it has noticed the connection is gone).
 */
async function hasDied(browser: Browser): Promise<boolean> {
  if (!browser.connected) return true
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    new Promise<void>((resolve) => browser.once('disconnected', () => resolve())),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 250)
    }),
  ])
  clearTimeout(timer)
  return !browser.connected
}

function stoppedTwice(cause: unknown): BriefkitError {
  return new BriefkitError(`Chromium stopped twice while printing PDFs: ${describe(cause)}`, {
    cause,
    hint: 'Check free memory (each page printing at once takes about 0.3 GB); try `--concurrency 1`, or `--no-pdf`.',
  })
}

/** The reason a signal aborted with, as an error. */
function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason
  return reason instanceof Error ? reason : new BriefkitError(`Stopped: ${String(reason)}`)
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'object' && error !== null) {
    const { message, type } = error as { message?: unknown; type?: unknown }
    return typeof message === 'string'
      ? message
      : typeof type === 'string'
        ? `${type} event`
        : Object.prototype.toString.call(error)
  }
  return String(error)
}
