import fs from 'node:fs'

/** The path the reload client is served at. */
export const clientPath = '/__briefkit/client.js'

/** The reload client's source, sent to the browser as it is. */
export const clientSource = fs.readFileSync(new URL('./reload-client.js', import.meta.url))

/** Add the reload client before `</body>` of a page, telling it the version of the site it is part of. */
export function injectClient(html: string, version: string): string {
  const tag = `<script src="${clientPath}" data-version="${encodeURIComponent(version)}"></script>`
  const at = html.toLowerCase().lastIndexOf('</body>')
  return at === -1 ? `${html}${tag}` : `${html.slice(0, at)}${tag}${html.slice(at)}`
}

/** The page served while there is no site yet (the first build failed): the overlay says why. */
export const placeholderPage =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>briefkit dev</title>' +
  '<meta name="viewport" content="width=device-width, initial-scale=1"></head>' +
  '<body><p>briefkit dev: the site has not been built yet. This page reloads when it is.</p></body></html>'
