import path from 'node:path'
import type { OutputFile } from '../core/output.ts'
import { themeFilesIn } from '../theme/files.ts'
import type { Theme } from '../theme/theme.ts'
import { sanitizeSvgFile } from './svg.ts'

/**
 * The theme's `assets/` folder (over those of the themes it extends), copied to `assets/` in the
 * site: each file inside its theme (see `themeFilesIn`), an SVG sanitized like a brief's images.
 */
export function themeAssets(theme: Theme): OutputFile[] {
  const byPath = new Map<string, OutputFile>()
  for (const themeDir of [...theme.dirs].reverse()) {
    const dir = path.join(themeDir, 'assets')
    for (const from of themeFilesIn(dir, themeDir)) {
      const to = `assets/${path.relative(dir, from).split(path.sep).join('/')}`
      byPath.set(to, /\.svgz?$/i.test(from) ? { path: to, content: sanitizeSvgFile(from) } : { path: to, from })
    }
  }
  return [...byPath.values()]
}
