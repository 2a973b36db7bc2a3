import type { ResolvedConfig } from '../config/resolve.ts'
import type { BuildCache } from '../core/cache.ts'
import type { CompiledBrief } from '../core/compiled.ts'
import { type OutputFile, outputMarker } from '../core/output.ts'
import { renderHomePages, renderKindPages } from '../render/html/listing-pages.ts'
import { renderNotFoundPage } from '../render/html/not-found.ts'
import { pageFile } from '../render/html/page-context.ts'
import { citationFiles, type Page, renderBriefPage, renderCardPage, renderPrintPage } from '../render/html/pages.ts'
import { renderSourcesPages } from '../render/html/sources-page.ts'
import { aifFiles } from '../site/aif.ts'
import { argdownFiles } from '../site/argdown.ts'
import { themeAssets } from '../site/assets.ts'
import { feeds, robots, sitemap } from '../site/discovery.ts'
import { siteCharacters, webFonts } from '../site/fonts.ts'
import { kindStyles } from '../site/kind-styles.ts'
import { mediaFile } from '../site/media.ts'
import type { Theme } from '../theme/theme.ts'

/** A brief with the page its PDF is printed from, and the one its social card is painted from. */
export interface PrintPage {
  brief: CompiledBrief
  page: Page
  /** Undefined when the theme has no `card` layout. */
  card: Page | undefined
}

/** The site as files, before the search index and the PDFs. */
export interface RenderedSite {
  /** Every page: homes, briefs, kind pages, sources pages and the 404 page. */
  pages: Page[]
  /** The pages and every other file of the site: citation files, argument maps (Argdown, AIF), feeds, sitemap, theme assets, images (and fonts, see `withWebFonts`). */
  files: OutputFile[]
}

/**
 * The page each brief's PDF is printed from (with its charts' text only, not drawn, without
 * `drawCharts`), and the page its social card is painted from.
 */
export async function renderPrintPages(
  briefs: readonly CompiledBrief[],
  config: ResolvedConfig,
  theme: Theme,
  { drawCharts = true, cache }: { drawCharts?: boolean; cache?: BuildCache | undefined } = {},
): Promise<PrintPage[]> {
  const printPages: PrintPage[] = []
  // Note: one brief after another, not all at once (see `renderSite`).
  for (const brief of briefs) {
    printPages.push({
      brief,
      page: await renderPrintPage(brief, config, theme, { drawCharts, cache }),
      card: await renderCardPage(brief, config, theme, { cache }),
    })
  }
  return printPages
}

/**
 * Render the whole site but its web fonts, search index and PDFs: `withPdfs` are the briefs whose
 * pages link a PDF, `withCards` those whose pages name a social card (`og:image`); without
 * `drawCharts` (a check, which writes nothing) the charts are left undrawn; `cache` keeps drawn argument maps.
 */
export async function renderSite(
  briefs: readonly CompiledBrief[],
  { config, theme }: { config: ResolvedConfig; theme: Theme },
  withPdfs: ReadonlySet<CompiledBrief>,
  {
    drawCharts = true,
    withCards = new Set(),
    cache,
  }: { drawCharts?: boolean; withCards?: ReadonlySet<CompiledBrief>; cache?: BuildCache | undefined } = {},
): Promise<RenderedSite> {
  const briefPages: Page[] = []
  // Note: one brief after another. Rendered all at once, every render is in flight together, each
  // holding what it has made so far until the last one's layout is done; rendering takes no turns, so
  // there is nothing to gain from it.
  for (const brief of briefs) {
    const options = { hasPdf: withPdfs.has(brief), hasCard: withCards.has(brief), drawCharts, cache }
    briefPages.push(await renderBriefPage(brief, briefs, config, theme, options))
  }
  const pages = [
    ...(await renderHomePages(briefs, config, theme, (brief) => withPdfs.has(brief), cache)),
    ...briefPages,
    ...(await renderKindPages(briefs, config, theme, cache)),
    ...(await renderSourcesPages(briefs, config, theme, cache)),
    await renderNotFoundPage(config, theme),
  ]
  const files: OutputFile[] = [
    ...pages.map(pageFile),
    ...briefs.flatMap(citationFiles),
    ...briefs.flatMap((brief) => [...argdownFiles(brief, config.baseUrl), ...aifFiles(brief)]),
    ...feeds(briefs, config, theme),
    sitemap(
      config,
      pages.map((p) => p.path),
      alternatePaths(config, new Set(pages.map((p) => p.path))),
      briefs,
    ),
    robots(config),
    ...themeAssets(theme),
    kindStyles(config.argumentKinds),
    ...uniqueAssets(briefs),
    {
      path: outputMarker,
      content: 'This folder is written by `briefkit build` and replaced whole by the next build.\n',
    },
  ]
  return { pages, files }
}

/**
 * The site with its web fonts: the theme's fonts subset to the characters of every page and of the
 * theme's words in each language (what the search box and its results show). `quick`: see `webFonts`.
 */
export async function withWebFonts(
  site: RenderedSite,
  { config, theme, cache }: { config: ResolvedConfig; theme: Theme; cache: BuildCache },
  quick: boolean,
): Promise<RenderedSite> {
  const words = config.languages.flatMap((lang) => Object.values(theme.strings(lang)))
  const fonts = await webFonts(theme.fonts, siteCharacters(site.pages, words, cache), cache, { quick })
  return { pages: site.pages, files: [...site.files, ...fonts] }
}

/** The same page in the other languages, among the pages that exist (`zh/x/index.html` → `en/x/index.html`). */
function alternatePaths(config: ResolvedConfig, existing: ReadonlySet<string>) {
  return (page: string): string[] => {
    const [lang, ...rest] = page.split('/')
    if (!lang || !config.languages.includes(lang)) return []
    return config.languages.map((other) => [other, ...rest].join('/')).filter((p) => existing.has(p))
  }
}

/** Each image of the briefs once, as its copy in `media/` (an SVG sanitized, see `mediaFile`). */
function uniqueAssets(briefs: readonly CompiledBrief[]): OutputFile[] {
  const byPath = new Map<string, OutputFile>()
  for (const asset of briefs.flatMap((b) => b.assets)) {
    if (!byPath.has(asset.to)) byPath.set(asset.to, mediaFile(asset.from, asset.to, asset.data === true))
  }
  return [...byPath.values()]
}
