import type { Node, Position } from 'unist'

/** One work cited inside a citation: `[see @key, p. 3]` or `-@key`. */
export interface CiteItem {
  key: string
  prefix?: string
  suffix?: string
  /** The locator's value, e.g. `3` or `12-14`. */
  locator?: string
  /** A CSL locator label, e.g. `page`, `chapter`. */
  label?: string
  /** `[-@key]`: print the year or number without the author. */
  suppressAuthor: boolean
}

/** A citation as written: a bracketed group or a narrative `@key`. */
export interface CitationCluster {
  items: CiteItem[]
  /** Narrative (`@key says`) rather than parenthetical. */
  narrative: boolean
  position: Position | undefined
}

/**
 * Whether a node is a citation placeholder left by remarkCitations (`span[data-citation=N]`). Here, on
 * the ground floor, so that the lint rules can tell citations from text too.
 */
export function isCitation(node: Node | undefined): boolean {
  return (
    (node?.data as { hProperties?: { dataCitation?: unknown } } | undefined)?.hProperties?.dataCitation !== undefined
  )
}
