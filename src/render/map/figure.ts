import type { Element } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import type { ArgumentMap } from '../../core/argument-map.ts'
import { mapLegend } from './legend.ts'
import { mapList } from './list.ts'
import type { MapWords } from './words.ts'

/**
 * What a page shows of a map: the drawing in a box of its own that scrolls sideways when the
 * column is too narrow for its text, the key, and the same structure as a list in a `<details>`.
 * Without a drawing (`check`, which draws nothing) the list stands in for it, and a hidden `…`
 * for the ellipsis a cut label ends in, so that the glyph check sees every character a drawing could show.
 */
export function mapFigure(map: ArgumentMap, words: MapWords, svg: Element | undefined): Element {
  return h('div', { class: 'argument-map' }, [
    svg
      ? // Note: the box scrolls when the column is narrower than the map at its smallest; the links in it
        // let a keyboard scroll it (axe: scrollable-region-focusable).
        h('div', { class: 'argument-map-scroll' }, [svg])
      : h('span', { hidden: true }, '\u2026'),
    mapLegend(words),
    h('details', { class: 'argument-map-list' }, [h('summary', words.asList), mapList(map, words)]),
  ])
}

/** The map's title (`Argument map: <thesis>`) and description (how many of each kind), for its SVG. */
export function mapLabel(map: ArgumentMap, words: MapWords): { title: string; description: string } {
  const count = (kind: string) => String(map.nodes.filter((node) => node.kind === kind).length)
  const thesis = map.nodes.find((node) => node.kind === 'thesis')
  return {
    title: thesis ? `${words.role.replace('{role}', words.argumentMap)}${thesis.label}` : words.argumentMap,
    description: words.description
      .replace('{claims}', count('claim'))
      .replace('{works}', count('evidence'))
      .replace('{objections}', count('objection'))
      .replace('{responses}', count('response')),
  }
}

/** The map without its drawing, for `check`: its key and list, and the characters a drawing adds. */
export function mapStandIn(map: ArgumentMap, words: MapWords): string {
  return toHtml(mapFigure(map, words, undefined))
}
