import fs from 'node:fs'
import path from 'node:path'
import { VFile } from 'vfile'
import type { ResolvedConfig } from '../config/resolve.ts'
import { resolveInside } from '../core/confined.ts'
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
    if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue
    const rootDir = path.join(config.contentDir, entry.name)
    const problem = (reason: string, ruleId: string, hint: string) => {
      const file = new VFile({ path: path.join(rootDir, 'brief.md') })
      reportError(file, reason, undefined, ruleId, hint)
      problems.push(file)
    }
    if (entry.isSymbolicLink()) {
      // Note: a linked brief folder is followed when its real path is inside the content folder.
      const resolved = resolveInside(config.contentDir, rootDir, 'directory')
      if (!resolved.ok && resolved.problem === 'outside') {
        problem(
          `Folder \`${entry.name}\` is a link to a folder outside the content folder`,
          'file-outside-content',
          'Move the brief into the content folder; briefkit reads nothing outside it.',
        )
        continue
      }
      if (!resolved.ok) continue
    } else if (!entry.isDirectory()) continue
    if (!fs.existsSync(path.join(rootDir, 'brief.md'))) {
      problem(
        `Folder \`${entry.name}\` has no \`brief.md\``,
        'missing-file',
        'Each folder in content/ is a brief and needs a brief.md; name a folder with a leading `_` to keep other files there.',
      )
      continue
    }
    const slugProblem = checkSlug(entry.name, config)
    if (slugProblem) {
      problem(
        slugProblem,
        'invalid-slug',
        "Rename the folder: lower-case letters, digits and `-` are safe (e.g. `carbon-tax`); the name becomes the page's address.",
      )
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

// Note: what the site writes next to brief folders in `<lang>/` and at its root, which a brief's pages would clash with.
const reservedSlugs = new Set([
  'assets',
  'fonts',
  'kinds',
  'media',
  'pagefind',
  'feed.xml',
  'index.html',
  '404.html',
  'sitemap.xml',
  'robots.txt',
  'print.html',
])

/** Why a folder name cannot be a brief's slug, or undefined when it can. */
export function checkSlug(name: string, config: Pick<ResolvedConfig, 'languages'>): string | undefined {
  // Note: letters of any script (a Chinese slug is percent-encoded in URLs); no spaces, slashes or controls.
  if (!/^[\p{L}\p{N}][\p{L}\p{M}\p{N}._-]*$/u.test(name) || name.endsWith('.')) {
    return `Folder name \`${name}\` cannot be a page address: use letters, digits, \`-\`, \`_\` and \`.\` (no spaces)`
  }
  const lower = name.toLowerCase()
  if (reservedSlugs.has(lower) || config.languages.some((lang) => lang.toLowerCase() === lower)) {
    return `Folder name \`${name}\` is taken by the site's own files or languages`
  }
  return undefined
}
