import type { MapNodeKind } from '../../core/argument-map.ts'

/**
 * The sizes a map is drawn at, in px of the SVG (one px a point for Graphviz, which reads inches
 * at 72 to the inch). Text is set at 13 px: in a 37rem column the map is shown at about its own
 * size, and the stylesheet lets it shrink no further than 11 px before it scrolls instead.
 */
export const mapText = {
  fontSize: 13,
  /** Line to line, in px: 1.45 em holds the CJK fonts' ascent and descent (1.16 + 0.29 em). */
  lineHeight: 19,
  /** From a line box's top to its baseline, in px. */
  ascent: 15,
  /** The smallest the text may be shown at before the map scrolls sideways in its box. */
  minFontSize: 11,
} as const

/** How each kind of node is set: the widest line, the weight, and the padding (left, other sides). */
export interface NodeStyle {
  maxWidth: number
  fontWeight: number
  padLeft: number
  pad: number
  /** The most lines its label takes; a longer one ends in `…` (the full text is in the list and the brief). */
  maxLines: number
}

/** Each kind's style. A claim has room on its left for a bar in its kind's colour. */
export const nodeStyles: Readonly<Record<MapNodeKind, NodeStyle>> = {
  thesis: { maxWidth: 150, fontWeight: 700, padLeft: 10, pad: 8, maxLines: 7 },
  claim: { maxWidth: 168, fontWeight: 400, padLeft: 14, pad: 7, maxLines: 5 },
  // Note: a work's short form and title on one line: a brief cites many, and they make the map's tallest column
  // (the sample's 24 works on two lines each made its map a third taller); the full title is in the list.
  evidence: { maxWidth: 200, fontWeight: 400, padLeft: 8, pad: 4, maxLines: 1 },
  objection: { maxWidth: 156, fontWeight: 400, padLeft: 10, pad: 7, maxLines: 4 },
  response: { maxWidth: 156, fontWeight: 400, padLeft: 10, pad: 7, maxLines: 4 },
}

/** Graphviz's spacing, in inches: between nodes of a column, and between columns. */
export const spacing = { nodesep: 0.15, ranksep: 0.4 } as const

/** Space around the drawing, in px. */
export const margin = 2
