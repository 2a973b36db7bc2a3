import type { Element } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toHtml } from 'hast-util-to-html'
import { visit } from 'unist-util-visit'

/**
 * A fragment whose relative links are written from the site's root (`zh/slug/index.html#ref-x`),
 * for a page `root` away from it (`../../`): each relative `href` and `src` gets the prefix.
 */
export function rebaseFragment(html: string, root: string): string {
  if (root === '') return html
  const tree = fromHtml(html, { fragment: true })
  visit(tree, 'element', (node: Element) => {
    for (const name of ['href', 'src']) {
      const value = node.properties[name]
      if (typeof value === 'string' && isRelative(value)) node.properties[name] = `${root}${value}`
    }
  })
  return toHtml(tree)
}

function isRelative(url: string): boolean {
  return url !== '' && !url.startsWith('#') && !url.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(url)
}
