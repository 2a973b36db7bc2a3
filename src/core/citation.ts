import type { Position } from 'unist'

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
