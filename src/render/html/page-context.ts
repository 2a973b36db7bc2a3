import { readFileSync } from 'node:fs'
import { localize } from '../../config/kinds.ts'
import type { ResolvedConfig } from '../../config/resolve.ts'
import type { OutputFile } from '../../core/output.ts'
import { fontsStylesheetPath } from '../../core/paths.ts'
import { metaText } from '../../pipeline/plain-text.ts'
import type { Theme } from '../../theme/theme.ts'
import { absoluteUrl, alternates, homePath } from './languages.ts'

/** A rendered page: its path inside the out dir and its HTML. */
export interface Page {
  readonly path: string
  readonly html: string
}

/**
 * A page whose HTML is a file (its build cache entry) rather than a string in memory: read each time
 * it is asked for, and copied from there when the site is written (see `pageFile`).
 */
export class StoredPage implements Page {
  constructor(
    readonly path: string,
    readonly file: string,
  ) {}

  get html(): string {
    return readFileSync(this.file, 'utf8')
  }
}

/** A page as a file of the site: copied from its file when it has one, else written from its HTML. */
export function pageFile(page: Page): OutputFile {
  return page instanceof StoredPage ? { path: page.path, from: page.file } : { path: page.path, content: page.html }
}

/** Where a page is and what it is, for what every page's layout needs. */
export interface PageSpec {
  lang: string
  /** Inside the out dir, e.g. `zh/slug/index.html`. */
  path: string
  /** The same page in another language, if it exists. */
  pathIn?: (lang: string) => string | undefined
  title?: string | undefined
  /** Plain text already (see `plainText`). */
  description?: string | undefined
  /** A preview image of the page for link previews (`og:image`): its path inside the out dir and its size. */
  image?: { path: string; width: number; height: number; alt: string } | undefined
}

/**
 * What the base layout needs on every page: language, the way back to the root, the theme's
 * words, the language switcher and hreflang links, canonical URL, Open Graph and Twitter tags.
 */
export function pageContext(config: ResolvedConfig, theme: Theme, spec: PageSpec) {
  const root = '../'.repeat(spec.path.split('/').length - 1)
  const siteTitle = localize(config.title, spec.lang)
  const canonicalUrl = absoluteUrl(config, spec.path)
  return {
    lang: spec.lang,
    root,
    t: theme.strings(spec.lang),
    siteTitle,
    pageTitle: spec.title,
    description: spec.description,
    canonicalUrl,
    homeHref: `${root}${homePath(spec.lang)}`,
    alternates: alternates(
      config,
      theme,
      spec.lang,
      root,
      spec.pathIn ?? ((lang) => spec.path.replace(/^[^/]+\//, `${lang}/`)),
    ),
    og: {
      title: metaText(spec.title ?? siteTitle),
      description: spec.description ?? '',
      url: canonicalUrl,
      siteName: metaText(siteTitle),
      locale: spec.lang.replace('-', '_'),
      // Note: absolute like og:url (`baseUrl` is required), since a link preview is fetched from elsewhere.
      image: spec.image && { ...spec.image, url: absoluteUrl(config, spec.image.path), alt: metaText(spec.image.alt) },
    },
    // Note: the site's web fonts, subset to its pages' characters once they are rendered (site/fonts.ts).
    fontStylesheets: theme.fonts.length > 0 ? [fontsStylesheetPath] : [],
    // Note: every build writes a Pagefind index, so every page has the search box.
    search: true,
  }
}
