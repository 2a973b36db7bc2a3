import type { ResolvedConfig } from '../../config/resolve.ts'
import type { BuildCache } from '../../core/cache.ts'
import type { CompiledBrief } from '../../core/compiled.ts'
import { briefPagePath, urlPath } from '../../core/paths.ts'
import type { Theme } from '../../theme/theme.ts'
import { citedWorks } from './cited-works.ts'
import { renderPage } from './layout.ts'
import { briefsIn, kindLinks } from './listing-pages.ts'
import { type Page, pageContext } from './page-context.ts'

/** Where a language's list of every work its briefs cite lives: `<lang>/sources/index.html`. */
export function sourcesPagePath(lang: string): string {
  return `${lang}/sources/index.html`
}

/**
 * A page per language listing every work its briefs cite, with, for each brief citing it, the claims
 * that rest on it (its support edges in the brief's argument map), each linked to its section. Every
 * language gets one, even without briefs, since every page's footer links it. `cache` keeps each
 * brief's entries (see `citedWorks`) and the pages (see `renderPage`).
 */
export async function renderSourcesPages(
  briefs: readonly CompiledBrief[],
  config: ResolvedConfig,
  theme: Theme,
  cache?: BuildCache,
): Promise<Page[]> {
  return Promise.all(
    config.languages.map(async (lang) => {
      const path = sourcesPagePath(lang)
      const context = pageContext(config, theme, { lang, path, title: theme.strings(lang)['sources'] })
      const page = (brief: CompiledBrief) => `${context.root}${urlPath(briefPagePath(brief))}`
      const works = citedWorks(briefsIn(briefs, lang), lang, cache).map((work) => ({
        id: work.id,
        html: work.html,
        lang: work.lang,
        citedIn: work.citedIn.map(({ brief, href, supports }) => ({
          title: brief.meta.title,
          href: `${page(brief)}${href}`,
          claims: supports.map((node) => ({ text: node.label, href: `${page(brief)}${node.href}` })),
        })),
      }))
      return renderPage(
        theme,
        'sources',
        path,
        { ...context, works, kinds: kindLinks(config, lang, context.root) },
        [],
        cache,
      )
    }),
  )
}
