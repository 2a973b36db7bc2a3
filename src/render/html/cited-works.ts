import type { Element, Root, Text } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toHtml } from 'hast-util-to-html'
import { toString as hastText } from 'hast-util-to-string'
import { remove } from 'unist-util-remove'
import { visit } from 'unist-util-visit'
import type { MapNode } from '../../core/argument-map.ts'
import { type BuildCache, cacheKey } from '../../core/cache.ts'
import type { CompiledBrief, Reference } from '../../core/compiled.ts'

/** A work as the sources page lists it: its entry, and each brief citing it with what rests on it there. */
export interface CitedWork {
  /** Unique on the page: `work-<citation key>` of its first brief, `-2` for a second key alike. */
  id: string
  /** Its entry in the first brief's style, without that brief's number and links back to its citations. */
  html: string
  /** The work's own language (CSL `language`). */
  lang: string | undefined
  /** Its entry as plain text, to sort by. */
  text: string
  citedIn: Array<{
    brief: CompiledBrief
    /** Where its entry is in the brief's page: `#ref-<key>`. */
    href: string
    /** The nodes of the brief's map it supports: its claims (or an objection, a response it backs). */
    supports: MapNode[]
  }>
}

/**
 * Every work cited in `briefs` (those of one language, in the order they are listed), once: a work
 * two briefs cite is one entry when they give it the same DOI, URL, or key and title. The works behind
 * the most claims come first, then those cited by the most briefs, then in the language's order.
 * `cache` keeps each brief's entries by its references' HTML.
 */
export function citedWorks(briefs: readonly CompiledBrief[], lang: string, cache?: BuildCache): CitedWork[] {
  const works = new Map<string, CitedWork>()
  const ids = new Set<string>()
  for (const brief of briefs) {
    const entries = cache ? cachedSiteEntries(brief, cache) : siteEntries(brief)
    for (const [index, reference] of brief.references.entries()) {
      const entry = entries[index] ?? { html: '', text: '' }
      const supports = supported(brief, reference.id)
      if (reference.citedAt.length === 0 && supports.length === 0) continue
      const identity = workIdentity(reference)
      let work = works.get(identity)
      if (!work) {
        let id = `work-${reference.id}`
        for (let n = 2; ids.has(id); n++) id = `work-${reference.id}-${n}`
        ids.add(id)
        work = { id, html: entry.html, lang: reference.lang, text: entry.text, citedIn: [] }
        works.set(identity, work)
      }
      work.citedIn.push({ brief, href: evidence(brief, reference.id)?.href ?? `#ref-${reference.id}`, supports })
    }
  }
  const collator = new Intl.Collator(lang)
  const claims = (work: CitedWork) => work.citedIn.reduce((sum, c) => sum + c.supports.length, 0)
  return [...works.values()].sort(
    (a, b) =>
      claims(b) - claims(a) ||
      b.citedIn.length - a.citedIn.length ||
      collator.compare(a.text, b.text) ||
      a.id.localeCompare(b.id),
  )
}

/** How many works back each argument of a brief, by the argument's section id; empty when the brief has no map. */
export function evidenceCounts(brief: CompiledBrief): Map<string, number> {
  const { nodes, edges } = brief.argumentMap
  const counts = new Map<string, number>()
  const works = new Set(nodes.filter((n) => n.kind === 'evidence').map((n) => n.id))
  for (const claim of nodes.filter((n) => n.kind === 'claim')) {
    const backing = edges.filter((e) => e.to === claim.id && e.relation === 'support' && works.has(e.from))
    counts.set(claim.href.replace(/^#/, ''), new Set(backing.map((e) => e.from)).size)
  }
  return counts
}

/**
 * "5 sources" / "5 项来源": how many works back an argument, in the theme's words (`sourcesNone`,
 * `sourcesOne`, `sourcesMany` with `{n}`); undefined when its brief has no map to count from.
 */
export function evidenceCountText(
  brief: CompiledBrief,
  argumentId: string,
  words: Record<string, string>,
): string | undefined {
  const count = evidenceCounts(brief).get(argumentId)
  if (count === undefined) return undefined
  const key = count === 0 ? 'sourcesNone' : count === 1 ? 'sourcesOne' : 'sourcesMany'
  return (words[key] ?? '{n}').replace('{n}', String(count))
}

/** The work's node in the brief's map: `work-<key>`. */
function evidence(brief: CompiledBrief, key: string): MapNode | undefined {
  return brief.argumentMap.nodes.find((n) => n.kind === 'evidence' && n.id === `work-${key}`)
}

/** What the work supports in the brief's map, each node once, in the map's order. */
function supported(brief: CompiledBrief, key: string): MapNode[] {
  const work = evidence(brief, key)
  if (!work) return []
  const targets = new Set(
    brief.argumentMap.edges.filter((e) => e.from === work.id && e.relation === 'support').map((e) => e.to),
  )
  return brief.argumentMap.nodes.filter((n) => targets.has(n.id))
}

function workIdentity(reference: Reference): string {
  const item = reference.item
  const doi = typeof item?.DOI === 'string' ? item.DOI.trim().toLowerCase() : ''
  if (doi) return `doi:${doi}`
  const url = typeof item?.URL === 'string' ? item.URL.trim() : ''
  if (url) return `url:${url}`
  return `key:${reference.id}\n${String(item?.title ?? '')}`
}

/** A reference as a page of the whole site shows it (see `siteEntry`): its HTML, and as text. */
interface SiteEntry {
  html: string
  text: string
}

/** Each of a brief's references as a page of the whole site shows it, in order. */
function siteEntries(brief: CompiledBrief): SiteEntry[] {
  let previous = ''
  return brief.references.map((reference) => {
    const entry = siteEntry(reference.html, previous)
    const text = hastText(entry)
    if (!substituted.test(text)) previous = text.trim()
    return { html: toHtml(entry), text: text.trim() }
  })
}

// Note: parsing each reference is most of what the sources pages cost; a brief's entries depend on its references' HTML only.
function cachedSiteEntries(brief: CompiledBrief, cache: BuildCache): SiteEntry[] {
  const key = cacheKey(brief.references.map((reference) => reference.html))
  const isEntries = (value: unknown): value is SiteEntry[] =>
    Array.isArray(value) &&
    value.length === brief.references.length &&
    value.every((e: Partial<SiteEntry>) => typeof e?.html === 'string' && typeof e.text === 'string')
  const cached = cache.readJson('sources', key, isEntries)
  if (cached) return cached
  const entries = siteEntries(brief)
  cache.writeJson('sources', key, entries)
  return entries
}

/** The dashes a style writes for the authors of the entry before (Chicago's `———`, MLA's `---`). */
const substituted = /^\s*[-\u2014\u2015\u2e3a\u2e3b]{2,}/

/**
 * A brief's entry for a page of the whole site: its number in that brief (`[3]`) and its links back to
 * that brief's citations mean nothing there, nor do dashes standing for the authors of the entry before
 * it (`previous`, as text), which get those authors back.
 */
function siteEntry(html: string, previous: string): Root {
  const tree = fromHtml(html, { fragment: true })
  remove(tree, (node) => {
    const className = (node as Element).properties?.['className']
    return Array.isArray(className) && (className.includes('backlinks') || className.includes('csl-left-margin'))
  })
  let first = true
  visit(tree, 'text', (node: Text) => {
    if (!first || node.value.trim() === '') return
    first = false
    const dashes = substituted.exec(node.value)?.[0]
    const names = dashes && authorsOf(previous, hastText(tree).slice(hastText(tree).indexOf(dashes) + dashes.length))
    if (dashes && names) node.value = node.value.replace(dashes, names)
  })
  return tree
}

/**
 * The authors at the start of `previous`: what comes before the punctuation and year that follow the
 * dashes in the entry (`. 2023b.` → up to the first `. ` and four digits), else before that punctuation;
 * undefined when neither is found.
 */
function authorsOf(previous: string, rest: string): string | undefined {
  const delimiter = /^[^\p{L}\p{N}]+/u.exec(rest)?.[0] ?? ''
  const quoted = delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const dated = /^\d{4}/.test(rest.slice(delimiter.length))
  let at = dated ? (new RegExp(`${quoted}\\d{4}`).exec(previous)?.index ?? -1) : -1
  if (at < 0 && delimiter.trim() !== '') at = previous.indexOf(delimiter)
  return at > 0 ? previous.slice(0, at) : undefined
}
