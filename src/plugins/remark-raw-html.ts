import type { Html, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { maxDepth } from '../content/limits.ts'
import { reportError } from '../reporting/messages.ts'

/** Options of remarkRawHtml. */
export interface Options {
  /**
   * How deeply the author's own HTML elements may nest, across the unit.
   * @default maxDepth (100)
   */
  maxDepth?: number
}

// Note: an HTML parser reads everything after one of these as text up to its end tag, or to the end
// of the page (`plaintext`): an unclosed one would swallow the rest of the argument, citations and all.
const rawTextElements = new Set([
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
])
const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
])
// Note: a new one of these closes the open one, so a run of them does not nest.
const selfClosing = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup'])
const tagPattern = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^>]*?)?(\/?)>|<!--[\s\S]*?-->/g

/**
 * Check the raw HTML an author writes in markdown before it is parsed as HTML: refuse elements
 * whose content is raw text when they are left open (`raw-text-element`), and elements nested deeper than the limit
 * (`nesting-too-deep`), which would exhaust the stack of the code that walks the page.
 */
export function remarkRawHtml(options: Options = {}) {
  const limit = options.maxDepth ?? maxDepth
  return function transform(tree: Root, file: VFile): void {
    const open: string[] = []
    let tooDeep = false
    visit(tree, 'html', (node: Html, index, parent) => {
      const pattern = new RegExp(tagPattern)
      for (let match = pattern.exec(node.value); match; match = pattern.exec(node.value)) {
        const [, closing, rawName, selfClose] = match
        if (rawName === undefined) continue
        const name = rawName.toLowerCase()
        if (closing) {
          const at = open.lastIndexOf(name)
          if (at !== -1) open.length = at
          continue
        }
        if (rawTextElements.has(name)) {
          // Note: closed within its own HTML block it is harmless (sanitizing drops it); left open, it eats what follows.
          const end = name === 'plaintext' ? -1 : node.value.toLowerCase().indexOf(`</${name}`, pattern.lastIndex)
          // Note: in a paragraph, each tag is an HTML node of its own: the end tag may follow in a later one.
          const later =
            parent && index !== undefined && end === -1 && name !== 'plaintext' ? parent.children.slice(index + 1) : []
          if (end === -1 && !later.some((n) => n.type === 'html' && n.value.toLowerCase().includes(`</${name}`))) {
            reportError(
              file,
              name === 'plaintext'
                ? 'HTML element `<plaintext>` is not allowed in a brief'
                : `HTML element \`<${name}>\` is not closed in its own HTML block`,
              node.position,
              'raw-text-element',
              `Everything after \`<${name}>\` would be read as plain text, citations included; remove it, or put HTML to show in a code block.`,
            )
            return
          }
          if (end === -1) return
          pattern.lastIndex = end
          continue
        }
        if (selfClose || voidElements.has(name) || selfClosing.has(name)) continue
        open.push(name)
        if (open.length > limit && !tooDeep) {
          tooDeep = true
          reportError(
            file,
            `HTML elements nest more than ${limit} levels deep here`,
            node.position,
            'nesting-too-deep',
            'Close each element you open (`<div>` … `</div>`); pages need a few levels at most.',
          )
        }
      }
    })
  }
}
