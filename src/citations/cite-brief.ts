import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import type { CslItem } from 'citeproc'
import { fromHtml } from 'hast-util-from-html'
import { sanitize } from 'hast-util-sanitize'
import { toHtml } from 'hast-util-to-html'
import { contentSchema } from '../core/sanitize.ts'
import { withCiteproc } from './engine.ts'
import { cslLanguage, type LoadedStyle } from './styles.ts'

/** What a brief says about itself, to cite it. */
export interface BriefFacts {
  slug: string
  title: string
  subtitle?: string | undefined
  authors: ReadonlyArray<{ name: string }>
  /** YYYY-MM-DD */
  date: string
  lang: string
  summary: string
  tags: readonly string[]
  /** The site's title in the brief's language: the brief's publisher. */
  publisher: string
  /** The brief page's absolute URL. */
  url: string
  doi?: string | undefined
  /** The series the brief is one of, and its number in it. */
  series?: string | undefined
  number?: string | undefined
  version?: string | undefined
}

/** The brief itself as a CSL item (a report), for "Cite this brief", its .bib and .ris files. */
export function briefItem(facts: BriefFacts): CslItem {
  const [year, month, day] = facts.date.split('-').map(Number)
  return {
    id: facts.slug,
    type: 'report',
    title: facts.subtitle ? `${facts.title}: ${facts.subtitle}` : facts.title,
    author: facts.authors.map((a) => personName(a.name)),
    issued: { 'date-parts': [[year ?? 1970, month ?? 1, day ?? 1]] },
    publisher: facts.publisher,
    URL: facts.url,
    language: cslLanguage(facts.lang),
    abstract: facts.summary,
    keyword: facts.tags.join(', '),
    ...(facts.doi ? { DOI: facts.doi } : {}),
    ...(facts.series ? { 'collection-title': facts.series } : {}),
    ...(facts.number ? { number: facts.number } : {}),
    ...(facts.version ? { version: facts.version } : {}),
  }
}

/**
 * `Ada Example` → family `Example`, given `Ada`; a Chinese name, a one-word name or an
 * organisation (`briefkit 编辑部`) stays whole, as a literal.
 */
export function personName(name: string): Record<string, string> {
  const words = name.trim().split(/\s+/)
  if (words.length < 2 || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(name))
    return { literal: name.trim() }
  return { family: words.at(-1) ?? name, given: words.slice(0, -1).join(' ') }
}

/** The brief's reference in its own style, without a number, as sanitized HTML. */
export function formatBriefReference(item: CslItem, style: LoadedStyle, lang: string): string {
  const bibliography = withCiteproc(style, lang, new Map([[item.id, item]]), (engine) => {
    engine.updateItems([item.id])
    return engine.makeBibliography()
  })
  const entry = bibliography ? (bibliography[1][0] ?? '') : ''
  const tree = fromHtml(entry.trim(), { fragment: true })
  const html = toHtml(sanitize(tree, contentSchema))
  // Note: a numeric style numbers the entry ([1]); a single reference needs no number.
  return html.replace(/<div class="csl-left-margin">[^<]*<\/div>/, '')
}

/** The item as BibLaTeX and RIS, for reference managers. */
export function exportItem(item: CslItem): { bibtex: string; ris: string } {
  const format = plugins.config.get('@bibtex').format
  // Note: by default citation-js writes ASCII only, dropping Chinese, and makes up its own key.
  format['asciiOnly'] = false
  format['useIdAsLabel'] = true
  const cite = new Cite([item])
  return { bibtex: cite.format('biblatex'), ris: cite.format('ris') }
}
