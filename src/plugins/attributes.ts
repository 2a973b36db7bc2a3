import type { PhrasingContent } from 'mdast'
import type { Point } from 'unist'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { parseMarkdown } from '../content/parse.ts'

/**
 * A Pandoc attribute block, `{#fig-x .wide source="[@a]" width=60%}`, as Quarto writes it after an
 * image, a table caption or a heading.
 */
export interface Attributes {
  /** Offsets in the text it was found in: `{` and just after `}`. */
  start: number
  end: number
  id: string | undefined
  classes: string[]
  /** Each `key=value`, with the offset of the value's first character in the text. */
  values: Map<string, { value: string; offset: number }>
}

const token =
  /\s*(?:#([\p{L}\p{N}_:.-]+)|\.([\p{L}\p{N}_-]+)|([\p{L}_][\p{L}\p{N}_-]*)=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"'{}]+)))/uy

/** The attribute block that ends `text.slice(from, to)` (spaces after it allowed), or undefined; offsets are in `text`. */
export function trailingAttributes(text: string, from = 0, to = text.length): Attributes | undefined {
  const end = from + text.slice(from, to).trimEnd().length
  if (text[end - 1] !== '}') return undefined
  for (let open = text.lastIndexOf('{', end - 1); open >= from; open = text.lastIndexOf('{', open - 1)) {
    const parsed = parseAttributes(text, open, end)
    if (parsed) return parsed
  }
  return undefined
}

/** `text.slice(start, end)` read as one attribute block, or undefined when it is not one. */
export function parseAttributes(text: string, start: number, end: number): Attributes | undefined {
  if (text[start] !== '{' || text[end - 1] !== '}') return undefined
  const attributes: Attributes = { start, end, id: undefined, classes: [], values: new Map() }
  let at = start + 1
  while (true) {
    const rest = /\s*/y
    rest.lastIndex = at
    rest.exec(text)
    if (rest.lastIndex === end - 1)
      return attributes.id || attributes.classes.length || attributes.values.size ? attributes : undefined
    token.lastIndex = at
    const match = token.exec(text)
    if (!match || token.lastIndex > end - 1) return undefined
    const [whole, id, className, key, double, single, bare] = match
    if (id) {
      if (attributes.id) return undefined
      attributes.id = id
    } else if (className) attributes.classes.push(className)
    else if (key) {
      const raw = double ?? single ?? bare ?? ''
      const quoted = double !== undefined || single !== undefined
      const offset = match.index + whole.length - raw.length - (quoted ? 1 : 0)
      attributes.values.set(key, { value: quoted ? raw.replace(/\\(.)/g, '$1') : raw, offset })
    }
    at = token.lastIndex
  }
}

/**
 * Inline markdown written inside another construct (an image's caption, an attribute's value),
 * parsed on its own with every position moved to where it stands in the file: `at` is the point of
 * its first character. Anything that is not one paragraph comes back as plain text.
 */
export function parseInline(markdown: string, at: Point & { offset: number }): PhrasingContent[] {
  const tree = parseMarkdown(new VFile({ value: markdown }))
  const [first, ...rest] = tree.children
  if (first?.type !== 'paragraph' || rest.length > 0) {
    const end = shift({ line: 1, column: 1, offset: 0 }, at)
    end.offset += markdown.length
    return markdown ? [{ type: 'text', value: markdown, position: { start: { ...at }, end } }] : []
  }
  visit(first, (node) => {
    if (!node.position) return
    node.position = { start: shift(node.position.start, at), end: shift(node.position.end, at) }
  })
  return first.children
}

/** A point of a fragment that starts at `at`, as a point of the whole file. */
function shift(point: Point, at: Point & { offset: number }): Point & { offset: number } {
  return {
    line: point.line + at.line - 1,
    column: point.line === 1 ? point.column + at.column - 1 : point.column,
    offset: (point.offset ?? 0) + at.offset,
  }
}

/**
 * The children of a paragraph or heading without what lies at or after `offset` in the source
 * (an attribute block ending it), and without the spaces before it.
 */
export function cutAt(children: PhrasingContent[], offset: number, source: string): PhrasingContent[] {
  const kept: PhrasingContent[] = []
  for (const child of children) {
    const start = child.position?.start.offset
    const end = child.position?.end.offset
    if (start === undefined || end === undefined || start >= offset) break
    if (end <= offset) {
      kept.push(child)
      continue
    }
    if (child.type !== 'text') break
    const tail = source.slice(offset, end)
    const value = child.value.endsWith(tail)
      ? child.value.slice(0, child.value.length - tail.length)
      : child.value.slice(0, Math.max(0, child.value.lastIndexOf('{')))
    kept.push({ ...child, value })
    break
  }
  const last = kept.at(-1)
  if (last?.type === 'text') {
    last.value = last.value.trimEnd()
    if (!last.value) kept.pop()
  }
  return kept
}
