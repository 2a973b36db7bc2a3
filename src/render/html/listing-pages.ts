import { kindLabel } from '../../config/kinds.ts'
import type { ResolvedConfig } from '../../config/resolve.ts'
import type { BuildCache } from '../../core/cache.ts'
import type { CompiledBrief } from '../../core/compiled.ts'
import { briefPagePath, pdfPath, urlPath } from '../../core/paths.ts'
import type { Theme } from '../../theme/theme.ts'
import { evidenceCountText } from './cited-works.ts'
import { rebaseFragment } from './fragments.ts'
import { absoluteUrl, homePath } from './languages.ts'
import { renderPage } from './layout.ts'
import { type Page, pageContext } from './page-context.ts'

/** Where the page of an argument kind lives: `<lang>/kinds/<kind>/index.html`. */
export function kindPagePath(lang: string, kind: string): string {
  return `${lang}/kinds/${kind}/index.html`
}

/** Briefs of one language, newest first. */
export function briefsIn(briefs: readonly CompiledBrief[], lang: string): CompiledBrief[] {
  return briefs
    .filter((b) => b.lang === lang)
    .sort((a, b) => b.meta.date.localeCompare(a.meta.date) || a.slug.localeCompare(b.slug))
}

/**
 * A home page per language (`<lang>/index.html`) listing that language's briefs, newest first, and
 * `index.html`: the default language's home at the site's root. `cache`: see `renderPage`.
 */
export async function renderHomePages(
  briefs: readonly CompiledBrief[],
  config: ResolvedConfig,
  theme: Theme,
  hasPdf: (brief: CompiledBrief) => boolean,
  cache?: BuildCache,
): Promise<Page[]> {
  const home = (lang: string, path: string) => renderHome(briefs, config, theme, hasPdf, lang, path, cache)
  const pages = config.languages.map((lang) => home(lang, homePath(lang)))
  pages.push(home(config.languages[0], 'index.html'))
  return Promise.all(pages)
}

async function renderHome(
  briefs: readonly CompiledBrief[],
  config: ResolvedConfig,
  theme: Theme,
  hasPdf: (brief: CompiledBrief) => boolean,
  lang: string,
  path: string,
  cache: BuildCache | undefined,
): Promise<Page> {
  const context = pageContext(config, theme, { lang, path, pathIn: homePath })
  const { root } = context
  return renderPage(
    theme,
    'home',
    path,
    {
      ...context,
      // Note: the root page is a copy of the default language's home; search engines are sent there.
      canonicalUrl: path === 'index.html' ? absoluteUrl(config, homePath(lang)) : context.canonicalUrl,
      pageTitle: undefined,
      kinds: kindLinks(config, lang, root),
      briefs: briefsIn(briefs, lang).map((brief) => ({
        lang: brief.lang,
        href: `${root}${urlPath(briefPagePath(brief))}`,
        pdfHref: hasPdf(brief) ? `${root}${urlPath(pdfPath(brief))}` : undefined,
        title: brief.meta.title,
        subtitle: brief.meta.subtitle,
        date: brief.meta.date,
        dateText: formatDate(brief.meta.date, brief.lang),
        authors: brief.meta.authors.map((a) => a.name).join(brief.lang.startsWith('zh') ? '、' : ', '),
        summaryHtml: rebaseFragment(brief.homeSummaryHtml, root),
        kinds: brief.arguments.map((a) => ({
          id: a.kind,
          label: kindLabel(config.argumentKinds, a.kind, lang),
          href: `${root}${kindPagePath(lang, a.kind)}`,
        })),
      })),
    },
    [],
    cache,
  )
}

/**
 * A page per argument kind and language, listing every argument of that kind across the
 * language's briefs with its claim, linked to it. Every kind of the site gets one, even if empty,
 * so that the language switcher always has somewhere to go. `cache`: see `renderPage`.
 */
export async function renderKindPages(
  briefs: readonly CompiledBrief[],
  config: ResolvedConfig,
  theme: Theme,
  cache?: BuildCache,
): Promise<Page[]> {
  const pages = config.languages.flatMap((lang) =>
    config.argumentKinds.map(async (kind) => {
      const path = kindPagePath(lang, kind.id)
      const label = kindLabel(config.argumentKinds, kind.id, lang)
      const context = pageContext(config, theme, { lang, path, title: label })
      const entries = briefsIn(briefs, lang).flatMap((brief) =>
        brief.arguments
          .filter((a) => a.kind === kind.id)
          .map((a) => ({
            title: a.title,
            href: `${context.root}${urlPath(briefPagePath(brief))}#${a.id}`,
            claimHtml: rebaseFragment(a.listClaimHtml, context.root),
            briefTitle: brief.meta.title,
            briefHref: `${context.root}${urlPath(briefPagePath(brief))}`,
            dateText: formatDate(brief.meta.date, lang),
            sourcesText: evidenceCountText(brief, a.id, context.t),
          })),
      )
      const kinds = kindLinks(config, lang, context.root)
      return renderPage(theme, 'kind', path, { ...context, kind: { id: kind.id, label }, entries, kinds }, [], cache)
    }),
  )
  return Promise.all(pages)
}

/** Every kind of the site with its label and page, for navigation. */
export function kindLinks(config: ResolvedConfig, lang: string, root: string) {
  return config.argumentKinds.map((kind) => ({
    id: kind.id,
    label: kindLabel(config.argumentKinds, kind.id, lang),
    href: `${root}${kindPagePath(lang, kind.id)}`,
  }))
}

/** `2026年11月25日` / `November 25, 2026`. */
export function formatDate(isoDate: string, lang: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  let format = dateFormats.get(lang)
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })
    dateFormats.set(lang, format)
  }
  return format.format(date)
}

// Note: making a DateTimeFormat costs far more than using one, and a site formats a date per brief on many pages.
const dateFormats = new Map<string, Intl.DateTimeFormat>()
