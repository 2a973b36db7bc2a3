import path from 'node:path'
import { loadConfig } from '../config/resolve.ts'
import { loadTheme } from '../theme/theme.ts'
import type { SourceLayout } from './rebuild-set.ts'

/**
 * Where the site's sources are, from site.yaml and the theme. When site.yaml does not load (the
 * author is in the middle of editing it), the previous layout stands.
 */
export function readLayout(contentDir: string, outDir: string, previous?: SourceLayout): SourceLayout {
  const fallback: SourceLayout = previous ?? { contentDir, outDir, languages: [], themeDirs: [], styleDirs: [] }
  const { config } = loadConfig(contentDir)
  if (!config) return fallback
  let themeDirs: string[]
  try {
    themeDirs = loadTheme(config.themeDir).dirs
  } catch {
    // Note: a theme that does not load (a bad `extends:`) is reported by the build; watch its own folder meanwhile.
    themeDirs = [config.themeDir]
  }
  return { contentDir, outDir, languages: config.languages, themeDirs, styleDirs: config.cslStyleDirs }
}

/** The folders to watch for a layout, leaving out any inside another. */
export function watchRoots(layout: SourceLayout): string[] {
  const all = [
    ...new Set([layout.contentDir, ...layout.themeDirs, ...layout.styleDirs].map((dir) => path.resolve(dir))),
  ]
  const within = (child: string, parent: string) => child !== parent && !path.relative(parent, child).startsWith('..')
  return all.filter((dir) => !all.some((other) => within(dir, other))).sort()
}
