import fs from 'node:fs'
import path from 'node:path'
import { VFile } from 'vfile'
import { findStyle, styleHint } from '../citations/styles.ts'
import { type LocatedYaml, parseYaml, validateYaml } from '../core/yaml.ts'
import { reportError } from '../reporting/messages.ts'
import { findTheme, listThemes } from '../theme/theme.ts'
import { type ArgumentKind, defaultArgumentKinds } from './kinds.ts'
import type { LintLevel, LintRule } from './lint-levels.ts'
import { type LocalizedString, type SiteFile, siteSchema } from './schema.ts'

/** Site configuration with every default filled in. Nothing downstream checks for unset options. */
export interface ResolvedConfig {
  contentDir: string
  title: LocalizedString
  baseUrl: string
  /** The first is the site's default language. */
  languages: readonly [string, ...string[]]
  theme: string
  themeDir: string
  argumentKinds: readonly ArgumentKind[]
  /** Site-wide citation style, or one per language, if set; otherwise each language's default. */
  csl: LocalizedString | undefined
  /** Folders of the site's own CSL styles (`cslStyles:`), searched by id first. */
  cslStyleDirs: string[]
  /** Argument kinds every brief must make, once each (`requiredKinds:`). */
  requiredKinds: readonly string[]
  /** Levels of the lint rules site.yaml sets (`lint:`); a run fills in the others from its `lintDefaults`. */
  lint: Partial<Record<LintRule, LintLevel>>
  /** Paper size of the PDFs. */
  paper: 'A4' | 'Letter'
  /** The fewest pages a PDF has (counted without contents) for it to list its contents (`contentsFrom:`; 0 always). */
  contentsFrom: number
  /** The build cache's folder when site.yaml names one (`cache:`); otherwise briefkit finds one. */
  cacheDir: string | undefined
}

/**
 * Read and validate `<contentDir>/site.yaml`. Problems are reported on the returned file;
 * the config is undefined when there were errors.
 */
export function loadConfig(contentDir: string): { file: VFile; config: ResolvedConfig | undefined } {
  const filePath = path.join(contentDir, 'site.yaml')
  const file = new VFile({ path: filePath })
  let text: string
  try {
    text = fs.readFileSync(filePath, 'utf8')
  } catch {
    reportError(
      file,
      'Cannot read `site.yaml`',
      undefined,
      'missing-file',
      'Every content folder needs a site.yaml with at least `title:` and `baseUrl:`.',
    )
    return { file, config: undefined }
  }
  file.value = text
  const yaml = parseYaml(text, file)
  const site = yaml && validateYaml(yaml, siteSchema, file, 'site.yaml')
  if (!yaml || !site) return { file, config: undefined }

  const themeDir = findTheme(contentDir, site.theme)
  if (!themeDir) {
    reportError(
      file,
      `Unknown theme \`${site.theme}\``,
      yaml.pointAt(['theme']),
      'unknown-theme',
      `Themes are folders in templates/; available: ${listThemes(contentDir)
        .map((t) => `\`${t}\``)
        .join(', ')}.`,
    )
    return { file, config: undefined }
  }
  const cslStyleDirs = site.cslStyles ? [path.resolve(contentDir, site.cslStyles)] : []
  if (!checkStyles(site, cslStyleDirs, contentDir, yaml, file)) return { file, config: undefined }
  const [first, ...rest] = site.languages
  return {
    file,
    config: {
      contentDir,
      title: site.title,
      baseUrl: site.baseUrl.endsWith('/') ? site.baseUrl : `${site.baseUrl}/`,
      languages: [first ?? 'zh', ...rest],
      theme: site.theme,
      themeDir,
      argumentKinds: site.argumentKinds ?? defaultArgumentKinds,
      csl: site.csl,
      cslStyleDirs,
      paper: site.paper,
      contentsFrom: site.contentsFrom,
      requiredKinds: site.requiredKinds,
      lint: site.lint,
      cacheDir: site.cache === undefined ? undefined : path.resolve(contentDir, site.cache),
    },
  }
}

/** The site's citation style for a language: `csl:` as one id for all, or the language's entry. */
export function siteStyle(config: Pick<ResolvedConfig, 'csl'>, lang: string): string | undefined {
  const { csl } = config
  if (csl === undefined || typeof csl === 'string') return csl
  return csl[lang] ?? csl[lang.split('-')[0] ?? lang]
}

/** Check `cslStyles:` and each style named by `csl:`, reporting at its place in site.yaml. */
function checkStyles(site: SiteFile, dirs: string[], contentDir: string, yaml: LocatedYaml, file: VFile): boolean {
  if (site.cslStyles && !fs.statSync(dirs[0] ?? '', { throwIfNoEntry: false })?.isDirectory()) {
    reportError(
      file,
      `Style folder \`${site.cslStyles}\` not found`,
      yaml.pointAt(['cslStyles']),
      'unknown-style',
      'The path is relative to site.yaml, and names a folder of `.csl` files.',
    )
    return false
  }
  const named =
    typeof site.csl === 'string'
      ? [[[], site.csl] as const]
      : Object.entries(site.csl ?? {}).map(([lang, spec]) => [[lang], spec] as const)
  let ok = true
  for (const [at, spec] of named) {
    const { style, suggestions } = findStyle(spec, contentDir, dirs)
    if (style) continue
    reportError(
      file,
      `Unknown citation style \`${spec}\``,
      yaml.pointAt(['csl', ...at]),
      'unknown-style',
      styleHint(spec, suggestions),
    )
    ok = false
  }
  return ok
}
