import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { OutputFile } from '../core/output.ts'
import { BriefkitError } from '../reporting/errors.ts'
import { themeFilesIn } from '../theme/files.ts'
import type { Theme } from '../theme/theme.ts'
import { sanitizeSvgFile } from './svg.ts'

const require = createRequire(import.meta.url)

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

/**
 * The theme's web fonts: each Fontsource stylesheet becomes `assets/fonts/font-N.css` with the
 * woff2 files it names (the woff fallbacks are dropped: every browser that runs the site reads woff2).
 */
export function fontAssets(theme: Theme): OutputFile[] {
  return theme.fonts.flatMap((spec, i) => {
    let cssPath: string
    try {
      cssPath = require.resolve(spec, { paths: [theme.dir, process.cwd()] })
    } catch (error) {
      throw new BriefkitError(`Font stylesheet \`${spec}\` of the theme is not installed`, {
        hint: 'Run `npm install` in the briefkit folder.',
        cause: error,
      })
    }
    const css = fs.readFileSync(cssPath, 'utf8').replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, '')
    const files = [...css.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)/g)].map((m) => m[1] ?? '')
    return [
      { path: `assets/fonts/font-${i + 1}.css`, content: css },
      ...[...new Set(files)].map((name) => ({
        path: `assets/fonts/files/${name}`,
        from: path.join(path.dirname(cssPath), 'files', name),
      })),
    ]
  })
}
