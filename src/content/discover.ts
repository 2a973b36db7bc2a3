import fs from 'node:fs'
import path from 'node:path'
import { VFile } from 'vfile'
import type { ResolvedConfig } from '../config/resolve.ts'
import { reportError } from '../reporting/messages.ts'

/** Where one edition of a brief lives on disk. */
export interface BriefLocation {
  slug: string
  /** The folder holding brief.md (for a translation, `content/<slug>/<lang>`). */
  dir: string
  /** `content/<slug>`: where the shared bibliography lives. */
  rootDir: string
  /** The folder's language for a translation; undefined for the original. */
  translationLang: string | undefined
}

/**
 * Find every brief folder in the content folder: `content/<slug>/brief.md` and its translations
 * `content/<slug>/<lang>/brief.md`. A folder without brief.md comes back as a file with an error.
 */
export function discoverBriefs(config: ResolvedConfig): { briefs: BriefLocation[]; problems: VFile[] } {
  const found: BriefLocation[] = []
  const problems: VFile[] = []
  for (const entry of fs.readdirSync(config.contentDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name.startsWith('_')) continue
    const rootDir = path.join(config.contentDir, entry.name)
    if (!fs.existsSync(path.join(rootDir, 'brief.md'))) {
      const missing = new VFile({ path: path.join(rootDir, 'brief.md') })
      reportError(missing, `Folder \`${entry.name}\` has no \`brief.md\``, undefined, 'missing-file',
        'Each folder in content/ is a brief and needs a brief.md; name a folder with a leading `_` to keep other files there.')
      problems.push(missing)
      continue
    }
    found.push({ slug: entry.name, dir: rootDir, rootDir, translationLang: undefined })
    for (const lang of config.languages) {
      const dir = path.join(rootDir, lang)
      if (fs.existsSync(path.join(dir, 'brief.md'))) {
        found.push({ slug: entry.name, dir, rootDir, translationLang: lang })
      }
    }
  }
  const briefs = found.sort((a, b) => a.slug.localeCompare(b.slug) || a.dir.localeCompare(b.dir))
  return { briefs, problems }
}
