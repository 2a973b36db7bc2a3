import type { SiteCase } from './arbitraries.ts'
import type { CaseResult } from './run-case.ts'

/** How long compiling and rendering one generated brief may take. */
export const timeBoundMs = 5_000

/** The files of a case's brief, as written. */
export function sourcesOf(site: SiteCase): string[] {
  return [site.brief, ...site.arguments, site.conclusion ?? '', site.translation ?? '']
}

/** What went wrong in one case, each a line starting with its kind: `internal`, `leak`, `raw-citation` or `slow`. */
export function failuresOf(result: CaseResult, site: SiteCase): string[] {
  // Note: an escaped bracket or at sign (`\[@key]`, `[\@key]`) asks for the text as it is, so a raw `[@` is right then.
  const escaped = sourcesOf(site).some((s) => /\\\[@|\[\\@/.test(s))
  return [
    ...(result.internalError ? [`internal: ${result.internalError}`] : []),
    ...result.leaks.map((l) => `leak: ${l}`),
    ...(escaped ? [] : result.rawCitations.map((c) => `raw-citation: ${c}`)),
    ...(result.ms > timeBoundMs ? [`slow: ${Math.round(result.ms)} ms for one brief (bound ${timeBoundMs} ms)`] : []),
  ]
}
