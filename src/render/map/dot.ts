import type { ArgumentMap } from '../../core/argument-map.ts'
import type { SizedNode } from './nodes.ts'
import { spacing } from './style.ts'

/** The Graphviz name of the node at `index` of the map (labels never go to Graphviz). */
export function dotName(index: number): string {
  return `n${index}`
}

/**
 * The map as a DOT graph for Graphviz's `dot`: columns from left to right (thesis, claims, then
 * the works and objections under each claim, a response below its objection), each node a fixed
 * box of its measured size with no label. Every edge runs from the node supported or attacked to
 * the one that supports or attacks it, so that `dot` ranks the thesis first; `dir=back` keeps
 * the arrow at the node it points to.
 */
export function toDot(map: ArgumentMap, sized: readonly SizedNode[]): string {
  const index = new Map(map.nodes.map((node, i) => [node.id, i]))
  const name = (id: string) => dotName(index.get(id) ?? -1)
  const lines = [
    'digraph map {',
    `  graph [rankdir=LR, nodesep=${spacing.nodesep}, ranksep=${spacing.ranksep}, splines=true, pad=0];`,
    '  node [shape=box, fixedsize=true, label="", margin=0];',
    '  edge [dir=back, arrowsize=0.6];',
    // Note: `ordering=out` on the thesis keeps its claims in the brief's order, top to bottom.
    ...sized.map(
      ({ node, width, height }, i) =>
        `  ${dotName(i)} [width=${inches(width)}, height=${inches(height)}${node.kind === 'thesis' ? ', ordering=out' : ''}];`,
    ),
  ]
  const claims = map.nodes.flatMap((node, i) => (node.kind === 'claim' ? [dotName(i)] : []))
  if (claims.length > 1) lines.push(`  { rank=same; ${claims.join('; ')}; }`)
  for (const edge of map.edges) {
    if (!index.has(edge.from) || !index.has(edge.to)) continue
    const from = map.nodes[index.get(edge.from) ?? 0]
    const to = map.nodes[index.get(edge.to) ?? 0]
    // Note: a response sits in its objection's column, just below it, so a map has three columns.
    if (from?.kind === 'response' && to?.kind === 'objection') {
      lines.push(`  { rank=same; ${name(edge.to)}; ${name(edge.from)}; }`)
    }
    const head = edge.relation === 'support' ? 'normal' : 'tee'
    // Note: an edge between two claims must not reorder them (a flat edge puts its tail first).
    const free = from?.kind === 'claim' && to?.kind === 'claim' ? ', constraint=false' : ''
    lines.push(`  ${name(edge.to)} -> ${name(edge.from)} [arrowtail=${head}${free}];`)
  }
  lines.push('}')
  return `${lines.join('\n')}\n`
}

/** Px as inches for Graphviz (72 to the inch), exact to a hundredth of a px. */
function inches(px: number): string {
  return String(Math.round((px / 72) * 1e4) / 1e4)
}
