import type { Pass } from './rebuild.ts'
import { mergeRebuildSets, type RebuildSet } from './rebuild-set.ts'

/** Runs build passes one at a time: an HTML pass for each batch of changes, a PDF pass once edits settle. */
export interface BuildLoop {
  /** Ask for an HTML pass; changes that arrive during a pass are merged into one follow-up pass. */
  request(set: RebuildSet): void
  /** Resolves once no pass is running or waiting (a PDF pass still on its timer does not count). */
  idle(): Promise<void>
  /** Run a PDF pass that is waiting on its timer now (a PDF was asked for), and wait for it. */
  pdfNow(): Promise<void>
  /** Schedule nothing more, and wait for the running pass. */
  close(): Promise<void>
}

/** How the loop runs a pass, and when the PDF pass follows. */
export interface BuildLoopOptions {
  /** Run one pass; resolves true when it wrote the site. Must not throw. */
  run: (pass: Pass, set: RebuildSet) => Promise<boolean>
  /** Milliseconds of quiet after a successful HTML pass before the PDF pass; undefined for no PDF pass. */
  pdfDelay: number | undefined
}

/** A loop that never runs two passes at once. */
export function createBuildLoop(options: BuildLoopOptions): BuildLoop {
  let pending: RebuildSet | undefined
  let running: Promise<void> | undefined
  let timer: NodeJS.Timeout | undefined
  let closed = false
  let waiters: Array<() => void> = []

  const start = (pass: Pass, set: RebuildSet) => {
    running = options
      .run(pass, set)
      .then(
        (ok) => {
          if (ok && pass === 'html' && !pending) schedulePdf()
        },
        () => undefined,
      )
      .finally(() => {
        running = undefined
        next()
      })
  }
  const next = () => {
    if (running || closed) return
    if (pending) {
      const set = pending
      pending = undefined
      start('html', set)
      return
    }
    for (const resolve of waiters) resolve()
    waiters = []
  }
  const idle = (): Promise<void> => {
    if (!running && !pending) return Promise.resolve()
    return new Promise((resolve) => waiters.push(resolve))
  }
  const schedulePdf = () => {
    if (options.pdfDelay === undefined) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      // Note: a pass started meanwhile is an HTML pass, which schedules the PDF pass again when done.
      if (!running && !pending && !closed) start('pdf', { kind: 'everything', because: 'the PDFs' })
    }, options.pdfDelay)
  }

  return {
    request(set) {
      if (closed || set.kind === 'nothing') return
      clearTimeout(timer)
      timer = undefined
      pending = pending ? mergeRebuildSets(pending, set) : set
      next()
    },
    idle,
    async pdfNow() {
      // Note: an HTML pass running or waiting schedules the PDF pass when done: wait, then run it.
      await idle()
      if (timer === undefined || closed) return
      clearTimeout(timer)
      timer = undefined
      start('pdf', { kind: 'everything', because: 'a PDF was asked for' })
      await idle()
    },
    async close() {
      closed = true
      pending = undefined
      clearTimeout(timer)
      await running
      for (const resolve of waiters) resolve()
      waiters = []
    },
  }
}
