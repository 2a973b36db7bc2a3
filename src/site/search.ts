import { existsSync, readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { cacheKey, type BuildCache } from '../build/cache.ts'
import { BriefkitError } from '../reporting/errors.ts'

/**
 * Index the site's pages with Pagefind into `<dir>/pagefind/`: its extended build, which splits
 * Chinese into words, one index per page language, only what pages mark `data-pagefind-body`.
 * With a cache, pages that did not change since the last build get the same index, copied.
 */
export async function indexSite(dir: string, cache?: BuildCache): Promise<void> {
  const out = path.join(dir, 'pagefind')
  if (!cache) return writeIndex(dir, out)
  const key = cacheKey([pagefindVersion, ...(await pagesOf(dir))])
  const cached = cache.folder('search', key)
  if (existsSync(path.join(cached, complete))) {
    await fs.cp(cached, out, { recursive: true, preserveTimestamps: true, filter: (from) => path.basename(from) !== complete })
    return
  }
  await writeIndex(dir, out)
  await fs.rm(cached, { recursive: true, force: true })
  await fs.cp(out, cached, { recursive: true, preserveTimestamps: true })
  await fs.writeFile(path.join(cached, complete), '')
}

// Note: marks a cached index as whole; one copied half-way (a build stopped) is not used.
const complete = '.complete'

// Note: Pagefind's package.json is not among its exports; it sits one folder above its entry point.
const pagefindVersion = (JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }).version

/** Every HTML page of the site, as path and text, in a stable order. */
async function pagesOf(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true })
  const pages = entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name)).sort()
  return (await Promise.all(pages.map(async (p) => [path.relative(dir, p), await fs.readFile(p, 'utf8')]))).flat()
}

async function writeIndex(dir: string, outputPath: string): Promise<void> {
  const pagefind = await import('pagefind')
  try {
    // Note: links keep `index.html`, like every link of the site, so results open from any server.
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true })
    if (!index) throw new BriefkitError(`Pagefind could not start: ${errors.join('; ')}`, { hint: searchHint })
    const added = await index.addDirectory({ path: dir })
    if (added.errors.length > 0) throw new BriefkitError(`Pagefind could not index the site: ${added.errors.join('; ')}`, { hint: searchHint })
    const written = await index.writeFiles({ outputPath })
    if (written.errors.length > 0) throw new BriefkitError(`Pagefind could not write its index: ${written.errors.join('; ')}`, { hint: searchHint })
  } finally {
    await pagefind.close()
  }
}

const searchHint = 'Run `npm install` in the briefkit folder (Pagefind\'s binary comes in the @pagefind/<platform> package).'
