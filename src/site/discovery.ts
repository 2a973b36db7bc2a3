import { localize } from '../config/kinds.ts'
import type { ResolvedConfig } from '../config/resolve.ts'
import type { CompiledBrief } from '../core/compiled.ts'
import type { OutputFile } from '../core/output.ts'
import { briefPagePath } from '../core/paths.ts'
import { metaText } from '../pipeline/plain-text.ts'
import { absoluteUrl, homePath } from '../render/html/languages.ts'
import { briefsIn } from '../render/html/listing-pages.ts'
import type { Theme } from '../theme/theme.ts'

/** Where each language's Atom feed lives: `<lang>/feed.xml`. */
export function feedPath(lang: string): string {
  return `${lang}/feed.xml`
}

/**
 * `sitemap.xml`: every page but the root copy of the default home, with absolute URLs and hreflang
 * pairs; a brief's page with its `<lastmod>`, the brief's `updated:` date when it has one, else its `date:`.
 */
export function sitemap(
  config: ResolvedConfig,
  pagePaths: readonly string[],
  alternatesOf: (path: string) => string[],
  briefs: readonly CompiledBrief[],
): OutputFile {
  const lastModified = new Map(briefs.map((brief) => [briefPagePath(brief), brief.meta.updated ?? brief.meta.date]))
  const urls = pagePaths
    .filter((p) => p !== 'index.html' && p !== '404.html')
    .map((p) => {
      const links = alternatesOf(p).map((alt) => {
        const lang = alt.split('/')[0] ?? ''
        return `    <xhtml:link rel="alternate" hreflang="${xml(lang)}" href="${xml(absoluteUrl(config, alt))}"/>`
      })
      const date = lastModified.get(p)
      const lastmod = date === undefined ? [] : [`    <lastmod>${xml(date)}</lastmod>`]
      return [`  <url>`, `    <loc>${xml(absoluteUrl(config, p))}</loc>`, ...lastmod, ...links, `  </url>`].join('\n')
    })
  return {
    path: 'sitemap.xml',
    content: `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`,
  }
}

/** `robots.txt`: everything may be crawled; where the sitemap is. */
export function robots(config: ResolvedConfig): OutputFile {
  return { path: 'robots.txt', content: `User-agent: *\nAllow: /\n\nSitemap: ${config.baseUrl}sitemap.xml\n` }
}

/** An Atom feed per language: its briefs, newest first, each with its summary. */
export function feeds(briefs: readonly CompiledBrief[], config: ResolvedConfig, theme: Theme): OutputFile[] {
  return config.languages.map((lang) => {
    const list = briefsIn(briefs, lang)
    const title = metaText(localize(config.title, lang))
    // Note: the feed changed when its latest entry did; a corrected brief counts from its `updated:` date.
    const updated =
      list
        .map((brief) => brief.meta.updated ?? brief.meta.date)
        .sort()
        .at(-1) ?? '1970-01-01'
    const entries = list.map((brief) => {
      const url = absoluteUrl(config, briefPagePath(brief))
      return [
        '  <entry>',
        `    <title>${xml(metaText(brief.meta.title))}</title>`,
        `    <link href="${xml(url)}"/>`,
        `    <id>${xml(url)}</id>`,
        `    <published>${brief.meta.date}T00:00:00Z</published>`,
        `    <updated>${brief.meta.updated ?? brief.meta.date}T00:00:00Z</updated>`,
        ...brief.meta.authors.map((a) => `    <author><name>${xml(metaText(a.name))}</name></author>`),
        `    <summary>${xml(brief.summaryText)}</summary>`,
        ...brief.arguments.map((a) => `    <category term="${xml(a.kind)}"/>`),
        '  </entry>',
      ].join('\n')
    })
    const self = absoluteUrl(config, feedPath(lang))
    const content = [
      '<?xml version="1.0" encoding="utf-8"?>',
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(lang)}">`,
      `  <title>${xml(title)}</title>`,
      `  <subtitle>${xml(theme.strings(lang)['briefs'] ?? '')}</subtitle>`,
      `  <link rel="self" href="${xml(self)}"/>`,
      `  <link href="${xml(absoluteUrl(config, homePath(lang)))}"/>`,
      `  <id>${xml(self)}</id>`,
      `  <updated>${updated}T00:00:00Z</updated>`,
      '  <generator>briefkit</generator>',
      ...entries,
      '</feed>',
      '',
    ].join('\n')
    return { path: feedPath(lang), content }
  })
}

function xml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  )
}
