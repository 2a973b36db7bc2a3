import type { Element } from 'hast'
import { h, s } from 'hastscript'
import type { MapNodeKind } from '../../core/argument-map.ts'
import type { MapWords } from './words.ts'

/**
 * The map's key, as HTML beside the SVG (so it wraps to the column and reads at the page's size):
 * each kind of node with a small copy of its shape, and support and attack with their lines and
 * heads, drawn with the map's own classes so the stylesheet colours both alike.
 */
export function mapLegend(words: MapWords): Element {
  const kinds: MapNodeKind[] = ['thesis', 'claim', 'evidence', 'objection', 'response']
  return h('ul', { class: 'argument-map-legend' }, [
    ...kinds.map((kind) => entry(nodeSwatch(kind), words[kind])),
    entry(edgeSwatch(false), words.supports),
    entry(edgeSwatch(true), words.attacks),
  ])
}

function entry(swatch: Element, text: string): Element {
  return h('li', [swatch, text])
}

function swatch(children: Element[]): Element {
  return s(
    'svg',
    { class: 'map-swatch', viewBox: '0 0 32 16', width: 32, height: 16, ariaHidden: 'true', focusable: 'false' },
    children,
  )
}

function nodeSwatch(kind: MapNodeKind): Element {
  const box = { x: 1, y: 2, width: 30, height: 12, class: 'map-shape', fill: 'none', stroke: 'currentColor' }
  const shape: Record<MapNodeKind, Element[]> = {
    thesis: [s('rect', { ...box, rx: 2 })],
    claim: [s('rect', { ...box, rx: 3 }), s('rect', { x: 1, y: 2, width: 4, height: 12, rx: 1.5, class: 'map-bar' })],
    evidence: [s('rect', box)],
    objection: [
      s('polygon', {
        class: 'map-shape',
        fill: 'none',
        stroke: 'currentColor',
        points: '5,2 27,2 31,6 31,10 27,14 5,14 1,10 1,6',
      }),
    ],
    response: [s('rect', { ...box, rx: 6 })],
  }
  return swatch([s('g', { class: `map-node map-${kind}` }, shape[kind])])
}

function edgeSwatch(attack: boolean): Element {
  return swatch([
    s('g', { class: `map-edge ${attack ? 'map-attack' : 'map-support'}` }, [
      s('path', { d: 'M30,8L7,8', fill: 'none', stroke: 'currentColor', strokeDasharray: attack ? '5 3' : undefined }),
      attack
        ? s('path', {
            class: 'map-head',
            d: 'M7,8L2,8M2,2.5L2,13.5',
            fill: 'none',
            stroke: 'currentColor',
            strokeWidth: 2,
          })
        : s('polygon', { class: 'map-head', points: '2,8 8,4.2 8,11.8', fill: 'currentColor' }),
    ]),
  ])
}
