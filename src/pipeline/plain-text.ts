import type { Nodes } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { isCitation } from '../plugins/remark-citations.ts'

/** The text of a fragment without its citations, for a page's meta description. */
export function plainText(node: Nodes): string {
  if (isCitation(node)) return ''
  if ('children' in node) return node.children.map((child) => plainText(child)).join('').replace(/\s+/g, ' ').trim()
  return toString(node)
}
