import type { Nodes, PhrasingContent, Root, Text } from 'mdast'
import type { Position } from 'unist'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import { isoDate } from '../core/dates.ts'
import { hasClass, isAutolink } from '../core/mdast-nodes.ts'
import { chineseMagnitudes, unitsAfterNumber } from '../lint/figures.ts'
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
 * Measure words after a number that are no figure's unit (`lint/figures.ts` leaves them out): dates,
 * durations and counts. `多` and `余` may stand between (`20 多年`, `1000 余家`).
 */
const measureWords = ['年', '月', '日', '天', '周', '周年', '小时', '分钟', '秒', '岁']
const countWords = ['个', '次', '倍', '家', '种', '项', '号', '位', '名', '人', '台', '条', '件', '份', '张', '页']

const han = /\p{Script=Han}/u
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const alternation = (words: readonly string[]) =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|')

// Note: not inside a word, a version, a path or a longer number (`S19`, `1.5.2`, `/2021-05/`, `COVID-19`).
const start = String.raw`(?<![\p{Script=Latin}\d.,_/\-–])`
const amount = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`
// Note: a range (`2–3 年`) is one run; a percentage may take a unit (`3% 个`), though `85%` alone never breaks.
const number = `(?:${amount})(?:[-–~～](?:${amount}))?%?`
const space = String.raw`[ \u00a0\u202f\n]?`
const magnitude = alternation(chineseMagnitudes)
const unit = alternation([...unitsAfterNumber.filter((word) => han.test(word)), ...measureWords, ...countWords])

/** ISO dates (`2021-02-03`, `2021-02`) and year ranges (`2021–2022`), in every language. */
const dates = new RegExp(isoDate, 'gu')
/** Those, and a number with its Chinese magnitude, unit or measure word (`121.36 太瓦时`, `2400 亿千瓦时`, `2022年`). */
const chinese = new RegExp(
  `(?:${isoDate}|${start}(?:${number}))(?:${space}(?<magnitude>${magnitude}))?(?:${space}(?:多|余)?(?<unit>${unit}))?`,
  'gu',
)

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
  const pattern = /^zh\b/i.test(lang) ? chinese : dates
  return function transform(tree: Root, file: VFile): void {
    const source = String(file.value ?? '')
    const place = location(source)
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || opaque(parent)) return
      const runs = [...node.value.matchAll(pattern)].filter(
        (m) => m.groups?.['date'] || m.groups?.['magnitude'] || m.groups?.['unit'],
      )
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
