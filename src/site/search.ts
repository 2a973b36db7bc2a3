import path from 'node:path'
import { BriefkitError } from '../reporting/errors.ts'

/**
 * Index the site's pages with Pagefind into `<dir>/pagefind/`: its extended build, which splits
 * Chinese into words, one index per page language, only what pages mark `data-pagefind-body`.
 */
export async function indexSite(dir: string): Promise<void> {
  const pagefind = await import('pagefind')
  try {
    // Note: links keep `index.html`, like every link of the site, so results open from any server.
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true })
    if (!index) throw new BriefkitError(`Pagefind could not start: ${errors.join('; ')}`, { hint: searchHint })
    const added = await index.addDirectory({ path: dir })
    if (added.errors.length > 0) throw new BriefkitError(`Pagefind could not index the site: ${added.errors.join('; ')}`, { hint: searchHint })
    const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') })
    if (written.errors.length > 0) throw new BriefkitError(`Pagefind could not write its index: ${written.errors.join('; ')}`, { hint: searchHint })
  } finally {
    await pagefind.close()
  }
}

const searchHint = 'Run `npm install` in the briefkit folder (Pagefind\'s binary comes in the @pagefind/<platform> package).'
