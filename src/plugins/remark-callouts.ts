import type { Paragraph, Root, RootContent } from 'mdast'
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { reportWarning } from '../reporting/messages.ts'

/** Options of remarkCallouts. */
export interface Options {
  /**
   * Container directives that become callouts (`:::note`, `:::recommendation`).
   * @default ['note', 'recommendation', 'warning']
   */
  names?: readonly string[]
}

type Directive = ContainerDirective | LeafDirective | TextDirective

/**
 * Turn `:::note[Title]` blocks into `<aside class="callout callout-note">` with an optional title,
 * and put back as plain text any directive syntax that was not meant as one (`ratio:high`).
 */
export function remarkCallouts(options: Options = {}) {
  const names = new Set(options.names ?? ['note', 'recommendation', 'warning'])
  return function transform(tree: Root, file: VFile): void {
    visit(tree, (node, index, parent) => {
      if (!isDirective(node) || !parent || index === undefined) return
      if (node.type === 'containerDirective' && names.has(node.name)) {
        toCallout(node)
        return
      }
      if (node.type !== 'textDirective') {
        reportWarning(
          file,
          `Unknown directive \`${node.name}\``,
          node.position,
          'unknown-directive',
          `Callouts are ${[...names].map((n) => `\`:::${n}\``).join(', ')}.`,
        )
      }
      const restored = restore(node)
      parent.children.splice(index, 1, ...(restored as typeof parent.children))
      return index + restored.length
    })
  }
}

function isDirective(node: { type: string }): node is Directive {
  return node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective'
}

function toCallout(node: ContainerDirective): void {
  const [first, ...rest] = node.children
  const hasLabel = first?.type === 'paragraph' && first.data?.directiveLabel === true
  if (hasLabel) {
    const title: Paragraph = { ...first, data: { hName: 'p', hProperties: { className: ['callout-title'] } } }
    node.children = [title, ...rest]
  }
  node.data = {
    hName: 'aside',
    hProperties: { className: ['callout', `callout-${node.name}`] },
  }
}

/** What the author typed, as text: `:name[label]` comes back as `:name[` + the label + `]`. */
function restore(node: Directive): RootContent[] {
  const marker = node.type === 'textDirective' ? ':' : node.type === 'leafDirective' ? '::' : ':::'
  const open = { type: 'text' as const, value: `${marker}${node.name}` }
  if (node.type === 'containerDirective') return [{ type: 'paragraph', children: [open] }, ...node.children]
  const label =
    node.children.length > 0
      ? [{ ...open, value: `${open.value}[` }, ...node.children, { type: 'text' as const, value: ']' }]
      : [open]
  return node.type === 'textDirective' ? label : [{ type: 'paragraph', children: label }]
}
