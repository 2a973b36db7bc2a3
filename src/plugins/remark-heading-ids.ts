import type { Heading, Root } from 'mdast'
import { toString as mdastText } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { cutAt, trailingAttributes } from './attributes.ts'

/**
 * `## Heading {#sec-costs}` gives the heading that id, as written (no prefix), and a `sec-` id
 * makes it a target of cross-references (`@sec-costs`), numbered once the brief is put together.
 */
export function remarkHeadingIds() {
  return function transform(tree: Root, file: VFile): void {
    const source = String(file.value ?? '')
    visit(tree, 'heading', (node: Heading) => {
      const from = node.position?.start.offset
      const to = node.position?.end.offset
      if (from === undefined || to === undefined) return
      // Note: a closing sequence (`## Title {#id} ##`) is not part of the heading's text.
      const end = from + source.slice(from, to).replace(/[ \t]+#+[ \t]*$/, '').length
      const attributes = trailingAttributes(source, from, end)
      if (!attributes?.id) return
      node.children = cutAt(node.children, attributes.start, source)
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id: attributes.id } }
      if (!attributes.id.startsWith('sec-')) return
      const label = { type: 'text' as const, value: '' }
      file.data.targets ??= []
      file.data.targets.push({
        id: attributes.id,
        kind: 'sec',
        position: node.position,
        label,
        depth: node.depth,
        title: mdastText(node),
      })
    })
  }
}
