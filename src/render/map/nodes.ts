import type { ArgumentMap, MapNode } from '../../core/argument-map.ts'
import type { MeasureText } from '../text/measure.ts'
import { wrapText } from '../text/wrap.ts'
import { mapText, nodeStyles } from './style.ts'

/** A node with its label set in lines and the box they need, in px. */
export interface SizedNode {
  node: MapNode
  lines: string[]
  /** Whether the label was cut short (its last line ends in `…`). */
  truncated: boolean
  width: number
  height: number
}

/**
 * Each node of the map with its label wrapped and measured in the theme's fonts (`fontFamily`, the
 * family list the SVG names), and the box that holds it with its padding: Graphviz is given these
 * sizes, since it knows only Latin metrics of its own.
 */
export function sizeNodes(map: ArgumentMap, measure: MeasureText, fontFamily: string): SizedNode[] {
  return map.nodes.map((node) => {
    const style = nodeStyles[node.kind]
    const width = (line: string) => measure(line, fontFamily, style.fontWeight, mapText.fontSize)
    const { lines, truncated } = wrapText(node.label, width, { maxWidth: style.maxWidth, maxLines: style.maxLines })
    const textWidth = Math.max(0, ...lines.map(width))
    return {
      node,
      lines,
      truncated,
      width: Math.ceil(textWidth + style.padLeft + style.pad),
      height: Math.ceil(Math.max(1, lines.length) * mapText.lineHeight + 2 * style.pad),
    }
  })
}
