import { type BuildOptions, type BuildResult, build } from '../orchestrate/build.ts'

/** The dev loop's two passes: the pages first, the PDFs once edits settle. */
export type Pass = 'html' | 'pdf'

/** What a pass did: wrote the site (with the out dir paths that changed), stopped at content errors, or threw. */
export type PassOutcome =
  | { status: 'written'; result: BuildResult; changed: readonly string[] | 'all' }
  | { status: 'content-errors'; result: BuildResult }
  | { status: 'failed'; error: unknown }

/** Where to build from and to, whether the site has PDFs, who hears about progress, and what stops the pass. */
export type PassOptions = Pick<BuildOptions, 'contentDir' | 'outDir' | 'pdf' | 'onProgress' | 'onWarning' | 'signal'>

/** Run one pass of `briefkit dev`: the only place the dev server calls build(). Never throws. */
export async function runPass(pass: Pass, options: PassOptions): Promise<PassOutcome> {
  try {
    // Note: the HTML pass keeps the pages' PDF links, takes unchanged PDFs from the build cache and
    // keeps the search index; the PDF pass prints the PDFs that changed and indexes the pages. A preview
    // is a draft: placeholders left in a brief warn, as in `check`.
    const result = await build({ ...options, pagesOnly: pass === 'html', draft: true })
    if (!result.written) return { status: 'content-errors', result }
    return { status: 'written', result, changed: result.changed }
  } catch (error) {
    return { status: 'failed', error }
  }
}
