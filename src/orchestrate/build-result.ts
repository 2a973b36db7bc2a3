import type { Diagnostic } from '../reporting/report.ts'

/** What a build did. */
export interface BuildResult {
  /** Every problem found in content, errors and warnings, sorted by file and place. */
  diagnostics: Diagnostic[]
  /** Whether the site was written (false on content errors or when only checking). */
  written: boolean
  /** Paths of the pages, relative to the out dir. */
  pages: string[]
  /** Paths of the PDFs, relative to the out dir. */
  pdfs: string[]
  /** How many of them came from the cache, their inputs unchanged. */
  pdfsReused: number
  /** How many were printed. */
  pdfsPrinted: number
  /** How many social cards (`og:image`) came from the cache, their inputs unchanged. */
  cardsReused: number
  /** How many were painted. */
  cardsPainted: number
  briefs: number
  /** How many briefs came from the cache, their sources unchanged. */
  briefsCached: number
  /** Paths in the out dir that are new, changed or gone (relative, with `/`). */
  changed: string[]
}

/** What a build did that wrote nothing (yet): its problems, and how many briefs it compiled. */
export function nothingWritten(diagnostics: Diagnostic[], briefs = 0, briefsCached = 0): BuildResult {
  return {
    diagnostics,
    written: false,
    pages: [],
    pdfs: [],
    pdfsReused: 0,
    pdfsPrinted: 0,
    cardsReused: 0,
    cardsPainted: 0,
    briefs,
    briefsCached,
    changed: [],
  }
}
