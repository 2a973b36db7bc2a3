import type { Position } from 'unist'
import type { Box } from './compiled.ts'

/**
 * An objection written in an argument's text (`:::objection[Title]`) and the response that follows
 * it (`:::response`), as plugins/remark-objections.ts finds them: for the argument map
 * (pipeline/argument-map.ts) and the lints (lint/relations.ts).
 */
export interface ObjectionBlock {
  /** `objection-<argument id>-<n>`, n from 1 in reading order; undefined outside an argument. */
  id: string | undefined
  /** Its block in the tree (a box, `aside.objection`); its first child is its title line: the label's span (class `objection-label`), then (when `title`) the title. */
  node: Box
  /** Whether it has a title (`:::objection[Title]`). */
  title: boolean
  position: Position | undefined
  /** The response right after it, `response-<argument id>-<n>` with the objection's n; a box like the objection's. */
  response: { id: string | undefined; node: Box; title: boolean; position: Position | undefined } | undefined
}

declare module 'vfile' {
  interface DataMap {
    /** The objections of this unit, in reading order. */
    objections: ObjectionBlock[]
    /** Where a `:::response` stands that no objection comes right before. */
    strayResponses: Array<Position | undefined>
  }
}
