import fs from 'node:fs'
import path from 'node:path'
import { closest, distance } from 'fastest-levenshtein'
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

/** Default style per language, by CSL id. */
export function defaultStyleId(lang: string): string {
  return lang.startsWith('zh') ? 'china-national-standard-gb-t-7714-2015-numeric' : 'chicago-author-date'
}

/** The CSL data folder: BRIEFKIT_CSL_DIR or Debian's. Throws when neither has styles and locales. */
export function cslDir(): string {
  const dir = process.env['BRIEFKIT_CSL_DIR'] ?? systemCslDir
  if (!fs.existsSync(path.join(dir, 'styles')) || !fs.existsSync(path.join(dir, 'locales'))) {
    throw new BriefkitError(`CSL styles and locales not found in ${dir}`, { hint: installHint })
  }
  return dir
}

/** Load a style by file path, or by id from the installed styles (following a dependent style to its parent). */
export function loadStyle(spec: string): LoadedStyle {
  const xml = fs.readFileSync(spec.endsWith('.csl') ? spec : stylePath(spec), 'utf8')
  const link = /<link\b[^>]*rel="independent-parent"[^>]*>/.exec(xml)?.[0]
  const parent = link && /href="[^"]*\/([^"/]+)"/.exec(link)?.[1]
  if (parent) return { ...loadStyle(parent), id: spec }
  return { id: spec, xml, numeric: /citation-format="numeric"/.test(xml) }
}

/** Whether a style id is installed. */
export function hasStyle(id: string): boolean {
  return fs.existsSync(stylePath(id))
}

/** Installed style ids closest to an unknown one, best first. */
export function suggestStyles(id: string, limit = 3): string[] {
  const all = listStyles()
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
  const installed = fs.readdirSync(dir).map((f) => /^locales-(.+)\.xml$/.exec(f)?.[1]).filter((tag) => tag !== undefined)
  const match = installed.includes(cslLanguage(lang)) ? cslLanguage(lang) : installed.find((tag) => tag.split('-')[0] === base)
  return match ? fs.readFileSync(path.join(dir, `locales-${match}.xml`), 'utf8') : undefined
}

/** The CSL locale tag for a content language: `zh` → `zh-CN`, `en` → `en-US`; tags with a region pass through. */
export function cslLanguage(lang: string): string {
  if (lang.includes('-')) return lang
  return { zh: 'zh-CN', en: 'en-US', pt: 'pt-PT', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', ja: 'ja-JP' }[lang] ?? lang
}

function stylePath(id: string): string {
  const dir = path.join(cslDir(), 'styles')
  const independent = path.join(dir, `${id}.csl`)
  return fs.existsSync(independent) ? independent : path.join(dir, 'dependent', `${id}.csl`)
}

function listStyles(): string[] {
  const dir = path.join(cslDir(), 'styles')
  const names = (folder: string) =>
    fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.csl')).map((f) => f.slice(0, -4)) : []
  return [...names(dir), ...names(path.join(dir, 'dependent'))]
}
