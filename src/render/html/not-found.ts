import type { ResolvedConfig } from '../../config/resolve.ts'
import type { Theme } from '../../theme/theme.ts'
import { homePath } from './languages.ts'
import { renderLayout } from './layout.ts'
import { type Page, pageContext } from './page-context.ts'

/**
 * `404.html`, in every site language's words at once. A server shows it at any depth, so its
 * links start from the site's root path (from `baseUrl`), not from the page.
 */
export async function renderNotFoundPage(config: ResolvedConfig, theme: Theme): Promise<Page> {
  const lang = config.languages[0]
  const root = new URL(config.baseUrl).pathname
  const context = pageContext(config, theme, {
    lang,
    path: '404.html',
    pathIn: homePath,
    title: theme.strings(lang)['notFoundTitle'],
  })
  const html = await renderLayout(theme, 'not-found', {
    ...context,
    root,
    homeHref: `${root}${homePath(lang)}`,
    canonicalUrl: undefined,
    alternates: context.alternates.map((alt) => ({ ...alt, href: `${root}${homePath(alt.lang)}`, current: false })),
    versions: config.languages.map((l) => ({ lang: l, t: theme.strings(l), homeHref: `${root}${homePath(l)}` })),
  })
  return { path: '404.html', html }
}
