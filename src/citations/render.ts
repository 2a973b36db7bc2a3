import type { CitationItem, CslItem, Engine } from 'citeproc'
import type { Element, ElementContent, Root, Text } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { sanitize } from 'hast-util-sanitize'
import { toHtml } from 'hast-util-to-html'
import { toString as hastText } from 'hast-util-to-string'
import { h } from 'hastscript'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { CitationCluster, CiteItem } from '../core/citation.ts'
import type { Reference } from '../core/compiled.ts'
import { contentSchema } from '../core/sanitize.ts'
import { unbreakableRuns } from '../core/units.ts'
import { withCiteproc } from './engine.ts'
import { linkPieces } from './link.ts'
import type { LoadedStyle } from './styles.ts'

/**
 * Render every citation of a brief with citeproc, in document order, so that numeric styles
 * number works by first citation. Sets `file.data.renderedCitations` on each unit and returns
 * the reference list: cited works and those listed in `nocite`. Each citation gets an id
 * (`cite-N`) for the entry's links back, and a preview of its entries shown on hover or focus.
 */
export function renderCitations(
  units: readonly VFile[],
  style: LoadedStyle,
  items: ReadonlyMap<string, CslItem>,
  lang: string,
  options: { nocite?: readonly string[]; backLabel?: string } = {},
): Reference[] {
  return withCiteproc(style, lang, items, (engine) => render(engine, units, style, items, options))
}

function render(
  engine: Engine,
  units: readonly VFile[],
  style: LoadedStyle,
  items: ReadonlyMap<string, CslItem>,
  { nocite = [], backLabel = 'Back to citation' }: { nocite?: readonly string[]; backLabel?: string },
): Reference[] {
  const clusters = units.flatMap((unit) => unit.data.citations ?? [])
  engine.updateItems([...new Set(clusters.flatMap((c) => c.items.map((item) => item.key)))])
  if (nocite.length > 0) engine.updateUncitedItems([...nocite])

  // Note: makeCitationCluster leaves the engine as it was, so one cluster always renders the same;
  // a brief citing one work a thousand times asks citeproc once, and parses its HTML once.
  const rendered = new Map<string, ElementContent[]>()
  const cite = (citationItems: CitationItem[]): ElementContent[] => {
    const key = JSON.stringify(citationItems)
    const nodes =
      rendered.get(key) ??
      (fromHtml(engine.makeCitationCluster(citationItems), { fragment: true }).children as ElementContent[])
    rendered.set(key, nodes)
    // Note: a copy, as each citation's nodes go into a tree of their own.
    return structuredClone(nodes)
  }
  const citedAt = new Map<string, string[]>()
  const marks: Array<{ mark: Element; keys: string[] }> = []
  for (const unit of units) {
    unit.data.renderedCitations = (unit.data.citations ?? []).map((cluster) => {
      const id = `cite-${marks.length + 1}`
      const keys = cluster.items.map((item) => item.key)
      for (const key of new Set(keys)) citedAt.set(key, [...(citedAt.get(key) ?? []), id])
      const mark = renderCluster(cluster, cite, style, items)
      mark.properties['id'] = id
      marks.push({ mark, keys })
      return [mark]
    })
  }

  const bibliography = engine.makeBibliography()
  if (!bibliography) return []
  const [meta, entries] = bibliography
  const references = entries.map((entry, i) => {
    const id = meta.entry_ids[i]?.[0] ?? ''
    const item = items.get(id)
    const tree = fromHtml(entry.trim(), { fragment: true })
    appendNote(tree, item)
    const text = hastText(tree).replace(/\s+/g, ' ').trim()
    appendBacklinks(tree, citedAt.get(id) ?? [], backLabel)
    keepRunsWhole(tree)
    const lang = typeof item?.['language'] === 'string' ? item['language'] : undefined
    const cited = citedAt.get(id) ?? []
    const short = cited.length > 0 ? shortForm(hastText({ type: 'root', children: cite([{ id }]) }), style) : undefined
    return {
      id,
      html: toHtml(sanitize(tree, contentSchema)),
      lang,
      item,
      citedAt: cited,
      text,
      ...(short ? { short } : {}),
    }
  })
  const textOf = new Map(references.map((r) => [r.id, r.text]))
  const rank = new Map(references.map((r, i) => [r.id, i]))
  for (const { mark, keys } of marks) {
    // Note: in the order the mark shows them: by number in a numeric style, else as linked.
    const html = toHtml(mark)
    const at = (key: string) => (style.numeric ? (rank.get(key) ?? 0) : html.indexOf(`#ref-${key}"`))
    const ordered = [...new Set(keys)].sort((a, b) => at(a) - at(b))
    mark.children.push(preview(ordered.map((key) => textOf.get(key) ?? key)))
  }
  return references.map(({ text: _text, ...reference }) => reference)
}

/**
 * Dates (`2021-05-21`, `[2026-11-25]`) and numbers with their Chinese units (`42 号`, `2021 年`) in
 * an entry in `span.nowrap`, which the themes keep on one line, as remark-nowrap-units does in the
 * text. Any entry may name a Chinese document, so every entry is read as Chinese: the runs need a
 * Chinese word to follow the number. Links are left alone: their text is a URL.
 */
function keepRunsWhole(tree: Root): void {
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined || (parent.type === 'element' && parent.tagName === 'a')) return
    const pieces: ElementContent[] = []
    let cursor = 0
    for (const match of unbreakableRuns(node.value, 'zh')) {
      if (match.index > cursor) pieces.push({ type: 'text', value: node.value.slice(cursor, match.index) })
      pieces.push(h('span.nowrap', match[0]))
      cursor = match.index + match[0].length
    }
    if (cursor === 0) return
    if (cursor < node.value.length) pieces.push({ type: 'text', value: node.value.slice(cursor) })
    parent.children.splice(index, 1, ...pieces)
    return index + pieces.length
  })
}

/**
 * The full entries of a citation, shown by the stylesheet while the citation is hovered or
 * focused (`hidden` keeps it out of pages read without CSS). Plain text, since it sits inside
 * the citation's link; hidden from screen readers, which follow the link to the entry itself.
 */
function preview(entries: string[]): Element {
  return h(
    'span.citation-preview',
    { hidden: true, ariaHidden: 'true' },
    entries.flatMap((text, i) => (i === 0 ? [text] : [h('br'), text])),
  )
}

/** `↑ 1 2 3` at the end of an entry: links back to each citation of the work, labelled for screen readers. */
function appendBacklinks(tree: Root, ids: readonly string[], label: string): void {
  if (ids.length === 0) return
  const links = ids.flatMap((id, i) => [
    { type: 'text' as const, value: ' ' },
    h('a', { href: `#${id}`, ariaLabel: `${label} ${i + 1}` }, String(i + 1)),
  ])
  lastBlock(tree)?.children.push({ type: 'text', value: ' ' }, h('span.backlinks', ['↑', ...links]))
}

/** Where text added to an entry goes: its last block (after the number, in numeric styles). */
function lastBlock(tree: Root): Element | undefined {
  const entry = tree.children.find((node): node is Element => node.type === 'element')
  // Note: only a block (`div.csl-right-inline`); never into a trailing link or italic title.
  return (
    entry?.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'div').at(-1) ?? entry
  )
}

/**
 * Show an entry's `note` (where briefkit's sample says what is unverified) when the style leaves
 * it out, so that a reader sees it too.
 */
function appendNote(tree: Root, item: CslItem | undefined): void {
  const note = item?.['note']
  if (typeof note !== 'string' || note.trim() === '' || hastText(tree).includes(note)) return
  const body = lastBlock(tree)
  const chinese = String(item?.['language'] ?? '').startsWith('zh')
  body?.children.push(
    { type: 'text', value: chinese ? '' : ' ' },
    h('span.reference-note', chinese ? `（${note}）` : `(${note})`),
  )
}

type Cite = (items: CitationItem[]) => ElementContent[]

function renderCluster(
  cluster: CitationCluster,
  cite: Cite,
  style: LoadedStyle,
  items: ReadonlyMap<string, CslItem>,
): Element {
  const citationItems = cluster.items.map(toCitationItem)
  const keys = cluster.items.map((item) => item.key)
  const [first] = citationItems
  if (cluster.narrative && first) {
    // Note: numeric styles have no author form in citations, so the name comes from the item itself.
    const name: ElementContent[] = style.numeric
      ? [{ type: 'text', value: narrativeName(items.get(first.id)) }]
      : [...cite([{ ...first, 'author-only': true }]), { type: 'text', value: ' ' }]
    const mark = cite([{ ...first, 'suppress-author': true }])
    return anchor(first.id, keys, [...name, ...mark])
  }
  const rendered = cite(citationItems)
  if (citationItems.length === 1 && first) return anchor(first.id, keys, rendered)
  const pieces = citationItems.map((item) => ({
    id: item.id,
    text: bare(hastText({ type: 'root', children: cite([item]) })),
  }))
  return h(
    'span.citation',
    { dataCites: keys.join(' ') },
    linkPieces(rendered, pieces, (id) => `#ref-${id}`),
  )
}

function anchor(id: string, keys: string[], children: ElementContent[]): Element {
  return h('a.citation', { href: `#ref-${id}`, dataCites: keys.join(' ') }, children)
}

function toCitationItem(item: CiteItem): CitationItem {
  return {
    id: item.key,
    ...(item.locator ? { locator: item.locator, label: item.label ?? 'page' } : {}),
    ...(item.prefix ? { prefix: `${item.prefix} ` } : {}),
    ...(item.suffix ? { suffix: item.suffix } : {}),
    ...(item.suppressAuthor ? { 'suppress-author': true } : {}),
  }
}

/**
 * How the style names a work in a citation of its own, without parentheses: `[3]` in a numeric style
 * (a superscript `3` too), `Nakamoto 2008` or `Nakamoto, 2008` in an author-date one.
 */
function shortForm(text: string, style: LoadedStyle): string | undefined {
  const name = bare(text.replace(/\s+/g, ' '))
  if (name === '') return undefined
  return style.numeric ? `[${name}]` : name
}

/** A cite's text without its outer brackets or parentheses, to find it inside a group. */
function bare(text: string): string {
  return text
    .trim()
    .replace(/^[[(（【]+|[\])）】]+$/gu, '')
    .trim()
}

/** `Jiang et al.` / `姜等`: the first author's name for a narrative cite in a numeric style. */
function narrativeName(item: CslItem | undefined): string {
  const names = (item?.['author'] ?? item?.['editor'] ?? []) as Array<Record<string, string | undefined>>
  const [first] = names
  if (!first) return String(item?.['title'] ?? item?.id ?? '')
  const chinese = String(item?.['language'] ?? '').startsWith('zh')
  const name =
    first['literal'] ?? (chinese ? `${first['family'] ?? ''}${first['given'] ?? ''}` : (first['family'] ?? ''))
  if (names.length === 1) return name
  return chinese ? `${name}等` : `${name} et al.`
}
