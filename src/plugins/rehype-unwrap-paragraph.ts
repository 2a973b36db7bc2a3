import type { Root } from 'hast'

/** When a fragment is a single paragraph (a summary, a key finding), keep only its content. */
export function rehypeUnwrapParagraph() {
  return function transform(tree: Root): void {
    const [only, ...rest] = tree.children.filter((node) => !(node.type === 'text' && node.value.trim() === ''))
    if (rest.length === 0 && only?.type === 'element' && only.tagName === 'p') tree.children = only.children
  }
}
