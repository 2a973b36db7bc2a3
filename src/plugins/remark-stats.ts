import type { Parent, Root, RootContent } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { Box } from '../core/compiled.ts'
import { reportError } from '../reporting/messages.ts'
import { box, element } from './figure-nodes.ts'

/**
 * Big numbers: `:::stat{value="138 TWh"}` with a short label inside (markdown, which should cite)
 * becomes a pull-out figure; stats one after another share a row (`.stats`), side by side where
 * there is room. Runs before remarkCallouts, which would take `stat` for an unknown directive.
 */
export function remarkStats() {
  return function transform(tree: Root, file: VFile): void {
    visit(tree, (node) => {
      if (!('children' in node)) return
      const parent = node as Parent
      const children: RootContent[] = []
      let row: Box | undefined
      let changed = false
      for (const child of parent.children as RootContent[]) {
        if (child.type === 'containerDirective' && child.name === 'stat') {
          changed = true
          const stat = toStat(child, file)
          if (!row) {
            row = box('div', 'stats', [])
            children.push(row as RootContent)
          }
          row.children.push(stat as Box)
          continue
        }
        row = undefined
        children.push(child)
      }
      // Note: a lone stat makes a row of one, as many children as before (regression: it was left as an unknown directive).
      if (changed) parent.children = children as typeof parent.children
    })
  }
}

function toStat(node: ContainerDirective, file: VFile): Box {
  const value = node.attributes?.['value']?.trim() ?? ''
  if (!value) {
    reportError(
      file,
      'A `:::stat` has no value',
      node.position,
      'stat-value',
      'Write the figure as its value: `:::stat{value="138 TWh"}`, then the label on the next lines.',
    )
  }
  return box('div', 'stat', [
    element('p', 'stat-value', [{ type: 'text', value }]),
    box('div', 'stat-label', node.children),
  ])
}
