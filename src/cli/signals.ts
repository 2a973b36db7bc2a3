import os from 'node:os'
import { removeLeftovers } from '../core/leftovers.ts'
import { InterruptedError } from '../reporting/errors.ts'

/** The signals that stop a build: Ctrl-C, `kill`, and a terminal or CI job going away. */
const stopSignals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

/** How long a stopped build may take to close its browser and remove its staging folder. */
const graceMs = 4000

/** The exit code for a process stopped by `signal`: 128 + its number (SIGINT 130, SIGTERM 143, SIGHUP 129). */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (os.constants.signals[signal] ?? 0)
}

/**
 * Run `work` with a signal that aborts when the process gets SIGINT, SIGTERM or SIGHUP. The work is
 * expected to unwind (close the browser, remove its staging folder) and reject; if it has not within
 * a few seconds, or a second signal comes, what it left on disk is removed and the process exits.
 * `stopped` says which signal came, if any.
 */
export async function withStopSignals<T>(
  work: (signal: AbortSignal) => Promise<T>,
  onStop: (signal: NodeJS.Signals) => void,
): Promise<{ result?: T; error?: unknown; stopped?: NodeJS.Signals }> {
  const controller = new AbortController()
  let stopped: NodeJS.Signals | undefined
  let timer: NodeJS.Timeout | undefined
  const exitNow = (signal: NodeJS.Signals) => {
    removeLeftovers()
    process.exit(signalExitCode(signal))
  }
  const handler = (signal: NodeJS.Signals) => {
    if (stopped) return exitNow(stopped)
    stopped = signal
    onStop(signal)
    controller.abort(new InterruptedError(signal))
    timer = setTimeout(() => exitNow(signal), graceMs)
    timer.unref()
  }
  for (const signal of stopSignals) process.on(signal, handler)
  try {
    return { result: await work(controller.signal), ...(stopped ? { stopped } : {}) }
  } catch (error) {
    return { error, ...(stopped ? { stopped } : {}) }
  } finally {
    clearTimeout(timer)
    for (const signal of stopSignals) process.off(signal, handler)
  }
}
