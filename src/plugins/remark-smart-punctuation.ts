import type { Nodes, Root, Text } from 'mdast'
import { toString as mdastText } from 'mdast-util-to-string'
import { retext } from 'retext'
import retextSmartypants from 'retext-smartypants'
import { SKIP, visit } from 'unist-util-visit'
import { hasClass, isAutolink } from '../core/mdast-nodes.ts'
import { isCitation } from './remark-citations.ts'

/** Options of remarkSmartPunctuation. */
export interface Options {
  /**
   * How dashes are read: `'oldschool'` makes `--` an en dash and `---` an em dash, `true` makes `--`
   * an em dash, `false` leaves them.
   * @default 'oldschool'
   */
  dashes?: boolean | 'oldschool' | 'inverted'
  /**
   * Turn `...` (spaced or not) into an ellipsis.
   * @default true
   */
  ellipses?: boolean
}

// Note: inline nodes join the text around them; any other node (a paragraph, a cell, a break) parts it.
const inline = new Set([
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'textDirective',
  'image',
  'imageReference',
  'footnoteReference',
  'html',
])

// Note: only dashes and dots are left to change once quotes are done, and retext gives its input back
// unless it finds two or three hyphens, a dash before a hyphen, three dots, or three dots parted by white
// space (parse-latin's); most text nodes have a full stop but none of these, and are not parsed again.
const space = String.raw`[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+`
const dashesOrDots = new RegExp(String.raw`--|[–—]-|\.\.\.|\.${space}\.+${space}\.`)

/**
 * SmartyPants (retext-smartypants) for the text an English reader sees: straight quotes and
 * apostrophes become curly ones (`"China's"` → `“China’s”`), `--` and `---` en and em dashes,
 * `...` an ellipsis. Code, raw HTML and its attributes, URLs, citation placeholders and
 * cross-references keep their text. Only text nodes' values change, so positions stay; checks that
 * compare a value with its source run before it.
 */
export function remarkSmartPunctuation(options: Options = {}) {
  const { dashes = 'oldschool', ellipses = true } = options
  // Note: quotes are paired across a block's nodes (`"[carbon](#x) neutrality"`), so they are read from
  // the text of the whole tree at once; as each quote stays one character, the result can be cut back
  // into the nodes. Dashes and ellipses change lengths and are done node by node afterwards.
  const quotes = retext().use(retextSmartypants, { dashes: false, ellipses: false, backticks: false })
  const marks = retext().use(retextSmartypants, { dashes, ellipses, quotes: false, backticks: false })

  return function transform(tree: Root): void {
    const pieces: { text: string; node?: Text }[] = []
    // Note: code, raw HTML and front matter hold their text in `value`, not in text nodes: never changed.
    visit(tree, (node: Nodes) => {
      if (node.type === 'text') {
        pieces.push({ text: node.value, node })
      } else if (isKept(node)) {
        // Note: kept text still counts as a word, so that a quote after it closes (`"run `x`"`).
        pieces.push({ text: 'A'.repeat(Math.max(1, mdastText(node).length)) })
        return SKIP
      } else if (!inline.has(node.type)) {
        pieces.push({ text: ' ' })
      }
      return undefined
    })

    const all = pieces.map((piece) => piece.text).join('')
    const curled = String(quotes.processSync(all))
    // Note: retext gives back its input's length when only quotes change; anything else would cut wrong.
    const aligned = curled.length === all.length
    let start = 0
    for (const { text, node } of pieces) {
      const end = start + text.length
      const value = aligned ? curled.slice(start, end) : text
      if (node) node.value = dashesOrDots.test(value) ? String(marks.processSync(value)) : value
      start = end
    }
  }
}

/** Inline nodes whose text is not prose: inline code, citations, cross-references, bare URLs. */
function isKept(node: Nodes): boolean {
  return (
    node.type === 'inlineCode' ||
    isCitation(node) ||
    (node.type === 'link' && hasClass(node, 'xref')) ||
    isAutolink(node)
  )
}
