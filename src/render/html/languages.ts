import type { ResolvedConfig } from '../../config/resolve.ts'
import { siteUrl, urlPath } from '../../core/paths.ts'
import type { Theme } from '../../theme/theme.ts'

/** One language version of a page: for the language switcher and `<link rel="alternate" hreflang>`. */
export interface Alternate {
  lang: string
  /** The language's own name ("中文", "English"), from the theme's strings. */
  name: string
  /** Relative to the page. */
  href: string
  /** Absolute, from `baseUrl`. */
  url: string
  current: boolean
}

/** Where each language's home page lives: `<lang>/index.html`. */
export function homePath(lang: string): string {
  return `${lang}/index.html`
}

/**
 * The versions of a page in every site language. `pathIn(lang)` is the page's path in that
 * language, or undefined when it has none (a brief without a translation): the switcher then
 * goes to that language's home, so it never points at a missing page.
 */
export function alternates(
  config: ResolvedConfig,
  theme: Theme,
  lang: string,
  root: string,
  pathIn: (lang: string) => string | undefined,
): Alternate[] {
  return config.languages.map((other) => {
    const target = pathIn(other) ?? homePath(other)
    return {
      lang: other,
      name: theme.strings(other)['languageName'] ?? other,
      href: `${root}${urlPath(target)}`,
      url: absoluteUrl(config, target),
      current: other === lang,
    }
  })
}

/**
 * The absolute URL of a file of the site (see `siteUrl`: percent-encoded). Links between pages
 * stay relative and keep `index.html`, so that the site also works opened from disk.
 */
export function absoluteUrl(config: Pick<ResolvedConfig, 'baseUrl'>, filePath: string): string {
  return siteUrl(config.baseUrl, filePath)
}
