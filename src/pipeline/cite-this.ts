import { briefItem, formatBriefReference } from '../citations/cite-brief.ts'
import type { LoadedStyle } from '../citations/styles.ts'
import { localize } from '../config/kinds.ts'
import type { ResolvedConfig } from '../config/resolve.ts'
import type { BriefSource } from '../content/load-brief.ts'
import type { CompiledBrief } from '../core/compiled.ts'
import type { BriefMeta } from '../core/front-matter.ts'
import { briefPagePath, siteUrl } from '../core/paths.ts'
import { metaText } from './plain-text.ts'

/**
 * The brief itself as a work: its CSL item and its reference in its own style ("Cite this brief").
 * `meta` is the brief's front matter as shown (titles with their punctuation made typographic).
 */
export function citeThis(
  source: BriefSource,
  meta: BriefMeta,
  config: ResolvedConfig,
  style: LoadedStyle,
  summary: string,
): CompiledBrief['citeThis'] {
  // Note: plain text on one line: a newline in a title would start a new record in the .ris file.
  const item = briefItem({
    ...meta,
    title: metaText(meta.title),
    subtitle: meta.subtitle === undefined ? undefined : metaText(meta.subtitle),
    series: meta.series === undefined ? undefined : metaText(meta.series),
    authors: meta.authors.map((author) => ({ ...author, name: metaText(author.name) })),
    summary,
    slug: source.location.slug,
    publisher: localize(config.title, meta.lang),
    url: siteUrl(config.baseUrl, briefPagePath({ lang: meta.lang, slug: source.location.slug })),
  })
  return { item, html: formatBriefReference(item, style, meta.lang) }
}
