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
