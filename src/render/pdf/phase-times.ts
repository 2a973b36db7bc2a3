/** The phases of printing one PDF that `PhaseTimes` tells apart. */
export type Phase =
  | 'prepare'
  | 'subset'
  | 'page'
  | 'load'
  | 'layout'
  | 'print'
  | 'bookmarks'
  | 'metadata'
  | 'write'
  | 'card'

/**
 * Milliseconds spent in each phase of the PDF pass, summed over its documents, and how often each
 * ran: what `bench/pdf.ts` reports, to show where a PDF's time goes. Phases of documents printing
 * at the same time overlap, so their sum may exceed the pass's wall time.
 */
export class PhaseTimes {
  readonly totals = new Map<Phase, { ms: number; count: number }>()

  /** Run `work`, adding its time to `phase`. */
  async time<T>(phase: Phase, work: () => Promise<T>): Promise<T> {
    const start = performance.now()
    try {
      return await work()
    } finally {
      this.add(phase, performance.now() - start)
    }
  }

  /** Add one run of `ms` milliseconds to `phase`. */
  add(phase: Phase, ms: number): void {
    const total = this.totals.get(phase) ?? { ms: 0, count: 0 }
    total.ms += ms
    total.count++
    this.totals.set(phase, total)
  }
}

/** `work` timed as `phase` when there are times to keep, else just run. */
export function timed<T>(times: PhaseTimes | undefined, phase: Phase, work: () => Promise<T>): Promise<T> {
  return times ? times.time(phase, work) : work()
}
