/**
 * The absolute URL of a file of the site, as a server shows it: `https://…/zh/slug/` for
 * `zh/slug/index.html`. Each path segment is percent-encoded, so a slug with a space, a `#` or
 * Chinese characters (or a newline) still makes one valid URL, in a sitemap as in a page.
 */
export function siteUrl(baseUrl: string, filePath: string): string {
  const served = filePath.replace(/(^|\/)index\.html$/, '$1')
  return `${baseUrl}${served.split('/').map(encodeURIComponent).join('/')}`
}
