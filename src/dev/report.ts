import { BriefkitError } from '../reporting/errors.ts'
import { countDiagnostics, formatDiagnostics } from '../reporting/report.ts'
import type { Pass, PassOutcome } from './rebuild.ts'

/** Where a pass's outcome goes: the terminal, and the open pages (a reload, or the error overlay). */
export interface ReportTargets {
  log: (line: string) => void
  reload: (changed: readonly string[] | 'all') => void
  error: (text: string) => void
}

/** Report each pass's outcome; warnings are printed again only when they differ from the last ones printed. */
export function createReporter(
  targets: ReportTargets,
): (pass: Pass, outcome: PassOutcome, milliseconds: number) => void {
  let lastWarnings = ''
  return (pass, outcome, milliseconds) => {
    if (outcome.status !== 'written') {
      lastWarnings = ''
      const text = failureText(outcome)
      targets.log(
        `${text}\nbriefkit: ${pass === 'pdf' ? 'the PDFs were not updated' : 'still serving the last good build'}`,
      )
      targets.error(text)
      return
    }
    const warnings = formatDiagnostics(outcome.result.diagnostics)
    if (warnings !== lastWarnings && warnings) targets.log(warnings)
    lastWarnings = warnings
    const seconds = (milliseconds / 1000).toFixed(1)
    const { pages, pdfs, pdfsReused } = outcome.result
    targets.log(
      pass === 'pdf'
        ? `briefkit: ${pdfs.length} ${pdfs.length === 1 ? 'PDF' : 'PDFs'} ready${pdfsReused > 0 ? ` (${pdfsReused} reused)` : ''} in ${seconds} s`
        : `briefkit: built ${pages.length} pages in ${seconds} s`,
    )
    targets.reload(outcome.changed)
  }
}

/** The text of a failed pass, as the terminal and the overlay show it. */
export function failureText(outcome: Exclude<PassOutcome, { status: 'written' }>): string {
  if (outcome.status === 'content-errors') {
    const { errors } = countDiagnostics(outcome.result.diagnostics)
    return `${formatDiagnostics(outcome.result.diagnostics)}\nbriefkit: ${errors} ${errors === 1 ? 'error' : 'errors'}`
  }
  const { error } = outcome
  if (error instanceof BriefkitError) return `briefkit: ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ''}`
  return `briefkit: internal error (please report it):\n${error instanceof Error ? error.stack : String(error)}`
}
