import fs from 'node:fs'
import path from 'node:path'
import * as cheerio from 'cheerio'

/** Load a built page for querying. */
export function loadPage(outDir: string, page: string): cheerio.CheerioAPI {
  return cheerio.load(fs.readFileSync(path.join(outDir, page), 'utf8'))
}

/** Every HTML file under a folder, relative paths. */
export function htmlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
}

/** Internal links and sources of every page that point at nothing: `page -> target`. */
export function brokenLinks(outDir: string): string[] {
  const broken: string[] = []
  for (const page of htmlFiles(outDir)) {
    const $ = loadPage(outDir, page)
    const ids = new Set(
      $('[id]')
        .map((_, el) => $(el).attr('id'))
        .get(),
    )
    $('a[href], link[href], img[src], script[src]').each((_, el) => {
      const url = $(el).attr('href') ?? $(el).attr('src') ?? ''
      if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(url)) return
      const [file = '', hash] = url.split('#')
      if (file === '') {
        if (hash && !ids.has(decodeURIComponent(hash))) broken.push(`${page} -> ${url}`)
        return
      }
      const target = path.join(outDir, path.dirname(page), decodeURIComponent(file))
      if (!fs.existsSync(target)) broken.push(`${page} -> ${url}`)
    })
  }
  return broken
}
