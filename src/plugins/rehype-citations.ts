import type { Element, ElementContent, Root } from 'hast'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

/** Options of rehypeCitations. */
export interface Options {
  /**
   * Put before each citation's `#ref-…` link, for a fragment shown on another page (the home
   * page's summary); the citations then carry no ids.
   * @default ''
   */
  linkBase?: string
}

/**
 * Replace each citation placeholder left by remarkCitations with its rendered form
 * (`file.data.renderedCitations`, from citeproc). Runs after sanitizing, since the rendered
 * form is briefkit's own markup.
 */
export function rehypeCitations(options: Options = {}) {
  const linkBase = options.linkBase ?? ''
  return function transform(tree: Root, file: VFile): void {
    const rendered = file.data.renderedCitations ?? []
    visit(tree, 'element', (node: Element, index, parent) => {
      const id = node.properties['dataCitation']
      if (node.tagName !== 'span' || id === undefined || !parent || index === undefined) return
      const found = rendered[Number(id)]
      if (!found) return
      const nodes = linkBase ? found.map((node) => rebase(structuredClone(node), linkBase)) : found
      // Note: a word joiner keeps a mark glued to the word before it (`监管[7]` never breaks before `[7]`).
      const before = parent.children[index - 1]
      if (before?.type === 'text' && /\S$/u.test(before.value)) before.value += '\u2060'
      parent.children.splice(index, 1, ...nodes)
      return [SKIP, index + nodes.length]
    })
  }
}

function rebase(node: ElementContent, base: string): ElementContent {
  if (node.type !== 'element') return node
  const href = node.properties['href']
  if (typeof href === 'string' && href.startsWith('#')) node.properties['href'] = `${base}${href}`
  // Note: a citation's id is for links back from its page's reference list; elsewhere it could clash.
  delete node.properties['id']
  node.children = node.children.map((child) => rebase(child, base))
  return node
}
