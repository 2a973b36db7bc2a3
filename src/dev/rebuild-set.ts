import path from 'node:path'

/** Where a site's sources are: what the watcher needs to know to tell what a changed path touches. */
export interface SourceLayout {
  contentDir: string
  /** The site's languages: a brief's subfolder named after one is a translation. Empty when site.yaml does not load. */
  languages: readonly string[]
  /** The theme's folder, then those of the themes it extends. */
  themeDirs: readonly string[]
  /** The site's own CSL style folders (`cslStyles:`). */
  styleDirs: readonly string[]
  /** The out dir: the build's own writes there, and in its staging folders beside it, are not changes. */
  outDir: string
}

/** One brief touched by a change. */
export interface BriefChange {
  slug: string
  /** A translation's language, `original`, or undefined when every edition is touched (a bibliography, an image). */
  edition?: string
}

/** What a batch of changed paths means for the site. */
export type RebuildSet =
  | { kind: 'nothing' }
  | { kind: 'everything'; because: string }
  | { kind: 'briefs'; briefs: BriefChange[] }

/** Map changed paths (absolute) to what must be rebuilt. */
export function rebuildSet(paths: readonly string[], layout: SourceLayout): RebuildSet {
  return paths.map((file) => classify(path.resolve(file), layout)).reduce(mergeRebuildSets, { kind: 'nothing' })
}

/** Both sets at once: everything wins, briefs are united. */
export function mergeRebuildSets(a: RebuildSet, b: RebuildSet): RebuildSet {
  if (a.kind === 'everything' || b.kind === 'nothing') return a
  if (b.kind === 'everything' || a.kind === 'nothing') return b
  let briefs = [...a.briefs]
  for (const change of b.briefs) {
    if (briefs.some((c) => c.slug === change.slug && (c.edition === undefined || c.edition === change.edition)))
      continue
    // Note: a change to every edition of a brief takes the place of changes to one of them.
    briefs = [...(change.edition === undefined ? briefs.filter((c) => c.slug !== change.slug) : briefs), change]
  }
  return { kind: 'briefs', briefs }
}

/** A log line for a set: `mining-not-viable changed, rebuilding…`. */
export function describeRebuildSet(set: RebuildSet): string {
  if (set.kind === 'nothing') return 'nothing changed'
  if (set.kind === 'everything') return `${set.because} changed, rebuilding everything…`
  const names = set.briefs.map((c) => (c.edition && c.edition !== 'original' ? `${c.slug}/${c.edition}` : c.slug))
  return `${[...new Set(names)].join(', ')} changed, rebuilding…`
}

/** Files editors write beside the one being edited: swap, backup, lock and probe files, and dotfiles. */
export function isEditorTemp(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.endsWith('~') ||
    name === '4913' ||
    /^#.*#$/.test(name) ||
    /\.sw[a-px]$/.test(name) ||
    /\.(tmp|crswap)$/.test(name) ||
    /___jb_(tmp|old)___$/.test(name)
  )
}

function classify(file: string, layout: SourceLayout): RebuildSet {
  const nothing: RebuildSet = { kind: 'nothing' }
  if (isEditorTemp(path.basename(file))) return nothing
  // Note: the build writes a staging folder beside the out dir (`dist.briefkit-tmp-…`) and swaps it in.
  if (inside(file, layout.outDir) || file.startsWith(`${path.resolve(layout.outDir)}.briefkit-`)) return nothing
  // Note: theme folders are `templates/<name>`: show the path from `templates/`.
  const theme = layout.themeDirs.find((dir) => inside(file, dir))
  if (theme) return { kind: 'everything', because: path.relative(path.dirname(path.dirname(theme)), file) }
  const styles = layout.styleDirs.find((dir) => inside(file, dir))
  if (styles) return { kind: 'everything', because: path.relative(path.dirname(styles), file) }
  if (!inside(file, layout.contentDir)) return { kind: 'everything', because: file }

  const relative = path.relative(layout.contentDir, file)
  const segments = relative.split(path.sep).filter(Boolean)
  const [slug, second] = segments
  if (segments.some((s) => s.startsWith('.'))) return nothing
  // Note: a file in the content folder itself (site.yaml, a shared .bib or .csl) or in a `_` folder
  // (shared images, styles) may be used by any brief; a new or removed brief folder changes the listings.
  if (!slug || segments.length === 1 || slug.startsWith('_'))
    return { kind: 'everything', because: relative || 'the content folder' }
  if (second && layout.languages.includes(second)) return { kind: 'briefs', briefs: [{ slug, edition: second }] }
  return { kind: 'briefs', briefs: [file.endsWith('.md') ? { slug, edition: 'original' } : { slug }] }
}

function inside(file: string, dir: string): boolean {
  const relative = path.relative(path.resolve(dir), file)
  return !relative.startsWith('..') && !path.isAbsolute(relative)
}
