/** The stages a build's time is told in (`briefkit build --timings`), in the order they run. */
export const stages = ['load', 'compile', 'citations', 'pages', 'fonts', 'search', 'pdfs', 'write'] as const

export type Stage = (typeof stages)[number]

/** Stages timed inside another: their time is part of it, shown indented beneath it and not added twice. */
export const partOf: Partial<Record<Stage, Stage>> = { citations: 'compile' }

/** Wall time per stage of one build, in milliseconds, with the build's own. */
export interface StageTimes {
  /** From `recordTimings()` to `finish()`. */
  total: number
  stages: Record<Stage, number>
}

/** A recording in progress: `finish()` ends it and returns the times. */
export interface TimingsRecording {
  finish(): StageTimes
}

// Note: one recording per process (the CLI's build) rather than a recorder passed down: the hooks stay
// one-line wrappers around existing calls, and while nothing records, `timed` only calls through.
let current: { started: number; stages: Record<Stage, number> } | undefined

/** Start recording stage times; a recording already running is replaced. */
export function recordTimings(): TimingsRecording {
  const recording = { started: performance.now(), stages: emptyStages() }
  current = recording
  return {
    finish() {
      if (current === recording) current = undefined
      return { total: performance.now() - recording.started, stages: { ...recording.stages } }
    },
  }
}

/**
 * Run `work` and add its wall time to `stage` when a recording runs. A promise counts until it
 * settles. Calls of the same stage add up; a stage called inside itself would count twice.
 */
export function timed<T>(stage: Stage, work: () => T): T {
  const recording = current
  if (!recording) return work()
  const started = performance.now()
  const add = () => {
    recording.stages[stage] += performance.now() - started
  }
  let result: T
  try {
    result = work()
  } catch (error) {
    add()
    throw error
  }
  if (result instanceof Promise) return result.finally(add) as T
  add()
  return result
}

/**
 * The times as a table: each stage's milliseconds and share of the total, parts indented under the
 * stage they are part of, and the rest (start-up, checks, what no stage names) as `other`.
 */
export function formatTimings(times: StageTimes): string {
  const share = (ms: number) => (times.total > 0 ? `${((100 * ms) / times.total).toFixed(1)}%` : '-')
  const row = (name: string, ms: number) =>
    `  ${name.padEnd(13)}${`${Math.round(ms)} ms`.padStart(10)}${share(ms).padStart(8)}`
  const lines = stages.map((stage) => row(partOf[stage] ? `  ${stage}` : stage, times.stages[stage]))
  return ['briefkit: time per stage', ...lines, row('other', otherTime(times)), row('total', times.total)].join('\n')
}

/** The time no top-level stage accounts for (never below zero). */
export function otherTime(times: StageTimes): number {
  const counted = stages.filter((stage) => !partOf[stage]).reduce((sum, stage) => sum + times.stages[stage], 0)
  return Math.max(0, times.total - counted)
}

function emptyStages(): Record<Stage, number> {
  return Object.fromEntries(stages.map((stage) => [stage, 0])) as Record<Stage, number>
}
