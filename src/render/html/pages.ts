import { exportItem } from '../../citations/cite-brief.ts'
import { kindLabel } from '../../config/kinds.ts'
import type { ResolvedConfig } from '../../config/resolve.ts'
import type { BuildCache } from '../../core/cache.ts'
import type { CompiledBrief } from '../../core/compiled.ts'
import { pageCounterContent } from '../../core/css.ts'
import { aifPath, argdownPath, briefPagePath, cardPath, pdfPath, urlPath } from '../../core/paths.ts'
import { doiUrl, licences } from '../../core/publication.ts'
import type { Theme } from '../../theme/theme.ts'
import { briefMap } from './argument-map.ts'
import { briefCharts, chartStandIns } from './charts.ts'
import { absoluteUrl } from './languages.ts'
import { hasLayout, renderPage } from './layout.ts'
import { formatDate, kindPagePath } from './listing-pages.ts'
import { type Page, pageContext } from './page-context.ts'
import { scholarMeta } from './scholar-meta.ts'

export type { Page } from './page-context.ts'

/** How a brief's page is rendered. */
export interface BriefPageOptions {
  /** The brief has a PDF to link to. */
  hasPdf: boolean
  /** The brief has a social preview image (`cardPath`) for `og:image`. @default false */
  hasCard?: boolean
  /**
   * Draw its charts and argument map (`check`, which writes nothing, draws neither: drawing is the slow part).
   * @default true
   */
  drawCharts?: boolean
  /** Where drawn argument maps are kept (see `briefMap`). */
  cache?: BuildCache | undefined
}

/**
 * Render the page of one edition of a brief with the theme's `brief` layout. `editions` are all
 * compiled briefs, to link this one to its translations.
 */
export async function renderBriefPage(
  brief: CompiledBrief,
  editions: readonly CompiledBrief[],
  config: ResolvedConfig,
  theme: Theme,
  { hasPdf, hasCard = false, drawCharts = true, cache }: BriefPageOptions,
): Promise<Page> {
  const path = briefPagePath(brief)
  return renderPage(
    theme,
    'brief',
    path,
    {
      ...pageContext(config, theme, {
        lang: brief.lang,
        path,
        pathIn: (lang) =>
          editions.some((e) => e.slug === brief.slug && e.lang === lang)
            ? briefPagePath({ lang, slug: brief.slug })
            : undefined,
        title: brief.meta.title,
        description: brief.summaryText,
        image: hasCard ? { path: cardPath(brief), ...cardSize, alt: brief.meta.title } : undefined,
      }),
      ogType: 'article',
      pdfHref: hasPdf ? urlPath(pdfPath(brief).split('/').at(-1) ?? '') : undefined,
      brief: briefContext(brief, config, theme),
      scholar: scholarMeta(brief, hasPdf ? absoluteUrl(config, pdfPath(brief)) : undefined),
      citeThis: citeThisContext(brief),
      argumentMap: await briefMap(brief, theme, { draw: drawCharts, cache }),
    },
    drawCharts ? await briefCharts(brief, theme) : chartStandIns(brief),
    cache,
  )
}

/**
 * Render the page the PDF is printed from, with the theme's `print` layout, next to the brief's page.
 * Its table of contents gets page numbers while printing (`.toc-page` in each entry's link).
 */
export async function renderPrintPage(
  brief: CompiledBrief,
  config: ResolvedConfig,
  theme: Theme,
  { drawCharts = true, cache }: Pick<BriefPageOptions, 'drawCharts' | 'cache'> = {},
): Promise<Page> {
  const path = briefPagePath(brief).replace(/index\.html$/, 'print.html')
  return renderPage(
    theme,
    'print',
    path,
    {
      ...pageContext(config, theme, { lang: brief.lang, path, title: brief.meta.title }),
      pageCounter: pageCounterContent(theme.strings(brief.lang)['page'] ?? '{n} / {total}'),
      paper: config.paper,
      // Note: the PDF printer writes this stylesheet of font subsets next to the print page.
      printFonts: theme.fonts.length > 0 ? 'print-fonts.css' : undefined,
      brief: briefContext(brief, config, theme),
      argumentMap: await briefMap(brief, theme, { draw: drawCharts, cache }),
    },
    drawCharts ? await briefCharts(brief, theme, { forPrint: true }) : chartStandIns(brief),
    cache,
  )
}

/** The size of a brief's social preview image in CSS pixels (and in pixels: it is painted at scale 1). */
export const cardSize = { width: 1200, height: 630 } as const

/**
 * Render the page a brief's social preview image is painted from, with the theme's `card` layout,
 * next to the brief's page: publisher, series, title, subtitle, authors and its arguments' kinds.
 * Its font subsets' stylesheet, `card-fonts.css`, is written beside it while painting. Undefined
 * when the theme has no `card` layout: its briefs then have no card. `cache`: see `renderPage`.
 */
export async function renderCardPage(
  brief: CompiledBrief,
  config: ResolvedConfig,
  theme: Theme,
  { cache }: Pick<BriefPageOptions, 'cache'> = {},
): Promise<Page | undefined> {
  if (!hasLayout(theme, 'card')) return undefined
  const path = briefPagePath(brief).replace(/index\.html$/, 'card.html')
  const context = briefContext(brief, config, theme)
  return renderPage(
    theme,
    'card',
    path,
    {
      ...pageContext(config, theme, { lang: brief.lang, path, title: brief.meta.title }),
      cardFonts: theme.fonts.length > 0 ? 'card-fonts.css' : undefined,
      size: cardSize,
      brief: context,
      // Note: each kind once, in the order the brief argues them: the card's colour band.
      kinds: [...new Map(context.arguments.map((a) => [a.kind, { id: a.kind, label: a.kindLabel }])).values()],
    },
    [],
    cache,
  )
}

/** A brief's reference as BibLaTeX and RIS files, next to its page: `<lang>/<slug>/<slug>.bib|.ris`. */
export function citationFiles(brief: CompiledBrief): Array<{ path: string; content: string }> {
  const { bibtex, ris } = exportItem(brief.citeThis.item)
  const base = briefPagePath(brief).replace(/index\.html$/, brief.slug)
  return [
    { path: `${base}.bib`, content: bibtex },
    { path: `${base}.ris`, content: ris },
  ]
}

/**
 * "Cite this brief": its reference, its `.bib` and `.ris` files, and its argument map as Argdown and AIF
 * when it has one (site/argdown.ts and site/aif.ts write them only then).
 */
function citeThisContext(brief: CompiledBrief) {
  const beside = (filePath: string) => urlPath(filePath.split('/').at(-1) ?? '')
  const mapped = brief.argumentMap.nodes.length > 0
  return {
    html: brief.citeThis.html,
    bib: urlPath(`${brief.slug}.bib`),
    ris: urlPath(`${brief.slug}.ris`),
    argdown: mapped ? beside(argdownPath(brief)) : undefined,
    aif: mapped ? beside(aifPath(brief)) : undefined,
  }
}

/** The entries of a brief's table of contents: each section's id and title, in reading order. */
export function tableOfContents(
  brief: CompiledBrief,
  theme: Theme,
): Array<{ id: string; title: string; kind?: string }> {
  const t = theme.strings(brief.lang)
  const label = (key: string) => t[key] ?? key
  return [
    { id: 'summary', title: label('summary') },
    ...(brief.argumentMap.nodes.length > 0 ? [{ id: 'argument-map', title: label('argumentMap') }] : []),
    { id: 'introduction', title: label('introduction') },
    ...brief.arguments.map((a) => ({ id: a.id, title: a.title, kind: a.kind })),
    ...(brief.conclusion ? [{ id: 'conclusion', title: brief.conclusion.title ?? label('conclusion') }] : []),
    ...(brief.recommendationsHtml.length > 0 ? [{ id: 'recommendations', title: label('recommendations') }] : []),
    ...(brief.references.length > 0 ? [{ id: 'references', title: label('references') }] : []),
  ]
}

function briefContext(brief: CompiledBrief, config: ResolvedConfig, theme: Theme) {
  const args = brief.arguments.map((a) => ({
    ...a,
    kindLabel: kindLabel(config.argumentKinds, a.kind, brief.lang),
    kindHref: `../../${kindPagePath(brief.lang, a.kind)}`,
  }))
  return {
    ...brief,
    ...brief.meta,
    url: absoluteUrl(config, briefPagePath(brief)),
    dateText: formatDate(brief.meta.date, brief.lang),
    updatedText: brief.meta.updated && formatDate(brief.meta.updated, brief.lang),
    doiUrl: brief.meta.doi && doiUrl(brief.meta.doi),
    licenseUrl: brief.meta.license && licences[brief.meta.license],
    errata: brief.errata.map((erratum) => ({ ...erratum, dateText: formatDate(erratum.date, brief.lang) })),
    arguments: args,
    toc: tableOfContents(brief, theme),
  }
}
