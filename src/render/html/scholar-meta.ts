import type { CslItem } from 'citeproc'
import type { CompiledBrief } from '../../core/compiled.ts'
import { doiUrl, licences } from '../../core/publication.ts'
import { metaText } from '../../pipeline/plain-text.ts'

/** A Highwire Press `<meta>` element, read by Google Scholar. */
export interface MetaTag {
  name: string
  content: string
}

/**
 * What reference managers and Google Scholar read about a brief page: Highwire Press
 * `citation_*` tags and schema.org JSON-LD (a `Report`). Open Graph tags are on every page.
 */
export function scholarMeta(brief: CompiledBrief, pdfUrl: string | undefined): { tags: MetaTag[]; jsonLd: string } {
  const { item } = brief.citeThis
  const url = String(item.URL ?? '')
  const { date, updated, series, number, doi, license, version } = brief.meta
  const authors = brief.meta.authors.map((a) => ({
    ...a,
    name: metaText(a.name),
    affiliation: a.affiliation === undefined ? undefined : metaText(a.affiliation),
  }))
  const title = metaText(brief.meta.title)
  // Note: Scholar ties `citation_author_institution` and `citation_author_orcid` to the `citation_author` before them.
  const tags: MetaTag[] = [
    { name: 'citation_title', content: title },
    ...authors.flatMap((a) => [
      { name: 'citation_author', content: a.name },
      ...(a.affiliation ? [{ name: 'citation_author_institution', content: a.affiliation }] : []),
      ...(a.orcid ? [{ name: 'citation_author_orcid', content: `https://orcid.org/${a.orcid}` }] : []),
    ]),
    { name: 'citation_publication_date', content: date.replaceAll('-', '/') },
    ...(doi ? [{ name: 'citation_doi', content: doi }] : []),
    ...(series ? [{ name: 'citation_series_title', content: metaText(series) }] : []),
    ...(number ? [{ name: 'citation_technical_report_number', content: metaText(number) }] : []),
    { name: 'citation_language', content: brief.lang },
    { name: 'citation_publisher', content: String(item.publisher ?? '') },
    { name: 'citation_abstract_html_url', content: url },
    ...(pdfUrl ? [{ name: 'citation_pdf_url', content: pdfUrl }] : []),
    ...brief.meta.tags.map((tag) => ({ name: 'citation_keywords', content: metaText(tag) })),
    ...brief.references.flatMap((r) =>
      r.item ? [{ name: 'citation_reference', content: highwireReference(r.item) }] : [],
    ),
  ]
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Report',
    name: title,
    headline: title,
    ...(brief.meta.subtitle ? { alternativeHeadline: metaText(brief.meta.subtitle) } : {}),
    author: authors.map((a) => ({
      '@type': /\s/.test(a.name.trim()) && !/\p{Script=Han}/u.test(a.name) ? 'Person' : 'Organization',
      name: a.name,
      ...(a.affiliation ? { affiliation: { '@type': 'Organization', name: a.affiliation } } : {}),
      ...(a.orcid ? { identifier: `https://orcid.org/${a.orcid}` } : {}),
    })),
    datePublished: date,
    ...(updated ? { dateModified: updated } : {}),
    ...(doi ? { identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: doi }, sameAs: doiUrl(doi) } : {}),
    ...(series ? { isPartOf: { '@type': 'CreativeWorkSeries', name: metaText(series) } } : {}),
    ...(number ? { reportNumber: metaText(number) } : {}),
    ...(version ? { version } : {}),
    ...(license ? { license: licences[license] } : {}),
    inLanguage: brief.lang,
    description: brief.summaryText,
    url,
    publisher: { '@type': 'Organization', name: String(item.publisher ?? '') },
    ...(brief.meta.tags.length > 0 ? { keywords: brief.meta.tags.map(metaText).join(', ') } : {}),
    ...(pdfUrl ? { encoding: { '@type': 'MediaObject', contentUrl: pdfUrl, encodingFormat: 'application/pdf' } } : {}),
    citation: brief.references.flatMap((r) => (r.item ? [creativeWork(r.item)] : [])),
  }
  return { tags, jsonLd: scriptSafeJson(jsonLd) }
}

/** `citation_title=…; citation_author=…; citation_publication_date=…`, the form Scholar reads. */
function highwireReference(item: CslItem): string {
  const parts: string[] = []
  const add = (name: string, value: unknown) => {
    const text = typeof value === 'string' ? metaText(value) : ''
    if (text) parts.push(`${name}=${text.replaceAll(';', ',')}`)
  }
  for (const name of names(item)) add('citation_author', name)
  add('citation_title', item.title)
  add('citation_journal_title', item['container-title'])
  add('citation_publication_date', year(item))
  add('citation_volume', item.volume)
  add('citation_doi', item.DOI)
  add('citation_url', webUrl(item.URL))
  return parts.join('; ')
}

function creativeWork(item: CslItem): Record<string, unknown> {
  return {
    '@type': 'CreativeWork',
    name: metaText(String(item.title ?? item.id)),
    ...(names(item).length > 0 ? { author: agents(item) } : {}),
    ...(year(item) ? { datePublished: year(item) } : {}),
    ...(item.DOI ? { sameAs: `https://doi.org/${encodeURI(metaText(String(item.DOI)))}` } : {}),
    ...(webUrl(item.URL) ? { url: webUrl(item.URL) } : {}),
  }
}

// Note: a bibliography's `url` is anything its author typed; only a web address is a link for a reader or a crawler.
function webUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

function names(item: CslItem): string[] {
  const list = (item.author ?? []) as Array<Record<string, string | undefined>>
  return list
    .map((n) => metaText(n['literal'] ?? [n['given'], n['family']].filter(Boolean).join(' ')))
    .filter((n) => n !== '')
}

/** The authors as schema.org agents: a literal name is an organisation, a split one a person. */
function agents(item: CslItem): Array<{ '@type': string; name: string }> {
  const list = (item.author ?? []) as Array<Record<string, string | undefined>>
  return list.map((n) =>
    n['literal']
      ? { '@type': 'Organization', name: metaText(n['literal']) }
      : { '@type': 'Person', name: metaText([n['given'], n['family']].filter(Boolean).join(' ')) },
  )
}

function year(item: CslItem): string | undefined {
  const parts = (item.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0]
  return parts?.[0] ? String(parts[0]) : undefined
}

/** JSON for a `<script type="application/ld+json">`: nothing in it can close the element. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
