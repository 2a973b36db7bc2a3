import type { ResolvedConfig } from '../../config/resolve.ts'
import { kindLabel, localize } from '../../config/kinds.ts'
import type { CompiledBrief } from '../../pipeline/compile-brief.ts'
import { briefPagePath } from '../../pipeline/paths.ts'
import { pageCounterContent } from '../css.ts'
import { exportItem } from '../../citations/cite-brief.ts'
import { scholarMeta } from './scholar-meta.ts'
import type { Theme } from './theme.ts'

/** A rendered page: its path inside the out dir and its HTML. */
export interface Page {
  path: string
  html: string
}

/** Render the page of one edition of a brief with the theme's `brief` layout. */
export async function renderBriefPage(brief: CompiledBrief, config: ResolvedConfig, theme: Theme, withPdf: boolean): Promise<Page> {
  const html = await theme.engine.renderFile('brief', {
    ...common(config, theme, brief.lang, '../../'),
    pageTitle: brief.meta.title,
    description: brief.summaryText,
    pdfHref: withPdf ? pdfPath(brief).split('/').at(-1) : undefined,
    brief: briefContext(brief, config, theme),
    canonicalUrl: String(brief.citeThis.item.URL ?? ''),
    scholar: scholarMeta(brief, withPdf ? `${config.baseUrl}${pdfPath(brief)}` : undefined),
    citeThis: { html: brief.citeThis.html, bib: `${brief.slug}.bib`, ris: `${brief.slug}.ris` },
  })
  return { path: briefPagePath(brief), html }
}

/**
 * Render the page the PDF is printed from, with the theme's `print` layout, next to the brief's page.
 * Its table of contents gets page numbers while printing (`.toc-page` in each entry's link).
 */
export async function renderPrintPage(brief: CompiledBrief, config: ResolvedConfig, theme: Theme): Promise<Page> {
  const html = await theme.engine.renderFile('print', {
    ...common(config, theme, brief.lang, '../../'),
    pageCounter: pageCounterContent(theme.strings(brief.lang)['page'] ?? '{n} / {total}'),
    paper: config.paper,
    // Note: the PDF printer writes this stylesheet of font subsets next to the print page.
    printFonts: theme.printFonts.length > 0 ? 'print-fonts.css' : undefined,
    brief: briefContext(brief, config, theme),
  })
  return { path: briefPagePath(brief).replace(/index\.html$/, 'print.html'), html }
}

/** A brief's reference as BibLaTeX and RIS files, next to its page: `<lang>/<slug>/<slug>.bib|.ris`. */
export function citationFiles(brief: CompiledBrief): Array<{ path: string; content: string }> {
  const { bibtex, ris } = exportItem(brief.citeThis.item)
  const base = briefPagePath(brief).replace(/index\.html$/, brief.slug)
  return [{ path: `${base}.bib`, content: bibtex }, { path: `${base}.ris`, content: ris }]
}

/** Where a brief's PDF lives in the out dir: `<lang>/<slug>/<slug>.pdf`. */
export function pdfPath(brief: Pick<CompiledBrief, 'lang' | 'slug'>): string {
  return briefPagePath(brief).replace(/index\.html$/, `${brief.slug}.pdf`)
}

/** The entries of a brief's table of contents: each section's id and title, in reading order. */
export function tableOfContents(brief: CompiledBrief, theme: Theme): Array<{ id: string; title: string; kind?: string }> {
  const t = theme.strings(brief.lang)
  const label = (key: string) => t[key] ?? key
  return [
    { id: 'summary', title: label('summary') },
    { id: 'introduction', title: label('introduction') },
    ...brief.arguments.map((a) => ({ id: a.id, title: a.title, kind: a.kind })),
    ...(brief.conclusion ? [{ id: 'conclusion', title: brief.conclusion.title ?? label('conclusion') }] : []),
    ...(brief.recommendationsHtml.length > 0 ? [{ id: 'recommendations', title: label('recommendations') }] : []),
    ...(brief.references.length > 0 ? [{ id: 'references', title: label('references') }] : []),
  ]
}

function briefContext(brief: CompiledBrief, config: ResolvedConfig, theme: Theme) {
  const args = brief.arguments.map((a) => ({ ...a, kindLabel: kindLabel(config.argumentKinds, a.kind, brief.lang) }))
  return { ...brief, ...brief.meta, dateText: formatDate(brief.meta.date, brief.lang), arguments: args, toc: tableOfContents(brief, theme) }
}

/** Render the home page listing every brief, newest first, in the site's default language. */
export async function renderHomePage(briefs: readonly CompiledBrief[], config: ResolvedConfig, theme: Theme, withPdf: boolean): Promise<Page> {
  const lang = config.languages[0]
  const sorted = [...briefs].sort((a, b) => b.meta.date.localeCompare(a.meta.date) || a.slug.localeCompare(b.slug))
  const html = await theme.engine.renderFile('home', {
    ...common(config, theme, lang, ''),
    pageTitle: undefined,
    briefs: sorted.map((brief) => ({
      lang: brief.lang,
      href: briefPagePath(brief),
      pdfHref: withPdf ? pdfPath(brief) : undefined,
      pdfLabel: theme.strings(brief.lang)['downloadPdf'],
      title: brief.meta.title,
      subtitle: brief.meta.subtitle,
      date: brief.meta.date,
      dateText: formatDate(brief.meta.date, brief.lang),
      authors: brief.meta.authors.map((a) => a.name).join(brief.lang.startsWith('zh') ? '、' : ', '),
      summaryHtml: brief.homeSummaryHtml,
      readLabel: theme.strings(brief.lang)['readBrief'],
      kinds: brief.arguments.map((a) => ({
        id: a.kind,
        label: kindLabel(config.argumentKinds, a.kind, brief.lang),
      })),
    })),
  })
  return { path: 'index.html', html }
}

function common(config: ResolvedConfig, theme: Theme, lang: string, root: string) {
  return {
    lang,
    root,
    t: theme.strings(lang),
    siteTitle: localize(config.title, lang),
    fontStylesheets: theme.fonts.map((_, i) => `assets/fonts/font-${i + 1}.css`),
  }
}

/** `2026年11月25日` / `November 25, 2026`. */
export function formatDate(isoDate: string, lang: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date)
}
