import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'
import { isFigureWidth } from '../core/css.ts'

/**
 * What the author's markdown asks of a table's or figure's look, as the page's stylesheet can use
 * it: a column's alignment (`---:`, which remark-rehype writes as the obsolete `align` attribute)
 * becomes a class, and a figure's `width="60%"` a custom property. Runs after sanitizing, from
 * attributes it checked.
 */
export function rehypePresentation() {
  return function transform(tree: Root): void {
    visit(tree, 'element', (node: Element) => {
      const align = node.properties['align']
      if ((node.tagName === 'td' || node.tagName === 'th') && typeof align === 'string') {
        delete node.properties['align']
        if (/^(left|right|center)$/.test(align)) node.properties['className'] = [`align-${align}`]
      }
      const width = node.properties['dataFigureWidth']
      if (node.tagName === 'figure' && width !== undefined) {
        delete node.properties['dataFigureWidth']
        if (isFigureWidth(width)) node.properties['style'] = `--figure-width: ${width}`
      }
    })
  }
}
