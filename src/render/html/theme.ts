import fs from 'node:fs'
import path from 'node:path'
import { Liquid } from 'liquidjs'
import { parse as parseYamlText } from 'yaml'
import { z } from 'zod'
import { BriefkitError } from '../../reporting/errors.ts'
import { cssString } from '../css.ts'

const themeFileSchema = z.object({ fonts: z.array(z.string()).default([]) })
const stringsSchema = z.record(z.string(), z.string())

/** The theme's own words in one language (Summary/摘要, References/参考文献 …). */
export type Strings = Record<string, string>

/** A theme: its template engine, its words per language and what it ships to the site. */
export interface Theme {
  dir: string
  engine: Liquid
  /** Package stylesheets of web fonts the theme uses (`@fontsource/noto-sans-sc/400.css`). */
  fonts: string[]
  strings(lang: string): Strings
}

/** Load `templates/<theme>/`: layouts and partials through LiquidJS with escaping on, strings per language. */
export function loadTheme(dir: string): Theme {
  const engine = new Liquid({
    root: [path.join(dir, 'layouts'), path.join(dir, 'partials')],
    layouts: path.join(dir, 'layouts'),
    partials: path.join(dir, 'partials'),
    extname: '.liquid',
    // Note: every `{{ }}` is HTML-escaped; only fragments briefkit sanitized are printed with `| raw`.
    outputEscape: 'escape',
    strictFilters: true,
    cache: true,
  })
  engine.registerFilter('css_string', (value: unknown) => cssString(String(value ?? '')))
  const themeFile = path.join(dir, 'theme.yaml')
  const theme = themeFileSchema.parse(fs.existsSync(themeFile) ? parseYamlText(fs.readFileSync(themeFile, 'utf8')) ?? {} : {})
  const cache = new Map<string, Strings>()
  return {
    dir,
    engine,
    fonts: theme.fonts,
    strings(lang) {
      const cached = cache.get(lang)
      if (cached) return cached
      const strings = { ...readStrings(dir, 'en'), ...readStrings(dir, lang.split('-')[0] ?? lang), ...readStrings(dir, lang) }
      cache.set(lang, strings)
      return strings
    },
  }
}

function readStrings(dir: string, lang: string): Strings {
  const file = path.join(dir, 'strings', `${lang}.yaml`)
  if (!fs.existsSync(file)) return {}
  const parsed = stringsSchema.safeParse(parseYamlText(fs.readFileSync(file, 'utf8')))
  if (!parsed.success) throw new BriefkitError(`Theme strings ${file} must map names to text`, { cause: parsed.error })
  return parsed.data
}
