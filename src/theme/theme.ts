import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Liquid } from 'liquidjs'
import { parse as parseYamlText } from 'yaml'
import { z } from 'zod'
import { cssString } from '../core/css.ts'
import { compressedFontSuffix } from '../core/font-file.ts'
import { BriefkitError } from '../reporting/errors.ts'
import { themeFile, themeFilesIn } from './files.ts'
import { titleWordsHtml } from './words.ts'

const require = createRequire(import.meta.url)

/** Where an installed briefkit keeps the font files its own themes use (see scripts/bundle-fonts.mjs). */
const bundledFontsDir = fileURLToPath(new URL('../../fonts/', import.meta.url))

/** Where briefkit's own themes live. */
export const packagedTemplatesDir = fileURLToPath(new URL('../../templates/', import.meta.url))

/** Where a site's themes are looked for: `templates/` beside the content folder, then briefkit's own. */
function templateRoots(contentDir: string): string[] {
  return [path.resolve(contentDir, '..', 'templates'), packagedTemplatesDir]
}

/** The folder of the theme named `theme`, or undefined when there is none. */
export function findTheme(contentDir: string, theme: string): string | undefined {
  return templateRoots(contentDir)
    .map((root) => path.join(root, theme))
    .find(isTheme)
}

/** A theme folder has its own layouts, or a theme.yaml (which may take them from another theme). */
export function isTheme(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'layouts')) || fs.existsSync(path.join(dir, 'theme.yaml'))
}

/** The names of the themes a site can use. */
export function listThemes(contentDir: string): string[] {
  const names = new Set<string>()
  for (const root of templateRoots(contentDir)) {
    if (!fs.existsSync(root)) continue
    for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
      if (entry.isDirectory()) names.add(entry.name)
    }
  }
  return [...names].sort()
}

const fontSchema = z.object({
  family: z.string().min(1),
  weight: z.number().int().min(1).max(1000).default(400),
  style: z.enum(['normal', 'italic']).default('normal'),
  file: z.string().min(1),
})
const themeFileSchema = z.object({
  extends: z
    .string()
    .regex(/^[\w-]+$/)
    .optional(),
  fonts: z.array(z.union([fontSchema, z.string()])).default([]),
  // Note: read only to say it is now `fonts:`.
  printFonts: z.unknown().optional(),
})

/**
 * A whole font file the theme sets its text in: the site gets a woff2 subset of it with the characters
 * of its pages, each PDF a TrueType subset with the characters of that PDF.
 */
export type ThemeFont = z.infer<typeof fontSchema>
const stringsSchema = z.record(z.string(), z.string())

/** The theme's own words in one language (Summary/摘要, References/参考文献 …). */
export type Strings = Record<string, string>

/** A theme: its template engine, its words per language and what it ships to the site. */
export interface Theme {
  dir: string
  /** This theme's folder, then the folders of the themes it extends: the first that has a file wins. */
  dirs: string[]
  engine: Liquid
  /** The font files of the site and the PDF, `file` resolved to an absolute path. */
  fonts: ThemeFont[]
  strings(lang: string): Strings
}

/**
 * Load `templates/<theme>/`: layouts and partials through LiquidJS with escaping on, strings per
 * language. A theme whose theme.yaml says `extends: default` takes the layouts, partials, strings,
 * assets and fonts it does not have itself from that theme (a sibling folder).
 */
export function loadTheme(dir: string): Theme {
  const chain = themeChain(dir)
  const dirs = chain.map((link) => link.dir)
  // Note: LiquidJS reads templates by path, through symlinks: each must stay inside its theme.
  for (const d of dirs) for (const sub of ['layouts', 'partials']) themeFilesIn(path.join(d, sub), d)
  const engine = new Liquid({
    root: dirs.flatMap((d) => [path.join(d, 'layouts'), path.join(d, 'partials')]),
    layouts: dirs.map((d) => path.join(d, 'layouts')),
    partials: dirs.map((d) => path.join(d, 'partials')),
    extname: '.liquid',
    // Note: every `{{ }}` is HTML-escaped; only fragments briefkit sanitized are printed with `| raw`.
    outputEscape: 'escape',
    strictFilters: true,
    cache: true,
  })
  engine.registerFilter('css_string', (value: unknown) => cssString(String(value ?? '')))
  // Note: `raw`: the filter escapes the title itself and adds only `<wbr>`s, so `{{ brief.title | words: lang }}` needs no `| raw`.
  engine.registerFilter('words', {
    handler: (value: unknown, lang: unknown) => titleWordsHtml(String(value ?? ''), String(lang ?? '')),
    raw: true,
  })
  const fontsOf = chain.find((link) => link.file.fonts.length > 0)
  const cache = new Map<string, Strings>()
  return {
    dir,
    dirs,
    engine,
    fonts: fontsOf ? fontsOf.file.fonts.map((font) => themeFont(font, fontsOf.dir)) : [],
    strings(lang) {
      const cached = cache.get(lang)
      if (cached) return cached
      const tags = ['en', lang.split('-')[0] ?? lang, lang]
      const strings = Object.assign(
        {},
        ...[...dirs].reverse().flatMap((d) => tags.map((tag) => readStrings(d, tag))),
      ) as Strings
      cache.set(lang, strings)
      return strings
    },
  }
}

type ThemeFile = z.output<typeof themeFileSchema>

/** A theme and the themes it extends, nearest first. */
function themeChain(dir: string, seen: string[] = []): Array<{ dir: string; file: ThemeFile }> {
  if (seen.includes(dir))
    throw new BriefkitError(`Theme ${path.basename(dir)} extends itself`, {
      hint: "Check `extends:` in the themes' theme.yaml.",
    })
  const yamlFile = path.join(dir, 'theme.yaml')
  const file = themeFileSchema.parse(
    fs.existsSync(yamlFile) ? (parseYamlText(fs.readFileSync(themeFile(yamlFile, dir), 'utf8')) ?? {}) : {},
  )
  if (file.printFonts !== undefined)
    throw new BriefkitError(`Theme ${path.basename(dir)} has \`printFonts:\`, which is now \`fonts:\``, {
      hint: 'Rename `printFonts:` to `fonts:` in its theme.yaml (and remove the Fontsource stylesheets listed there).',
    })
  if (!file.extends) return [{ dir, file }]
  const parent = [path.join(path.dirname(dir), file.extends), path.join(packagedTemplatesDir, file.extends)].find(
    (d) => d !== dir && isTheme(d),
  )
  if (!parent)
    throw new BriefkitError(`Theme ${path.basename(dir)} extends \`${file.extends}\`, which is not a theme`, {
      hint: 'Themes are folders in templates/.',
    })
  return [{ dir, file }, ...themeChain(parent, [...seen, dir])]
}

/** A font of theme.yaml with its file resolved; a stylesheet's name (the old `fonts:`) is refused with a hint. */
function themeFont(font: ThemeFont | string, dir: string): ThemeFont {
  if (typeof font === 'string')
    throw new BriefkitError(`Theme ${path.basename(dir)} names the font stylesheet \`${font}\` in \`fonts:\``, {
      hint: '`fonts:` lists font files, `- { family: Noto Sans, weight: 400, file: <a .ttf or .otf> }`: the site and the PDF both use them.',
    })
  return { ...font, file: resolveFontFile(font.file, dir) }
}

/** A font file named by package path (`@expo-google-fonts/…/x.ttf`) or relative to the theme. */
function resolveFontFile(file: string, dir: string): string {
  const local = path.resolve(dir, file)
  // Note: a path relative to the theme must stay in it; an absolute one (a system font) is the theme's own choice.
  if (fs.existsSync(local)) return path.isAbsolute(file) ? local : themeFile(local, dir)
  // Note: a package path, from the fonts an installed briefkit carries, else from node_modules (a checkout).
  const bundled = path.join(bundledFontsDir, file + compressedFontSuffix)
  if (!path.relative(bundledFontsDir, bundled).startsWith('..') && fs.existsSync(bundled)) return bundled
  try {
    return require.resolve(file, { paths: [dir, process.cwd()] })
  } catch (error) {
    throw new BriefkitError(`Print font \`${file}\` of the theme ${path.basename(dir)} is not installed`, {
      hint: "Run `npm install` in the briefkit folder, or give the font file's path relative to the theme.",
      cause: error,
    })
  }
}

function readStrings(dir: string, lang: string): Strings {
  const file = path.join(dir, 'strings', `${lang}.yaml`)
  if (!fs.existsSync(file)) return {}
  const parsed = stringsSchema.safeParse(parseYamlText(fs.readFileSync(themeFile(file, dir), 'utf8')))
  if (!parsed.success) throw new BriefkitError(`Theme strings ${file} must map names to text`, { cause: parsed.error })
  return parsed.data
}
