/** Options shared by every briefkit error. */
export interface BriefkitErrorOptions {
  /** What the user can do about it. */
  hint?: string
  /** The underlying error. */
  cause?: unknown
}

/** An environment or usage problem: briefkit cannot go on, and the user can fix it (exit code 2). */
export class BriefkitError extends Error {
  readonly hint: string | undefined

  constructor(message: string, options: BriefkitErrorOptions = {}) {
    super(message, { cause: options.cause })
    this.name = 'BriefkitError'
    this.hint = options.hint
  }
}

/** A command-line mistake: unknown flag, missing argument. */
export class UsageError extends BriefkitError {
  constructor(message: string, options: BriefkitErrorOptions = {}) {
    super(message, options)
    this.name = 'UsageError'
  }
}

/** What the machine said, as Node reports it (`ENOSPC`, `EACCES`, …), with the path it concerned. */
export type SystemError = Error & { code: string; syscall?: string; path?: string }

/** Whether an error is the operating system's answer to a file or process call (it has an `E…` code). */
export function isSystemError(error: unknown): error is SystemError {
  const code = (error as { code?: unknown } | null)?.code
  return error instanceof Error && typeof code === 'string' && /^E[A-Z0-9]+$/.test(code)
}

// Note: what a user can do about the usual answers of a file system.
const systemHints: Record<string, string> = {
  ENOSPC: 'The disk is full: free some space, or choose an out dir on another disk with `--out`.',
  EDQUOT: 'The disk quota is used up: free some space, or choose another out dir with `--out`.',
  EROFS: 'That file system is read-only: choose an out dir on a writable one with `--out`.',
  EACCES: 'Check the permissions of that path and of its folder, or choose another out dir with `--out`.',
  EPERM: 'Check the permissions of that path and of its folder, or choose another out dir with `--out`.',
  ENOTDIR: 'A file stands where a folder is needed: move it, or choose another path.',
  EISDIR: 'A folder stands where a file is needed: move it, or choose another path.',
  EMFILE: 'Too many files are open: raise the limit (`ulimit -n`) and run again.',
  EIO: 'The disk reported a read or write error: check it, or choose another out dir.',
}

/**
 * An error of the machine (full disk, read-only or unwritable folder, …) as a BriefkitError naming
 * what briefkit was doing, the path (the error's own, else `at`) and the cause; any other error
 * comes back as it was.
 */
export function environmentError(error: unknown, doing: string, at?: string): unknown {
  if (error instanceof BriefkitError || !isSystemError(error)) return error
  const file = error.path ?? at
  const where = file ? ` \`${file}\`` : ''
  const cause = error.message.replace(/^[A-Z0-9]+: /, '').replace(/, \w+( '.*)?$/, '')
  return new BriefkitError(`Cannot ${doing}${where}: ${cause} (${error.code})`, {
    cause: error,
    hint: systemHints[error.code] ?? 'Check the path and run again.',
  })
}

/** The build was stopped by a signal (Ctrl-C, `kill`, a closed terminal); exit 128 + the signal's number. */
export class InterruptedError extends BriefkitError {
  readonly signal: NodeJS.Signals

  constructor(signal: NodeJS.Signals) {
    super(`Stopped by ${signal}; the out dir is as it was`)
    this.name = 'InterruptedError'
    this.signal = signal
  }
}
