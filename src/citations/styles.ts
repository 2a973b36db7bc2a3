import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { closest, distance } from 'fastest-levenshtein'
import { resolveInside } from '../core/confined.ts'
import { BriefkitError } from '../reporting/errors.ts'

/** Where Debian's citation-style-language-styles and -locales put their files. */
export const systemCslDir = '/usr/share/citation-style-language'

const installHint =
  'Install the CSL styles and locales (Debian: `apt-get install citation-style-language-styles citation-style-language-locales`), ' +
  'or set BRIEFKIT_CSL_DIR to a folder holding `styles/` and `locales/`.'

/** A CSL style ready for citeproc. */
export interface LoadedStyle {
  id: string
  xml: string
  /** Numeric styles cite by number; author-date styles by name and year. */
  numeric: boolean
}

/** Styles that ship with briefkit (`csl/`), found by id before the installed ones. */
export const bundledStylesDir = fileURLToPath(new URL('../../csl/', import.meta.url))

/**
 * Default style per language, by CSL id: Chinese gets briefkit's own bilingual GB/T 7714-2015
 * (Debian's lacks the per-language layouts that give English entries "et al."), others Chicago.
 */
export function defaultStyleId(lang: string): string {
  return lang.startsWith('zh') ? 'briefkit-gb-t-7714-2015-numeric' : 'chicago-author-date'
}

/** The CSL data folder: BRIEFKIT_CSL_DIR or Debian's. Throws when neither has styles and locales. */
export function cslDir(): string {
  const dir = process.env['BRIEFKIT_CSL_DIR'] ?? systemCslDir
  if (!fs.existsSync(path.join(dir, 'styles')) || !fs.existsSync(path.join(dir, 'locales'))) {
    throw new BriefkitError(`CSL styles and locales not found in ${dir}`, { hint: installHint })
  }
  return dir
}

/**
 * Load a style by file path, or by id from `dirs` (the site's own styles), briefkit's and the
 * installed ones, following a dependent style to its parent.
 */
export function loadStyle(spec: string, dirs: readonly string[] = []): LoadedStyle {
  const xml = fs.readFileSync(spec.endsWith('.csl') ? spec : (stylePath(spec, dirs) ?? spec), 'utf8')
  const link = /<link\b[^>]*rel="independent-parent"[^>]*>/.exec(xml)?.[0]
  const parent = link && /href="[^"]*\/([^"/]+)"/.exec(link)?.[1]
  if (parent) return { ...loadStyle(parent, dirs), id: spec }
  return { id: spec, xml, numeric: /citation-format="numeric"/.test(xml) }
}

/**
 * A style named by `csl:`: a `.csl` path (relative to `base`) or an id. Undefined when there is no
 * such style, with the closest ids to suggest.
 */
export function findStyle(
  spec: string,
  base: string,
  dirs: readonly string[],
): { style: LoadedStyle | undefined; suggestions: string[] } {
  if (spec.endsWith('.csl')) {
    // Note: only a readable file that is a CSL style: a folder, a FIFO or another file would fail in citeproc.
    const file = resolveInside(path.parse(base).root, path.resolve(base, spec))
    const style = file.ok ? loadStyle(file.path, dirs) : undefined
    return { style: style && isCslStyle(style.xml) ? style : undefined, suggestions: [] }
  }
  if (hasStyle(spec, dirs)) return { style: loadStyle(spec, dirs), suggestions: [] }
  return { style: undefined, suggestions: suggestStyles(spec, dirs) }
}

function isCslStyle(xml: string): boolean {
  return /<style\b[^>]*xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(xml)
}

/** The hint for a style `findStyle` did not find. */
export function styleHint(spec: string, suggestions: readonly string[]): string {
  if (spec.endsWith('.csl')) return 'A `.csl` path is relative to the file that names it, and must be a CSL style file.'
  return suggestions.length > 0
    ? `Did you mean ${suggestions.map((s) => `\`${s}\``).join(', ')}?`
    : 'Use a CSL style id (see /usr/share/citation-style-language/styles), a path to a `.csl` file, or add the style to the folder named by `cslStyles:` in site.yaml.'
}

/** Whether a style id is known: in `dirs`, briefkit's styles or the installed ones. */
export function hasStyle(id: string, dirs: readonly string[] = []): boolean {
  return stylePath(id, dirs) !== undefined
}

/** Known style ids closest to an unknown one, best first. */
export function suggestStyles(id: string, dirs: readonly string[] = [], limit = 3): string[] {
  const all = listStyles(dirs)
  const picks: string[] = []
  const pool = new Set(all)
  while (picks.length < limit && pool.size > 0) {
    const best = closest(id, [...pool])
    if (distance(id, best) > Math.max(4, id.length / 2)) break
    picks.push(best)
    pool.delete(best)
  }
  return picks
}

/** Read a CSL locale for a language (`zh` → zh-CN, `en` → en-US), or undefined when not installed. */
export function readLocale(lang: string): string | undefined {
  const dir = path.join(cslDir(), 'locales')
  const exact = path.join(dir, `locales-${lang}.xml`)
  if (fs.existsSync(exact)) return fs.readFileSync(exact, 'utf8')
  const base = lang.split('-')[0] ?? lang
  const installed = fs
    .readdirSync(dir)
    .map((f) => /^locales-(.+)\.xml$/.exec(f)?.[1])
    .filter((tag) => tag !== undefined)
  const match = installed.includes(cslLanguage(lang))
    ? cslLanguage(lang)
    : installed.find((tag) => tag.split('-')[0] === base)
  return match ? fs.readFileSync(path.join(dir, `locales-${match}.xml`), 'utf8') : undefined
}

/** The CSL locale tag for a content language: `zh` → `zh-CN`, `en` → `en-US`; tags with a region pass through. */
export function cslLanguage(lang: string): string {
  if (lang.includes('-')) return lang
  return { zh: 'zh-CN', en: 'en-US', pt: 'pt-PT', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', ja: 'ja-JP' }[lang] ?? lang
}

/** Where styles are looked up by id, first match wins. */
function styleFolders(dirs: readonly string[]): string[] {
  const installed = path.join(cslDir(), 'styles')
  return [...dirs, bundledStylesDir, installed, path.join(installed, 'dependent')]
}

function stylePath(id: string, dirs: readonly string[]): string | undefined {
  if (!/^[\w.-]+$/.test(id)) return undefined
  return styleFolders(dirs)
    .map((dir) => path.join(dir, `${id}.csl`))
    .find((file) => fs.existsSync(file))
}

function listStyles(dirs: readonly string[]): string[] {
  const names = (folder: string) =>
    fs.existsSync(folder)
      ? fs
          .readdirSync(folder)
          .filter((f) => f.endsWith('.csl'))
          .map((f) => f.slice(0, -4))
      : []
  return [...new Set(styleFolders(dirs).flatMap(names))]
}
