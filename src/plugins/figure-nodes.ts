import type { BlockContent, Paragraph, PhrasingContent, Text } from 'mdast'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import type { Box } from '../core/compiled.ts'
import { labelSlot } from '../core/labels.ts'
import { reportError } from '../reporting/messages.ts'
import { type Attributes, parseInline } from './attributes.ts'

/** A node that is only the element `tagName` around `children`. */
export function box(tagName: string, className: string, children: Box['children'], id?: string): Box {
  return {
    type: 'box',
    children,
    data: { hName: tagName, hProperties: { className: className.split(' '), ...(id ? { id } : {}) } },
  }
}

/** A paragraph rendered as `tagName` with a class. */
export function element(tagName: string, className: string, children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children, data: { hName: tagName, hProperties: { className: [className] } } }
}

/**
 * The caption of a numbered figure or table: its label (filled when the brief's figures are numbered)
 * then the caption's markdown. Records the target on `file.data.targets`.
 */
export function caption(
  file: VFile,
  kind: 'fig' | 'tbl',
  id: string | undefined,
  content: PhrasingContent[],
  position: Position | undefined,
  source: PhrasingContent[],
): Paragraph {
  const label: Text = { type: 'text', value: '' }
  if (id) {
    file.data.targets ??= []
    file.data.targets.push({ id, kind, position, label, cited: cites(content) || cites(source) })
  }
  const children: PhrasingContent[] = id
    ? [
        { type: 'emphasis', children: [label], data: { hName: 'span', hProperties: { className: ['figure-label'] } } },
        { type: 'text', value: ' ' },
        ...content,
      ]
    : content
  return element('figcaption', 'figure-caption', children)
}

/** "Source: …" under a figure or table, from its `source="…"` attribute (markdown). */
export function sourceLine(source: PhrasingContent[]): BlockContent[] {
  if (source.length === 0) return []
  const label: PhrasingContent = {
    type: 'emphasis',
    children: [{ type: 'text', value: labelSlot('source') }],
    data: { hName: 'span', hProperties: { className: ['figure-source-label'] } },
  }
  // Note: the space after the label is the theme's word's ("Source: "), as a full-width colon has its own.
  return [element('p', 'figure-source', [label, ...source])]
}

/** The markdown of an attribute's value (`source="[@a]"`), placed where it stands in the file. */
export function attributeMarkdown(file: VFile, attributes: Attributes, key: string): PhrasingContent[] {
  const entry = attributes.values.get(key)
  if (!entry?.value.trim()) return []
  const offset = entry.offset
  const point = location(String(file.value ?? '')).toPoint(offset)
  return parseInline(entry.value, point ? { ...point, offset } : { line: 1, column: 1, offset })
}

/** Whether inline markdown holds a citation (`[@key]` or `@key`, crossrefs aside). */
function cites(content: PhrasingContent[]): boolean {
  const text = (node: PhrasingContent): string =>
    'value' in node ? String(node.value) : 'children' in node ? node.children.map(text).join('') : ''
  return /(^|[\s[;-])@(?!(fig|tbl|sec)-)[\p{L}\p{N}_]/u.test(content.map(text).join(''))
}

/** An id of the right kind (`fig-…` for a figure), else an error at `position`. */
export function checkId(
  file: VFile,
  id: string | undefined,
  kind: 'fig' | 'tbl' | 'sec',
  position: Position | undefined,
): boolean {
  if (id === undefined || id.startsWith(`${kind}-`)) return true
  const what = { fig: 'A figure', tbl: 'A table', sec: 'A section' }[kind]
  reportError(
    file,
    `${what}'s id \`${id}\` does not start with \`${kind}-\``,
    position,
    'figure-id',
    `Cross-references tell figures, tables and sections by their prefix: write \`{#${kind}-${id.replace(/^(fig|tbl|sec)-/, '')}}\`.`,
  )
  return false
}
