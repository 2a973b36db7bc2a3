import { build, type BuildOptions, type BuildResult } from '../build/build.ts'

/** The dev loop's two passes: the pages first, the PDFs once edits settle. */
export type Pass = 'html' | 'pdf'

/** What a pass did: wrote the site (with the out dir paths that changed), stopped at content errors, or threw. */
export type PassOutcome =
  | { status: 'written'; result: BuildResult; changed: readonly string[] | 'all' }
  | { status: 'content-errors'; result: BuildResult }
  | { status: 'failed'; error: unknown }

/** Where to build from and to, and who hears about progress. */
export type PassOptions = Pick<BuildOptions, 'contentDir' | 'outDir' | 'onProgress' | 'onWarning'>

/** Run one pass of `briefkit dev`: the only place the dev server calls build(). Never throws. */
export async function runPass(pass: Pass, options: PassOptions): Promise<PassOutcome> {
  try {
    // Note: once BuildOptions has `printPdfs`, this becomes `{ pdf: true, printPdfs: pass === 'pdf' }`,
    // so the HTML pass keeps the pages' PDF links and the previous PDFs instead of dropping them.
    const result = await build({ ...options, pdf: pass === 'pdf' })
    if (!result.written) return { status: 'content-errors', result }
    // Note: once BuildResult has `changed` (out dir paths whose bytes changed), this is `result.changed`.
    const changed = (result as BuildResult & { changed?: readonly string[] }).changed
    return { status: 'written', result, changed: changed ?? 'all' }
  } catch (error) {
    return { status: 'failed', error }
  }
}
