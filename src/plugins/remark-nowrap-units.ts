import type { Nodes, PhrasingContent, Root, Text } from 'mdast'
import type { Position } from 'unist'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import { hasClass, isAutolink } from '../core/mdast-nodes.ts'
import { unbreakableRuns } from '../core/units.ts'
import { isCitation } from './remark-citations.ts'

/** Options of remarkNowrapUnits. */
export interface Options {
  /**
   * The brief's language. In Chinese (`zh`, `zh-Hant`, …) numbers keep their units and measure words;
   * in every language dates and year ranges are kept whole.
   * @default 'en'
   */
  lang?: string
}

/**
 * Keep a number with its unit, so that a line never breaks between `121.36` and `太瓦时` nor inside
 * `太瓦时`: each run is wrapped in `span.nowrap`, which the themes set `white-space: nowrap`.
 * Note: a span, not U+2060 WORD JOINER: Chromium breaks at a space whatever joiners stand around it,
 * and U+00A0 would change the text. Runs last, on text as it is shown; text nodes are split, never
 * changed, and the pieces keep their places in the source. Citations, cross-references and autolinks
 * are left alone (code and URLs are no text nodes).
 */
export function remarkNowrapUnits(options: Options = {}) {
  const { lang = 'en' } = options
  return function transform(tree: Root, file: VFile): void {
    const source = String(file.value ?? '')
    const place = location(source)
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || opaque(parent)) return
      const runs = unbreakableRuns(node.value, lang)
      if (runs.length === 0) return
      const offsets = sourceOffsets(node, source)
      const at = (from: number | undefined, to: number | undefined): Position | undefined => {
        const startPoint = from === undefined ? undefined : place.toPoint(from)
        const endPoint = to === undefined ? undefined : place.toPoint(to)
        return startPoint && endPoint ? { start: startPoint, end: endPoint } : undefined
      }
      const pieces: PhrasingContent[] = []
      let cursor = 0
      let cursorOffset = node.position?.start.offset
      for (const run of runs) {
        const [from, to] = offsets(run[0], run.index)
        if (run.index > cursor) pieces.push(text(node.value.slice(cursor, run.index), at(cursorOffset, from)))
        pieces.push(nowrap(text(run[0], at(from, to)), at(from, to)))
        cursor = run.index + run[0].length
        cursorOffset = to
      }
      if (cursor < node.value.length)
        pieces.push(text(node.value.slice(cursor), at(cursorOffset, node.position?.end.offset)))
      parent.children.splice(index, 1, ...pieces)
      return index + pieces.length
    })
  }
}

/**
 * Where a run of a text node's value is in the source: offsets straight from the node's start when
 * its value is its source as written, else (escapes, entities, dropped line breaks) found by search.
 */
function sourceOffsets(node: Text, source: string): (run: string, index: number) => [number?, number?] {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return () => []
  const raw = source.slice(start, end)
  let searchFrom = 0
  return (run, index) => {
    const found = raw === node.value ? index : raw.indexOf(run, searchFrom)
    if (found === -1) return []
    searchFrom = found + run.length
    return [start + found, start + found + run.length]
  }
}

/** Text that is no prose of the author's, or is filled in later: citations, cross-references, figure labels, autolinks. */
function opaque(node: Nodes): boolean {
  return isCitation(node) || hasClass(node, 'xref', 'figure-label', 'nowrap') || isAutolink(node)
}

function text(value: string, position: Position | undefined): Text {
  return position ? { type: 'text', value, position } : { type: 'text', value }
}

function nowrap(child: Text, position: Position | undefined): PhrasingContent {
  // Note: an emphasis node is only a carrier, as for citations; hName makes it the span.
  return {
    type: 'emphasis',
    children: [child],
    data: { hName: 'span', hProperties: { className: ['nowrap'] } },
    ...(position ? { position } : {}),
  }
}
