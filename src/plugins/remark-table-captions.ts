import type { Root, RootContent, Table } from 'mdast'
import type { Position } from 'unist'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import type { Box } from '../core/compiled.ts'
import { type Attributes, parseInline, trailingAttributes } from './attributes.ts'
import { attributeMarkdown, box, caption, checkId, sourceLine } from './figure-nodes.ts'

/**
 * Pandoc's and Quarto's table captions: a paragraph `: Caption {#tbl-x source="…"}` (or `Table: …`)
 * right after a table, or the same line written straight under it (which GFM reads as a last row),
 * makes the table `<figure id="tbl-x">` with a numbered caption and its source.
 */
export function remarkTableCaptions() {
  return function transform(tree: Root, file: VFile): void {
    const source = String(file.value ?? '')
    visit(tree, 'table', (table: Table, index, parent) => {
      if (!parent || index === undefined) return
      const next = parent.children[index + 1]
      const written = next?.type === 'paragraph' ? captionAt(source, next.position) : captionRow(table, source)
      if (!written) return
      if (next?.type !== 'paragraph') table.children.pop()
      const { attributes, text, start, position } = written
      if (!checkId(file, attributes?.id, 'tbl', position)) return SKIP
      const point = location(source).toPoint(start)
      const content = point ? parseInline(text, { ...point, offset: start }) : []
      const sourceText = attributes ? attributeMarkdown(file, attributes, 'source') : []
      const figure: Box = box(
        'figure',
        'table-figure',
        [caption(file, 'tbl', attributes?.id, content, position, sourceText), table, ...sourceLine(sourceText)],
        attributes?.id,
      )
      parent.children.splice(index, next?.type === 'paragraph' ? 2 : 1, figure as RootContent as Table)
      return SKIP
    })
  }
}

interface WrittenCaption {
  attributes: Attributes | undefined
  /** The caption's markdown and the offset it starts at. */
  text: string
  start: number
  position: Position | undefined
}

/** A caption written at `position`: `: Caption {#tbl-x}` or `Table: Caption`. */
function captionAt(source: string, position: Position | undefined): WrittenCaption | undefined {
  const from = position?.start.offset
  const to = position?.end.offset
  if (from === undefined || to === undefined) return undefined
  const raw = source.slice(from, to)
  const prefix = /^(?:Table)?:[ \t]+/.exec(raw)
  if (!prefix) return undefined
  const attributes = trailingAttributes(source, from + prefix[0].length, to)
  const end = attributes ? attributes.start : to
  const start = from + prefix[0].length
  return { attributes, text: source.slice(start, end).trimEnd(), start, position }
}

/** A caption GFM took for the table's last row: its first cell starts with `: `, the others are empty. */
function captionRow(table: Table, source: string): WrittenCaption | undefined {
  const row = table.children.at(-1)
  if (!row || table.children.length < 3) return undefined
  const [first, ...rest] = row.children
  if (!first || rest.some((cell) => cell.children.length > 0)) return undefined
  return captionAt(source, first.position)
}
