import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'

/** Options of rehypeFootnoteLabel. */
export interface Options {
  /**
   * Prefix for the footnotes heading's id.
   * @default ''
   */
  prefix?: string
}

/**
 * Give the footnotes heading a prefixed id. remark-rehype always calls it `footnote-label`,
 * which clashes when several files with footnotes share one page.
 */
export function rehypeFootnoteLabel(options: Options = {}) {
  const id = `${options.prefix ?? ''}footnote-label`
  return function transform(tree: Root): void {
    visit(tree, 'element', (node: Element) => {
      if (node.properties['id'] === 'footnote-label') node.properties['id'] = id
      const described = node.properties['ariaDescribedBy']
      if (Array.isArray(described))
        node.properties['ariaDescribedBy'] = described.map((v) => (v === 'footnote-label' ? id : v))
    })
  }
}
