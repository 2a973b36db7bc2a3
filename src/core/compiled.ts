import type { ElementContent } from 'hast'
import type { Point } from 'unist'
import type { CitationCluster } from './citation.ts'

/** A local file a page uses, copied into the out dir. */
export interface Asset {
  /** Absolute path of the source file. */
  from: string
  /** Path inside the out dir, with `/`. */
  to: string
}

declare module 'vfile' {
  interface DataMap {
    /** Citations found in this unit, in document order. */
    citations: CitationCluster[]
    /** The rendered form of each entry of `citations`, same order. */
    renderedCitations: ElementContent[][]
    /** Local images this unit uses. */
    assets: Asset[]
    /** For a fragment taken from front matter: where it sits in its file. */
    yamlPoint: Point
  }
}
