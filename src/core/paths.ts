/** Where a brief's page lives in the out dir: `<lang>/<slug>/index.html`. */
export function briefPagePath(brief: { lang: string; slug: string }): string {
  return `${brief.lang}/${brief.slug}/index.html`
}

/** Where a brief's PDF lives in the out dir: `<lang>/<slug>/<slug>.pdf`. */
export function pdfPath(brief: { lang: string; slug: string }): string {
  return briefPagePath(brief).replace(/index\.html$/, `${brief.slug}.pdf`)
}

/** Where a brief's social preview image lives in the out dir: `<lang>/<slug>/<slug>.card.png`. */
export function cardPath(brief: { lang: string; slug: string }): string {
  return briefPagePath(brief).replace(/index\.html$/, `${brief.slug}.card.png`)
}

/** Where a brief's argument map is written as Argdown, beside its page: `<lang>/<slug>/<slug>.argdown`. */
export function argdownPath(brief: { lang: string; slug: string }): string {
  return briefPagePath(brief).replace(/index\.html$/, `${brief.slug}.argdown`)
}

/** Where a brief's argument map is written as AIF JSON, beside its page: `<lang>/<slug>/<slug>.aif.json`. */
export function aifPath(brief: { lang: string; slug: string }): string {
  return briefPagePath(brief).replace(/index\.html$/, `${brief.slug}.aif.json`)
}

/** The site's stylesheet of web fonts, linked by every page (made by site/fonts.ts). */
export const fontsStylesheetPath = 'assets/fonts.css'
/**
 * The absolute URL of a file of the site, as a server shows it: `https://…/zh/slug/` for
 * `zh/slug/index.html`. Each path segment is percent-encoded, so a slug with a space, a `#` or
 * Chinese characters (or a newline) still makes one valid URL, in a sitemap as in a page.
 */
export function siteUrl(baseUrl: string, filePath: string): string {
  return `${baseUrl}${urlPath(filePath.replace(/(^|\/)index\.html$/, '$1'))}`
}

/** A path in the out dir as a relative URL: each segment percent-encoded (`en/a b/` → `en/a%20b/`). */
export function urlPath(filePath: string): string {
  return filePath.split('/').map(encodeURIComponent).join('/')
}
