import type { Html, Root } from 'mdast'
import { remove } from 'unist-util-remove'

const commentOnly = /^\s*(?:<!--[\s\S]*?-->\s*)+$/

/**
 * Drop HTML comments (`<!-- an editor's note -->`) from the tree: they are notes to the authors,
 * not part of the page. Removed here rather than by the sanitizer, so a comment leaves no trace
 * at all in the HTML, and a brief whose only change is a comment builds to the same bytes.
 */
export function remarkComments() {
  return function transform(tree: Root): void {
    remove(tree, (node) => node.type === 'html' && commentOnly.test((node as Html).value))
  }
}
