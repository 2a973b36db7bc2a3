import fs from 'node:fs'

// Note: process-wide on purpose: a signal handler must be able to remove what every running build
// of this process has on disk, and cannot wait for those builds to unwind.
const pending = new Set<string>()

/** Remember a path that a build removes when done (a staging folder, a lock file). */
export function track(file: string): void {
  pending.add(file)
}

/** Forget a path: its build removed it, or put it in place. */
export function untrack(file: string): void {
  pending.delete(file)
}

/**
 * Remove every tracked path at once, synchronously: the last thing an interrupted process does when
 * its builds did not unwind in time. Never throws.
 */
export function removeLeftovers(): void {
  for (const file of pending) {
    try {
      fs.rmSync(file, { recursive: true, force: true })
    } catch {
      // Note: nothing more can be done on the way out; the next build removes stale staging folders.
    }
  }
  pending.clear()
}
