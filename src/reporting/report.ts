import path from 'node:path'
import type { VFile } from 'vfile'

/** One located problem, as printed and as returned by the API. */
export interface Diagnostic {
  file: string
  line: number
  column: number
  severity: 'error' | 'warning'
  message: string
  ruleId: string
  hint?: string
}

/** Collect the messages of many files as diagnostics, sorted by file and place. */
export function collectDiagnostics(files: Iterable<VFile>, cwd = process.cwd()): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const file of files) {
    for (const m of file.messages) {
      out.push({
        file: path.relative(cwd, file.path) || file.path,
        line: m.line ?? 1,
        column: m.column ?? 1,
        severity: m.fatal === true ? 'error' : 'warning',
        message: m.reason,
        ruleId: m.ruleId ?? 'briefkit',
        ...(m.note ? { hint: m.note } : {}),
      })
    }
  }
  // Note: editions of a brief share one bibliography, so the same message can come from two reads of it.
  const unique = [...new Map(out.map((d) => [`${d.file}:${d.line}:${d.column}:${d.ruleId}:${d.message}`, d])).values()]
  return unique.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
}

/** Format diagnostics as `path:line:column: severity: message [rule-id]`, each hint on its own line. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const head = `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.ruleId}]`
      return d.hint ? `${head}\n  hint: ${d.hint}` : head
    })
    .join('\n')
}

/** Count diagnostics by severity. */
export function countDiagnostics(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  return { errors, warnings: diagnostics.length - errors }
}
