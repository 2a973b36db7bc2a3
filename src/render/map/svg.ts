import type { Element } from 'hast'
import { s } from 'hastscript'
import type { ArgumentMap, MapEdge } from '../../core/argument-map.ts'
import type { Layout, Routed } from './layout.ts'
import type { SizedNode } from './nodes.ts'
import { mapText, margin, nodeStyles } from './style.ts'

/** What the map's `<svg>` says about itself. */
export interface SvgLabel {
  /** Prefix of the ids of its `<title>` and `<desc>`, unique in the page. */
  id: string
  title: string
  description: string
  lang: string
  /** The CSS font family list its text was measured in. */
  fontFamily: string
}

/**
 * The map drawn as an `<svg>` from Graphviz's layout: edges first (a support a solid line ending in
 * a filled arrow, an attack a dashed line ending in a bar), then each node a link to its place in
 * the brief holding its shape and its label's lines. Colours come from the page's CSS (classes,
 * `data-kind`), so the map follows the theme and dark mode; sizes are in its viewBox.
 */
export function mapSvg(map: ArgumentMap, sized: readonly SizedNode[], layout: Layout, label: SvgLabel): Element {
  const width = Math.ceil(layout.width + 2 * margin)
  const height = Math.ceil(layout.height + 2 * margin)
  const index = new Map(map.nodes.map((node, i) => [node.id, i]))
  // Note: Graphviz names an edge by its ends (the node pointed at is its tail, `dir=back`).
  const relationOf = (routed: Routed) =>
    map.edges.find((edge) => index.get(edge.to) === routed.tail && index.get(edge.from) === routed.head)
  return s(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'argument-map-svg',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      // Note: a group, not `img`: an image's content is hidden from assistive technology, and its
      // links would then be focusable yet nameless (axe: nested-interactive, serious). As a group,
      // each node is a link read by its text, and the title and description name the whole.
      role: 'group',
      ariaLabelledBy: `${label.id}-title`,
      ariaDescribedBy: `${label.id}-desc`,
      lang: label.lang,
      fontFamily: label.fontFamily,
      fontSize: mapText.fontSize,
      // Note: the stylesheet lets the map shrink to the column down to 11 px text, then it scrolls.
      style: `--map-min-width: ${Math.ceil((width * mapText.minFontSize) / mapText.fontSize)}px`,
    },
    [
      s('title', { id: `${label.id}-title` }, label.title),
      s('desc', { id: `${label.id}-desc` }, label.description),
      s(
        'g',
        { class: 'map-edges', transform: `translate(${margin} ${margin})` },
        layout.edges.map((routed) => edgeShape(routed, relationOf(routed))),
      ),
      s(
        'g',
        { class: 'map-nodes', transform: `translate(${margin} ${margin})` },
        sized.map((node, i) => nodeShape(node, layout.nodes.get(i) ?? { x: 0, y: 0 })),
      ),
    ],
  )
}

function nodeShape({ node, lines, truncated, width, height }: SizedNode, centre: { x: number; y: number }): Element {
  const style = nodeStyles[node.kind]
  const left = round(centre.x - width / 2)
  const top = round(centre.y - height / 2)
  const textTop = top + style.pad
  return s(
    'a',
    {
      href: node.href,
      class: `map-node map-${node.kind}${node.stance === 'con' ? ' map-con' : ''}`,
      dataKind: node.argumentKind,
      dataNode: node.id,
    },
    [
      // Note: a label cut short shows whole on hover.
      ...(truncated ? [s('title', node.label)] : []),
      ...outline(node.kind, left, top, width, height),
      s(
        'text',
        { fontWeight: style.fontWeight === 400 ? undefined : style.fontWeight },
        spaced(lines, node.label).map((line, i) =>
          s(
            'tspan',
            { x: round(left + style.padLeft), y: round(textTop + i * mapText.lineHeight + mapText.ascent) },
            line,
          ),
        ),
      ),
    ],
  )
}

/** A node's shape: each kind its own, so that they differ by more than colour. */
function outline(kind: SizedNode['node']['kind'], x: number, y: number, width: number, height: number): Element[] {
  // Note: fallbacks for a page without the map's stylesheet rules, which set the colours.
  const paint = { class: 'map-shape', fill: 'none', stroke: 'currentColor' }
  const box = { x, y, width, height, ...paint }
  switch (kind) {
    case 'thesis':
      return [s('rect', { ...box, rx: 3 })]
    case 'claim':
      // Note: a claim is boxed as in the page (`.claim`): a bar of its kind's colour on its left.
      return [s('rect', { ...box, rx: 4 }), s('rect', { x, y, width: 5, height, rx: 2, class: 'map-bar' })]
    case 'objection': {
      // Note: corners cut off, a shape none of the others has.
      const c = 6
      const points = [
        [x + c, y],
        [x + width - c, y],
        [x + width, y + c],
        [x + width, y + height - c],
        [x + width - c, y + height],
        [x + c, y + height],
        [x, y + height - c],
        [x, y + c],
      ]
      return [s('polygon', { ...paint, points: points.map((p) => p.map(round).join(',')).join(' ') })]
    }
    case 'response':
      return [s('rect', { ...box, rx: 12 })]
    default:
      // Note: a work cited: square corners, like a page.
      return [s('rect', box)]
  }
}

function edgeShape(routed: Routed, relation: MapEdge | undefined): Element {
  const attack = relation?.relation === 'attack'
  // Note: Graphviz's spline runs from the node pointed at to the other; drawn the other way round,
  // so a path starts at the node that supports or attacks.
  const points = [...routed.points].reverse()
  const [first, ...rest] = points
  const d = first
    ? `M${xy(first)}${chunks(rest)
        .map((c) => `C${c.map(xy).join(' ')}`)
        .join('')}`
    : ''
  const end = points.at(-1)
  return s('g', { class: `map-edge ${attack ? 'map-attack' : 'map-support'}` }, [
    s('path', { d, fill: 'none', stroke: 'currentColor', strokeDasharray: attack ? '5 3' : undefined }),
    ...(end && routed.tip ? [arrow(end, routed.tip, attack)] : []),
  ])
}

/** A support's filled arrowhead, or an attack's bar (⊣) with the line run on to it, from `base` to `tip`. */
function arrow(base: [number, number], tip: [number, number], attack: boolean): Element {
  const dx = tip[0] - base[0]
  const dy = tip[1] - base[1]
  const length = Math.hypot(dx, dy) || 1
  const [ux, uy] = [dx / length, dy / length]
  const [nx, ny] = [-uy, ux]
  if (attack) {
    const half = 5.5
    const d = `M${xy(base)}L${xy(tip)}M${xy([tip[0] + nx * half, tip[1] + ny * half])}L${xy([tip[0] - nx * half, tip[1] - ny * half])}`
    return s('path', { class: 'map-head', d, fill: 'none', stroke: 'currentColor', strokeWidth: 2 })
  }
  const half = 3.8
  const points = [tip, [base[0] + nx * half, base[1] + ny * half], [base[0] - nx * half, base[1] - ny * half]] as const
  return s('polygon', {
    class: 'map-head',
    points: points.map(([x, y]) => `${round(x)},${round(y)}`).join(' '),
    fill: 'currentColor',
  })
}

/**
 * Lines as `<tspan>` text: a line broken at a space in the label keeps it at its end, so that the
 * text read out or copied has its words apart (the space is blank, and within the padding).
 */
function spaced(lines: readonly string[], label: string): string[] {
  const text = label.replace(/\s+/gu, ' ').trim()
  let at = 0
  return lines.map((line) => {
    at += line.length
    const space = text[at] === ' '
    if (space) at += 1
    return space ? `${line} ` : line
  })
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i + 2 < items.length; i += 3) out.push(items.slice(i, i + 3))
  return out
}

function xy([x, y]: readonly [number, number]): string {
  return `${round(x)},${round(y)}`
}

/** Two decimals: enough for a screen or a PDF, and the same bytes on every machine. */
function round(value: number): number {
  return Math.round(value * 100) / 100
}
