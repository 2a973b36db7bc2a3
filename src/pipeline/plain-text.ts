import type { Nodes as HastNodes, Root as HastRoot } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import type { Nodes, Root } from 'mdast'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { hasClass } from '../core/mdast-nodes.ts'
import { contentSchema } from '../core/sanitize.ts'
import { isCitation } from '../plugins/remark-citations.ts'

// Note: what a page shows of the author's raw HTML is what the sanitize schema keeps; the plain
// text must be taken from the same, or a `<script>` dropped from the page would be in the metadata.
const toSanitizedHast = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, contentSchema)

/**
 * The text of a fragment as a reader sees it on the page, without its citations, footnotes and rows of big numbers:
 * for metadata (the meta description, feeds, JSON-LD, the PDF's Subject). No tags, entities
 * decoded, whitespace collapsed, so that it can be escaped for any of them as it is.
 */
export function plainText(node: Nodes): string {
  const root: Root = { type: 'root', children: [] }
  const kept = withoutNotes(structuredClone(node))
  if (kept) root.children = kept.type === 'root' ? kept.children : [kept as Root['children'][number]]
  const hast = toSanitizedHast.runSync(root) as HastRoot
  return collapse(textOf(hast).replace(/\s*\uE000/g, ''))
}

/**
 * A plain-text field (a title, an author's name) for metadata: what a browser would show of it as
 * HTML, without tags or scripts, entities decoded, whitespace collapsed (`A <b>b</b> &amp; c` → `A b & c`).
 */
export function metaText(text: string): string {
  if (!/[<&]/.test(text)) return collapse(text)
  return collapse(textOf(fromHtml(text, { fragment: true })))
}

// Note: a citation or note reference leaves a mark that takes the space before it along (`cheaply [@a].`).
// A row of big numbers repeats figures of the text beside it: a description reads on without it.
function withoutNotes(node: Nodes): Nodes | undefined {
  if (node.type === 'footnoteDefinition' || hasClass(node, 'stats')) return undefined
  if (isCitation(node) || node.type === 'footnoteReference') return { type: 'text', value: '\uE000' }
  if ('children' in node) {
    const children = node.children.map((child) => withoutNotes(child)).filter((child) => child !== undefined)
    ;(node as { children: Nodes[] }).children = children
  }
  return node
}

// Note: elements whose content is not text a reader sees; blocks, cells and breaks part words.
const hidden = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'title', 'head'])
const breaks = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
])

function textOf(node: HastNodes): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element') {
    if (hidden.has(node.tagName)) return ''
    const inner = node.children.map(textOf).join('')
    return breaks.has(node.tagName) ? ` ${inner} ` : inner
  }
  return node.type === 'root' ? node.children.map(textOf).join('') : ''
}

function collapse(text: string): string {
  // Note: C0 controls are not allowed in XML (the feed) and mean nothing in a description.
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}
