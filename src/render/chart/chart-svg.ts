import type { Element, ElementContent, Root } from 'xast'
import { fromXml } from 'xast-util-from-xml'
import { toXml } from 'xast-util-to-xml'

/** What the root `<svg>` of a chart says about itself. */
export interface SvgLabel {
  /** Prefix of the ids of its `<title>` and `<desc>`, unique in the page. */
  id: string
  title: string
  description: string
  lang: string
  /**
   * The extent of everything drawn, in the SVG's own units: the viewBox grows to hold it, so that a
   * label placed past the plot (a bar's value) is never cut off.
   */
  bounds?: { x1: number; y1: number; x2: number; y2: number }
}

/** Elements a chart never needs and a page must not get. */
const dropped = new Set(['script', 'foreignObject', 'style', 'iframe', 'use', 'image'])

/**
 * Vega's SVG made fit for a page: scaled by its `viewBox` (no width and height), named by a
 * `<title>` and `<desc>`, sentinel colours replaced by the page's (`colours`), and nothing in it that
 * links, fetches or runs: no `href`, no `on…` attribute, no script; links (`<a>`) keep only their content. What vega hid is left out.
 */
export function pageSvg(svg: string, label: SvgLabel, colours: ReadonlyMap<string, string>): string {
  const tree: Root = fromXml(svg)
  const root = tree.children.find((node): node is Element => node.type === 'element' && node.name === 'svg')
  if (!root) throw new Error('vega made no <svg>')
  const { width, height, viewBox } = root.attributes
  const titleId = `${label.id}-title`
  const descId = `${label.id}-desc`
  root.attributes = {
    xmlns: 'http://www.w3.org/2000/svg',
    class: 'chart',
    viewBox: grown(viewBox ?? `0 0 ${width ?? 0} ${height ?? 0}`, label.bounds),
    role: 'img',
    'aria-labelledby': label.description ? `${titleId} ${descId}` : titleId,
    lang: label.lang,
  }
  const ids = new Map<string, string>()
  collectIds(root, (id) => ids.set(id, `${label.id}-${ids.size + 1}`))
  const values = (value: string) =>
    colours.get(value.toLowerCase()) ??
    value.replace(/url\(#([^)]+)\)/g, (_ref, id: string) => `url(#${ids.get(id) ?? id})`)
  root.children = [
    element('title', titleId, label.title),
    ...(label.description ? [element('desc', descId, label.description)] : []),
    ...clean(root.children, values, ids),
  ]
  return toXml(root, { closeEmptyElements: true, tightClose: true })
}

/** `viewBox` grown to hold `bounds` (and a pixel more each side it grew), in whole pixels. */
function grown(viewBox: string | number | boolean, bounds: SvgLabel['bounds']): string {
  const [x = 0, y = 0, w = 0, h = 0] = String(viewBox).split(/\s+/).map(Number)
  if (!bounds) return `${x} ${y} ${w} ${h}`
  const left = Math.min(x, Math.floor(bounds.x1 - 1))
  const top = Math.min(y, Math.floor(bounds.y1 - 1))
  const right = Math.max(x + w, Math.ceil(bounds.x2 + 1))
  const bottom = Math.max(y + h, Math.ceil(bounds.y2 + 1))
  return `${left} ${top} ${right - left} ${bottom - top}`
}

function clean(
  nodes: readonly ElementContent[],
  values: (value: string) => string,
  ids: ReadonlyMap<string, string>,
): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type !== 'element') return node.type === 'text' ? [node] : []
    // Note: vega hides the labels it drops for overlapping (`labelOverlap`) by opacity 0.
    if (dropped.has(node.name) || node.attributes.opacity === '0') return []
    const children = clean(node.children, values, ids)
    if (node.name === 'a') return children
    const attributes: Element['attributes'] = {}
    for (const [name, value] of Object.entries(node.attributes)) {
      if (value === null || value === undefined || /^on|href$|^xml:base$/i.test(name)) continue
      attributes[name] = name === 'id' ? (ids.get(value) ?? value) : values(value)
    }
    return [{ ...node, attributes, children }]
  })
}

// Note: vega numbers clip paths and gradients with counters of its own (`clip1`, `gradient_0`), which
// go on from chart to chart; numbered again under the chart's id, they are the same each time and
// unique in the page.
function collectIds(node: Element, add: (id: string) => void): void {
  const id = node.attributes.id
  if (typeof id === 'string') add(id)
  for (const child of node.children) if (child.type === 'element') collectIds(child, add)
}

function element(name: string, id: string, text: string): Element {
  return { type: 'element', name, attributes: { id }, children: [{ type: 'text', value: text }] }
}
