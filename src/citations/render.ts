import CSL, { type CitationItem, type CslItem } from 'citeproc'
import type { Element, ElementContent, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { sanitize } from 'hast-util-sanitize'
import { toHtml } from 'hast-util-to-html'
import { toString } from 'hast-util-to-string'
import { h } from 'hastscript'
import type { VFile } from 'vfile'
import { contentSchema } from '../pipeline/sanitize.ts'
import type { CitationCluster, CiteItem } from './model.ts'
import { linkPieces } from './link.ts'
import { cslLanguage, readLocale, type LoadedStyle } from './styles.ts'

/** One entry of a brief's reference list. */
export interface Reference {
  id: string
  /** The entry as citeproc formats it, sanitized. */
  html: string
  /** The work's own language (CSL `language`), so a page can set fonts and quotes for it. */
  lang: string | undefined
}

/**
 * Render every citation of a brief with citeproc, in document order, so that numeric styles
 * number works by first citation. Sets `file.data.renderedCitations` on each unit and returns
 * the reference list (cited works only).
 */
export function renderCitations(units: readonly VFile[], style: LoadedStyle, items: ReadonlyMap<string, CslItem>, lang: string): Reference[] {
  const engine = new CSL.Engine(
    { retrieveLocale: (tag) => readLocale(tag), retrieveItem: (id) => items.get(id) },
    style.xml,
    cslLanguage(lang),
  )
  engine.opt.development_extensions['wrap_url_and_doi'] = true
  const clusters = units.flatMap((unit) => unit.data.citations ?? [])
  engine.updateItems([...new Set(clusters.flatMap((c) => c.items.map((item) => item.key)))])

  const cite = (citationItems: CitationItem[]): ElementContent[] =>
    fromHtml(engine.makeCitationCluster(citationItems), { fragment: true }).children as ElementContent[]
  for (const unit of units) {
    unit.data.renderedCitations = (unit.data.citations ?? []).map((cluster) => renderCluster(cluster, cite, style, items))
  }

  const bibliography = engine.makeBibliography()
  if (!bibliography) return []
  const [meta, entries] = bibliography
  return entries.map((entry, i) => {
    const id = meta.entry_ids[i]?.[0] ?? ''
    const item = items.get(id)
    const tree = fromHtml(entry.trim(), { fragment: true })
    appendNote(tree, item)
    const lang = typeof item?.['language'] === 'string' ? item['language'] : undefined
    return { id, html: toHtml(sanitize(tree, contentSchema)), lang }
  })
}

/**
 * Show an entry's `note` (where briefkit's sample says what is unverified) when the style leaves
 * it out, so that a reader sees it too.
 */
function appendNote(tree: Root, item: CslItem | undefined): void {
  const note = item?.['note']
  if (typeof note !== 'string' || note.trim() === '' || toString(tree).includes(note)) return
  const entry = tree.children.find((node): node is Element => node.type === 'element')
  const body = entry?.children.filter((node): node is Element => node.type === 'element').at(-1) ?? entry
  const chinese = String(item?.['language'] ?? '').startsWith('zh')
  body?.children.push({ type: 'text', value: chinese ? '' : ' ' }, h('span.reference-note', chinese ? `（${note}）` : `(${note})`))
}

type Cite = (items: CitationItem[]) => ElementContent[]

function renderCluster(cluster: CitationCluster, cite: Cite, style: LoadedStyle, items: ReadonlyMap<string, CslItem>): ElementContent[] {
  const citationItems = cluster.items.map(toCitationItem)
  const keys = cluster.items.map((item) => item.key)
  const [first] = citationItems
  if (cluster.narrative && first) {
    // Note: numeric styles have no author form in citations, so the name comes from the item itself.
    const name: ElementContent[] = style.numeric
      ? [{ type: 'text', value: narrativeName(items.get(first.id)) }]
      : [...cite([{ ...first, 'author-only': true }]), { type: 'text', value: ' ' }]
    const mark = cite([{ ...first, 'suppress-author': true }])
    return [anchor(first.id, keys, [...name, ...mark])]
  }
  const rendered = cite(citationItems)
  if (citationItems.length === 1 && first) return [anchor(first.id, keys, rendered)]
  const pieces = citationItems.map((item) => ({ id: item.id, text: bare(toString({ type: 'root', children: cite([item]) })) }))
  const span = h('span.citation', { dataCites: keys.join(' ') }, linkPieces(rendered, pieces, (id) => `#ref-${id}`))
  return [span]
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

/** A cite's text without its outer brackets or parentheses, to find it inside a group. */
function bare(text: string): string {
  return text.trim().replace(/^[[(（【]+|[\])）】]+$/gu, '').trim()
}

/** `Jiang et al.` / `姜等`: the first author's name for a narrative cite in a numeric style. */
function narrativeName(item: CslItem | undefined): string {
  const names = (item?.['author'] ?? item?.['editor'] ?? []) as Array<Record<string, string | undefined>>
  const [first] = names
  if (!first) return String(item?.['title'] ?? item?.id ?? '')
  const chinese = String(item?.['language'] ?? '').startsWith('zh')
  const name = first['literal'] ?? (chinese ? `${first['family'] ?? ''}${first['given'] ?? ''}` : first['family'] ?? '')
  if (names.length === 1) return name
  return chinese ? `${name}等` : `${name} et al.`
}
