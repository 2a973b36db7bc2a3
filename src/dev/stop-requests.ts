import os from 'node:os'
import { ancestorsGone } from './ancestors.ts'

/** Why `briefkit dev` should stop, and the exit code that says so. */
export interface StopRequest {
  /** `SIGTERM`, or `the parent process is gone`. */
  reason: string
  /** 128 + the signal's number (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP and for a parent gone). */
  code: number
}

/** Requests to stop, as they come. */
export interface StopRequests {
  /** Resolves with the first request. */
  readonly first: Promise<StopRequest>
  /** Hear about each request after the first (a second Ctrl-C). */
  onAnother(listener: (request: StopRequest) => void): void
  /** Stop listening. */
  dispose(): void
}

/** How often to look whether the parent process is still there. */
const parentCheckInterval = 1000

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/**
 * Listen for SIGINT, SIGTERM and SIGHUP, and for the processes that started this one going away (a
 * wrapper such as `npm run` killed), which no signal tells.
 */
export function listenForStop(): StopRequests {
  let resolveFirst: (request: StopRequest) => void = () => undefined
  const first = new Promise<StopRequest>((resolve) => (resolveFirst = resolve))
  const others: Array<(request: StopRequest) => void> = []
  let requested = false
  const request = (stop: StopRequest) => {
    if (!requested) resolveFirst(stop)
    else for (const listener of others) listener(stop)
    requested = true
  }
  const onSignal = (signal: NodeJS.Signals) => request({ reason: signal, code: 128 + os.constants.signals[signal] })
  for (const signal of signals) process.on(signal, onSignal)
  const gone = ancestorsGone()
  const timer = setInterval(() => {
    if (!gone()) return
    clearInterval(timer)
    request({ reason: 'the parent process is gone', code: 128 + os.constants.signals.SIGHUP })
  }, parentCheckInterval)
  timer.unref()
  return {
    first,
    onAnother: (listener) => void others.push(listener),
    dispose() {
      clearInterval(timer)
      for (const signal of signals) process.off(signal, onSignal)
    },
  }
}
