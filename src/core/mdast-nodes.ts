import type { Nodes } from 'mdast'

/**
 * Whether an mdast node will be an element with one of these classes (`data.hProperties.className`,
 * as briefkit's plugins mark cross-references, figure labels, figures and callout titles).
 */
export function hasClass(node: Nodes, ...names: string[]): boolean {
  const className = (node.data as { hProperties?: { className?: unknown } } | undefined)?.hProperties?.className
  return Array.isArray(className) && className.some((name) => names.includes(String(name)))
}

/** Whether a node is a link that shows its own address (`<https://x.org>`, `www.x.org`, `a@b.org`). */
export function isAutolink(node: Nodes): boolean {
  if (node.type !== 'link') return false
  const [only] = node.children
  if (node.children.length !== 1 || only?.type !== 'text') return false
  const bare = (url: string) => url.replace(/^(https?:\/\/|mailto:)/, '')
  return bare(node.url) === bare(only.value)
}
